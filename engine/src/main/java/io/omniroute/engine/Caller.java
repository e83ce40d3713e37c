package io.omniroute.engine;

import java.util.Collection;
import java.util.Set;

/**
 * Who asks a service for something, as the authorization in front of it decided: the caller's
 * name (the author in audit logs, the owner of its idempotency keys), and whether it may act on
 * everything the operation reaches or only on what its roles own: contacts in its dealers' queues,
 * customers of its countries ({@code supervisor:CC}) or owned by its dealers ({@code dealer:<id>}),
 * agents who serve only its dealers' queues, and the agents it is itself ({@code agent:<id>}).
 * Data only: services do not know about tokens or roles. Immutable.
 *
 * @param unrestricted whether the caller may act on everything the operation reaches
 * @param countries the countries whose customers a restricted caller may act on
 * @param dealerIds the dealers whose contacts, customers and agents a restricted caller may act on
 * @param agentIds the agents a restricted caller is itself
 */
public record Caller(
    String name, boolean unrestricted, Set<String> countries, Set<String> dealerIds, Set<String> agentIds) {
  private static final String DEALER_QUEUE_PREFIX = "dealer:";

  public Caller {
    countries = Set.copyOf(countries);
    dealerIds = Set.copyOf(dealerIds);
    agentIds = Set.copyOf(agentIds);
  }

  /** A caller that may act on everything, such as an administrator or an engine-internal task. */
  public static Caller unrestricted(String name) {
    return new Caller(name, true, Set.of(), Set.of(), Set.of());
  }

  /** A caller that may act only on the contacts, customers and agents of these dealers. */
  public static Caller dealer(String name, String... dealerIds) {
    return new Caller(name, false, Set.of(), Set.of(dealerIds), Set.of());
  }

  /** A caller that is the agent {@code agentId} and may act only on itself. */
  public static Caller agent(String name, String agentId) {
    return new Caller(name, false, Set.of(), Set.of(), Set.of(agentId));
  }

  /** Whether this caller may act on a contact that waits in {@code queue}. */
  public boolean mayActOnContactIn(String queue) {
    return unrestricted
        || (queue != null && queue.startsWith(DEALER_QUEUE_PREFIX)
            && dealerIds.contains(queue.substring(DEALER_QUEUE_PREFIX.length())));
  }

  /**
   * Whether this caller may manage an agent who serves {@code queues}: an unrestricted caller
   * always, a dealer when every one of the queues is one of its own dealer queues.
   */
  public boolean mayManageAgentServing(Collection<String> queues) {
    return unrestricted
        || (!queues.isEmpty() && !dealerIds.isEmpty() && queues.stream().allMatch(this::mayActOnContactIn));
  }

  /** Whether this caller is the agent {@code agentId}. */
  public boolean isAgent(String agentId) {
    return agentIds.contains(agentId);
  }

  /** Whether this caller may act on a customer of {@code country} owned by {@code ownerDealerId} (either may be null). */
  public boolean mayActOnCustomer(String country, String ownerDealerId) {
    return unrestricted
        || (country != null && countries.contains(country))
        || (ownerDealerId != null && dealerIds.contains(ownerDealerId));
  }
}
