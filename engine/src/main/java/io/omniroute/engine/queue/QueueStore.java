package io.omniroute.engine.queue;

import io.omniroute.rules.model.Route;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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
  /** How long a closed conversation is kept after its last activity, so that a follow-up can reopen it. */
  Duration DEFAULT_CONVERSATION_RETENTION = Duration.ofDays(7);

  /**
   * A new contact id. A store may choose ids so that a contact lives next to its idempotency key
   * (the Redis store does); {@code idempotencyKey} may be {@code null}.
   */
  default String newContactId(String idempotencyKey) {
    return UUID.randomUUID().toString();
  }

  /**
   * Stores a new queued contact that opens its own conversation. With a non-null {@code
   * idempotencyKey} seen before, stores nothing and answers the first record with {@code created
   * == false}.
   */
  default Future<Accepted> accept(ContactRecord contact, String idempotencyKey) {
    return accept(contact, idempotencyKey, new Threading.Start(null, Message.inbound(
        contact.id(), contact.receivedAt(), contact.channel(), null, null)));
  }

  /**
   * Stores a new contact and applies its conversation's {@code threading} in one step: a queued
   * contact that starts or reopens its conversation, or a {@code JOINED} follow-up that joins it.
   * With a non-null {@code idempotencyKey} seen before, stores nothing and answers the first record
   * with {@code created == false}; otherwise fails with {@link ConversationChangedException} when
   * the plan no longer fits the conversation. A store that partitions its data keeps a follow-up
   * with its conversation: its id comes from {@link #newContactId} with the conversation's id.
   */
  Future<Accepted> accept(ContactRecord contact, String idempotencyKey, Threading threading);

  /** The conversation {@code id} as intake plans with it; empty when unknown. */
  Future<Optional<ConversationState>> conversationState(String id);

  /**
   * The conversations that the thread key {@code key} leads to, by the {@linkplain ThreadKey#scope()
   * scope} it was seen in (a customer, or a channel for unidentified senders).
   */
  Future<Map<String, ConversationState>> threadStates(String key);

  /** The conversation {@code id} with its messages and held contacts; empty when unknown. */
  Future<Optional<ConversationRecord>> conversation(String id);

  /** Up to {@code limit} conversations of the customer {@code customerId}, the most recently active first. */
  Future<List<ConversationRecord>> conversationsOf(String customerId, int limit);

  /** Adds {@code message} to the conversation {@code id}; answers the conversation after it, or empty when unknown. */
  Future<Optional<ConversationRecord>> addMessage(String id, Message message);

  /**
   * Moves a waiting or assigned contact to {@code to} with a new deadline ({@link
   * ContactRecord#transferred}); fails with {@link ContactNotFoundException} or {@link
   * IllegalTransitionException} for a finished one.
   */
  Future<ContactRecord> transfer(String id, Route to, Instant newDeadline, String reason, Instant now);

  /**
   * Erases the personal data in the messages of every conversation of {@code customerId} and
   * forgets that they belong to the customer and their thread keys; answers how many conversations.
   */
  Future<Integer> eraseConversationsOf(String customerId, Instant at);

  /** The contact with this id, if any. */
  Future<Optional<ContactRecord>> find(String id);

  /**
   * The contact accepted with this idempotency key (as {@link #accept} got it), while the store
   * still holds it: how an adapter finds the contact of a foreign id (a Twilio call's status
   * callback names only the call).
   */
  Future<Optional<ContactRecord>> findByIdempotencyKey(String idempotencyKey);

  /**
   * Hands the next contact of a queue to an agent and marks it {@code ASSIGNED}; empty when the
   * queue has no waiting contact.
   */
  Future<Optional<ContactRecord>> claim(String queue, String agent, Instant now);

  /**
   * Reserves the contact {@code id} for an offer to {@code agent}, only if it is {@code QUEUED} in
   * {@code queue}: it becomes {@code OFFERED} ({@link ContactRecord#offered}), leaves its queue's
   * serve order (no claim and no other offer takes it) and keeps its deadline, so it still
   * escalates. Empty when the contact is gone, not queued there, or already reserved.
   */
  Future<Optional<ContactRecord>> reserve(String id, String queue, String agent, String offerId, Instant expiresAt,
      Instant now);

  /**
   * Ends the offer {@code offerId} of the contact {@code id} with {@code outcome} ({@link
   * ContactRecord#offerEnded}): assigned to the agent when {@code accepted}, otherwise queued again
   * in its queue at its place in the serve order. Empty when the contact is not reserved by this
   * offer (any more).
   */
  Future<Optional<ContactRecord>> endOffer(String id, String offerId, String outcome, String detail, Instant now);

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

  /**
   * Adds {@code event} to the history of the contact {@code id} ({@link ContactRecord#noted}),
   * whatever its status; answers the record after it, or empty when the contact is gone. What was
   * received, the status, the queue and the deadline do not change.
   */
  Future<Optional<ContactRecord>> addHistory(String id, HistoryEvent event);

  @Override
  void close();
}
