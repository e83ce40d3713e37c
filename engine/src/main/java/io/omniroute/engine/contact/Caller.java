package io.omniroute.engine.contact;

import java.util.Set;

/**
 * Who asks the contact service for something, as the authorization in front of it decided: the
 * caller's name (the owner of its idempotency keys), whether it may act on any contact, and
 * otherwise the dealer queues whose contacts it may act on ({@code dealer:DE-MUC-001}). Data only:
 * the service does not know about tokens or roles. Immutable.
 */
public record Caller(String name, boolean actsOnAnyContact, Set<String> ownQueues) {
  public Caller {
    ownQueues = Set.copyOf(ownQueues);
  }

  /** A caller that may act on every contact, such as an administrator or an engine-internal task. */
  public static Caller unrestricted(String name) {
    return new Caller(name, true, Set.of());
  }

  /** Whether this caller may act on a contact that waits in {@code queue}. */
  public boolean mayActOnContactIn(String queue) {
    return actsOnAnyContact || ownQueues.contains(queue);
  }
}
