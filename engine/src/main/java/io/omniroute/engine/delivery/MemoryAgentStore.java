package io.omniroute.engine.delivery;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.NavigableSet;
import java.util.HashMap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.function.UnaryOperator;

/**
 * The agents registry in this process's memory: lost when it stops, the default when no Redis is
 * configured. One lock guards a map of agents by id, so every write is atomic; calls take well
 * under a microsecond per agent, so event loops may call it. Thread-safe; its futures are already
 * complete when returned.
 */
public final class MemoryAgentStore implements AgentStore {
  private final Map<String, AgentState> agents = new TreeMap<>();
  private final Map<String, Offer> offers = new HashMap<>();
  private final NavigableSet<Offer> byExpiry =
      new TreeSet<>(Comparator.comparing(Offer::expiresAt).thenComparing(Offer::id));

  @Override
  public synchronized Future<Saved> put(AgentProfile profile, Instant at) {
    AgentState previous = agents.get(profile.id());
    AgentState stored = previous == null ? AgentState.registered(profile, at) : previous.withProfile(profile);
    agents.put(profile.id(), stored);
    return Future.succeededFuture(new Saved(stored, previous == null));
  }

  @Override
  public synchronized Future<Optional<AgentState>> get(String id) {
    return Future.succeededFuture(Optional.ofNullable(agents.get(id)));
  }

  @Override
  public synchronized Future<List<AgentState>> list() {
    return Future.succeededFuture(List.copyOf(agents.values()));
  }

  @Override
  public synchronized Future<Optional<AgentState>> setPresence(String id, Presence presence, Instant at) {
    AgentState agent = agents.computeIfPresent(id, (key, current) -> current.withPresence(presence, at));
    return Future.succeededFuture(Optional.ofNullable(agent));
  }

  @Override
  public synchronized Future<Optional<Change>> update(String id, UnaryOperator<AgentState> change) {
    AgentState before = agents.get(id);
    if (before == null) {
      return Future.succeededFuture(Optional.empty());
    }
    AgentState after = change.apply(before);
    if (after != before) {
      agents.put(id, after.withProfile(before.profile()));
      after = agents.get(id);
      before.work().offers().forEach(offer -> {
        offers.remove(offer.id());
        byExpiry.remove(offer);
      });
      after.work().offers().forEach(offer -> {
        offers.put(offer.id(), offer);
        byExpiry.add(offer);
      });
    }
    return Future.succeededFuture(Optional.of(new Change(before, after)));
  }

  @Override
  public synchronized Future<Optional<Offer>> offer(String offerId) {
    return Future.succeededFuture(Optional.ofNullable(offers.get(offerId)));
  }

  @Override
  public synchronized Future<List<Offer>> expiredOffers(Instant now, int limit) {
    List<Offer> expired = new ArrayList<>();
    for (Offer offer : byExpiry) {
      if (offer.expiresAt().isAfter(now) || expired.size() >= limit) {
        break;
      }
      expired.add(offer);
    }
    return Future.succeededFuture(expired);
  }

  @Override
  public void close() {}
}
