package io.omniroute.engine.queue;

import io.omniroute.rules.model.Route;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Where contacts and their queues live: the only shared state of the engine.
 *
 * <p>Every operation is asynchronous and atomic on its own: a contact is accepted together with
 * its queue entry, deadline and idempotency key, or not at all; two concurrent claims never get
 * the same contact; an escalation happens at most once. Domain failures arrive as failed futures
 * ({@link ContactNotFoundException}, {@link IllegalTransitionException}). Implementations are
 * thread-safe and are shared by all verticles; {@link #close()} releases their resources.
 *
 * <p>Queues are ordered by priority (highest first), then by arrival (oldest first).
 */
public interface QueueStore extends AutoCloseable {

  /**
   * A new contact id. A store may choose ids so that a contact lives next to its idempotency key
   * (the Redis store does); {@code idempotencyKey} may be {@code null}.
   */
  default String newContactId(String idempotencyKey) {
    return UUID.randomUUID().toString();
  }

  /**
   * Stores a new queued contact. With a non-null {@code idempotencyKey} seen before, stores
   * nothing and answers the first record with {@code created == false}.
   */
  Future<Accepted> accept(ContactRecord contact, String idempotencyKey);

  /** The contact with this id, if any. */
  Future<Optional<ContactRecord>> find(String id);

  /**
   * Hands the next contact of a queue to an agent and marks it {@code ASSIGNED}; empty when the
   * queue has no waiting contact.
   */
  Future<Optional<ContactRecord>> claim(String queue, String agent, Instant now);

  /** Marks an assigned contact completed. */
  Future<ContactRecord> complete(String id, Instant now);

  /** Marks a queued or assigned contact abandoned (the customer left) and removes it from its queue. */
  Future<ContactRecord> abandon(String id, Instant now);

  /** Depth and oldest arrival of every queue that has held a contact. */
  Future<List<QueueStats>> queueStats();

  /** Up to {@code limit} waiting contacts of a queue, in the order they will be served. */
  Future<List<ContactRecord>> waiting(String queue, int limit);

  /** Up to {@code limit} queued contacts whose deadline is at or before {@code now} and that can escalate. */
  Future<List<ContactRecord>> dueForEscalation(Instant now, int limit);

  /**
   * Moves a contact to {@code to} with a new deadline, only if it is still queued in {@code
   * fromQueue} with a deadline at or before {@code now}. Empty when another caller got there first
   * or the contact was claimed or abandoned meanwhile, so each due contact escalates once.
   */
  Future<Optional<ContactRecord>> escalate(String id, String fromQueue, Route to, Instant newDeadline, Instant now);

  /** Succeeds when the store can serve requests. */
  Future<Void> ping();

  /** The ids of the stored contacts that came from the customer {@code customerId}. */
  Future<List<String>> contactsOf(String customerId);

  /**
   * Erases the personal data of the contact {@code id} ({@link ContactRecord#erased}); answers the
   * erased record, or empty when the contact is gone. Its status, queue and deadline do not change.
   */
  Future<Optional<ContactRecord>> erase(String id, Instant at);

  @Override
  void close();
}
