package io.omniroute.engine.webhook;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where webhooks and their deliveries are kept: the registered webhooks, the pending deliveries by
 * the time they are due, and each webhook's dead letters. Every node of an engine polls the same
 * store; a delivery is claimed atomically with a lease, so two nodes never make the same attempt at
 * once, and a node that dies during an attempt leaves the delivery due again when its lease ends.
 * A claim carries a token; completing, retrying or dead-lettering with a token whose lease another
 * claim took over does nothing (the other node's attempt counts).
 *
 * <p>Implementations are thread-safe and never block the calling thread; futures fail with {@link
 * io.omniroute.engine.StoreUnavailableException} when the store cannot be reached. {@link #close()}
 * releases what the store holds of its connection.
 */
public interface WebhookStore extends AutoCloseable {
  /** The most dead letters kept per webhook; beyond that the oldest are dropped. */
  int MAX_DEAD_LETTERS = 10_000;

  /** Creates or replaces the webhook with this id; answers whether it was new. */
  Future<Boolean> put(Webhook webhook);

  /** The webhook with this id. */
  Future<Optional<Webhook>> get(String id);

  /** Every webhook, ordered by id. */
  Future<List<Webhook>> list();

  /**
   * Removes the webhook and its dead letters; answers whether there was one. Its pending
   * deliveries are dropped when they are next due.
   */
  Future<Boolean> delete(String id);

  /** Adds deliveries, due at {@code due}; a delivery the store already has (same key) is left as it is. */
  Future<Void> enqueue(List<Delivery> deliveries, Instant due);

  /**
   * Claims up to {@code max} deliveries due at {@code now}, the earliest first, each with its
   * webhook as it is now, and leases them to {@code token} until {@code leaseUntil}, when they are
   * due again unless completed, retried or dead-lettered first. A due delivery whose webhook is gone
   * is dropped. Also answers how many deliveries are pending.
   */
  Future<Claims> claim(Instant now, Instant leaseUntil, int max, String token);

  /** The delivery succeeded: removes it. Answers false (and does nothing) when {@code token} lost its lease. */
  Future<Boolean> complete(Delivery delivery, String token);

  /** The attempt failed: keeps {@code delivery} (its attempts counted) due at {@code due}. False when the lease was lost. */
  Future<Boolean> retry(Delivery delivery, String token, Instant due);

  /** The delivery was retried long enough: {@code delivery} (with its {@code deadAt}) becomes a dead letter. */
  Future<Boolean> deadLetter(Delivery delivery, String token);

  /** The newest {@code limit} dead letters of a webhook, newest first, and how many it has. */
  Future<DeadLetters> deadLetters(String webhookId, int limit);

  /**
   * Makes these dead letters of {@code webhookId} pending again, due at {@code due}, each as given
   * (see {@link Delivery#replayed}); answers how many were still dead letters (the others were
   * replayed or dropped meanwhile and are left alone).
   */
  Future<Integer> replay(String webhookId, List<Delivery> replayed, Instant due);

  @Override
  void close();

  /** A claimed delivery with its webhook. */
  record Claimed(Delivery delivery, Webhook webhook) {}

  /** The deliveries a claim got, and how many are pending in the store (claimed ones included). */
  record Claims(List<Claimed> claimed, long pending) {}

  /** Dead letters of one webhook, newest first, and how many it has in all. */
  record DeadLetters(List<Delivery> newest, long total) {}
}
