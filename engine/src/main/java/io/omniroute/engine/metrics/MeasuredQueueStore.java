package io.omniroute.engine.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.omniroute.engine.queue.Accepted;
import io.omniroute.engine.queue.ContactNotFoundException;
import io.omniroute.engine.queue.ContactRecord;
import io.omniroute.engine.queue.ConversationChangedException;
import io.omniroute.engine.queue.ConversationRecord;
import io.omniroute.engine.queue.ConversationState;
import io.omniroute.engine.queue.Message;
import io.omniroute.engine.queue.Threading;
import io.omniroute.engine.queue.IllegalTransitionException;
import io.omniroute.engine.queue.QueueStats;
import io.omniroute.engine.queue.QueueStore;
import io.omniroute.engine.StoreUnavailableException;
import io.omniroute.rules.model.Route;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A {@link QueueStore} that measures every operation of the store it wraps:
 *
 * <ul>
 *   <li>{@code omniroute_store_operation_duration_seconds{operation,outcome}} (histogram), where
 *       the outcome is {@code success}, {@code rejected} (a domain answer such as an unknown
 *       contact or a forbidden transition) or {@code error};
 *   <li>{@code omniroute_store_errors_total{operation,error}}, where the error is {@code
 *       unavailable} (the store could not be reached in time) or {@code failure} (anything else).
 * </ul>
 *
 * Thread-safe when the wrapped store is; closing it closes the wrapped store.
 */
public final class MeasuredQueueStore implements QueueStore {
  /** The store operations, as named in the {@code operation} label. */
  enum Operation {
    ACCEPT, FIND, CLAIM, COMPLETE, ABANDON, QUEUE_STATS, WAITING, DUE_FOR_ESCALATION, ESCALATE, PING, CONTACTS_OF,
    ERASE, CONVERSATION_STATE, THREAD_STATES, CONVERSATION, CONVERSATIONS_OF, ADD_MESSAGE, TRANSFER,
    ERASE_CONVERSATIONS, RESERVE, END_OFFER, FIND_BY_IDEMPOTENCY_KEY, ADD_HISTORY;

    final String label = name().toLowerCase(Locale.ROOT);
  }

  private final QueueStore store;
  private final Map<Operation, Meters> meters = new EnumMap<>(Operation.class);

  public MeasuredQueueStore(QueueStore store, MeterRegistry registry) {
    this.store = store;
    for (Operation operation : Operation.values()) {
      meters.put(operation, new Meters(operation, registry));
    }
  }

  @Override
  public String newContactId(String idempotencyKey) {
    return store.newContactId(idempotencyKey);
  }

  @Override
  public Future<Accepted> accept(ContactRecord contact, String idempotencyKey) {
    return measured(Operation.ACCEPT, () -> store.accept(contact, idempotencyKey));
  }

  @Override
  public Future<Accepted> accept(ContactRecord contact, String idempotencyKey, Threading threading) {
    return measured(Operation.ACCEPT, () -> store.accept(contact, idempotencyKey, threading));
  }

  @Override
  public Future<Optional<ConversationState>> conversationState(String id) {
    return measured(Operation.CONVERSATION_STATE, () -> store.conversationState(id));
  }

  @Override
  public Future<Map<String, ConversationState>> threadStates(String key) {
    return measured(Operation.THREAD_STATES, () -> store.threadStates(key));
  }

  @Override
  public Future<Optional<ConversationRecord>> conversation(String id) {
    return measured(Operation.CONVERSATION, () -> store.conversation(id));
  }

  @Override
  public Future<List<ConversationRecord>> conversationsOf(String customerId, int limit) {
    return measured(Operation.CONVERSATIONS_OF, () -> store.conversationsOf(customerId, limit));
  }

  @Override
  public Future<Optional<ConversationRecord>> addMessage(String id, Message message) {
    return measured(Operation.ADD_MESSAGE, () -> store.addMessage(id, message));
  }

  @Override
  public Future<ContactRecord> transfer(String id, Route to, Instant newDeadline, String reason, Instant now) {
    return measured(Operation.TRANSFER, () -> store.transfer(id, to, newDeadline, reason, now));
  }

  @Override
  public Future<Integer> eraseConversationsOf(String customerId, Instant at) {
    return measured(Operation.ERASE_CONVERSATIONS, () -> store.eraseConversationsOf(customerId, at));
  }

  @Override
  public Future<Optional<ContactRecord>> find(String id) {
    return measured(Operation.FIND, () -> store.find(id));
  }

  @Override
  public Future<Optional<ContactRecord>> findByIdempotencyKey(String idempotencyKey) {
    return measured(Operation.FIND_BY_IDEMPOTENCY_KEY, () -> store.findByIdempotencyKey(idempotencyKey));
  }

  @Override
  public Future<Optional<ContactRecord>> claim(String queue, String agent, Instant now) {
    return measured(Operation.CLAIM, () -> store.claim(queue, agent, now));
  }

  @Override
  public Future<Optional<ContactRecord>> reserve(String id, String queue, String agent, String offerId, Instant expiresAt,
      Instant now) {
    return measured(Operation.RESERVE, () -> store.reserve(id, queue, agent, offerId, expiresAt, now));
  }

  @Override
  public Future<Optional<ContactRecord>> endOffer(String id, String offerId, String outcome, String detail, Instant now) {
    return measured(Operation.END_OFFER, () -> store.endOffer(id, offerId, outcome, detail, now));
  }

  @Override
  public Future<ContactRecord> complete(String id, Instant now) {
    return measured(Operation.COMPLETE, () -> store.complete(id, now));
  }

  @Override
  public Future<ContactRecord> abandon(String id, Instant now) {
    return measured(Operation.ABANDON, () -> store.abandon(id, now));
  }

  @Override
  public Future<List<QueueStats>> queueStats() {
    return measured(Operation.QUEUE_STATS, store::queueStats);
  }

  @Override
  public Future<List<ContactRecord>> waiting(String queue, int limit) {
    return measured(Operation.WAITING, () -> store.waiting(queue, limit));
  }

  @Override
  public Future<List<ContactRecord>> dueForEscalation(Instant now, int limit) {
    return measured(Operation.DUE_FOR_ESCALATION, () -> store.dueForEscalation(now, limit));
  }

  @Override
  public Future<Optional<ContactRecord>> escalate(String id, String fromQueue, Route to, Instant newDeadline, Instant now) {
    return measured(Operation.ESCALATE, () -> store.escalate(id, fromQueue, to, newDeadline, now));
  }

  @Override
  public Future<Void> ping() {
    return measured(Operation.PING, store::ping);
  }

  @Override
  public Future<List<String>> contactsOf(String customerId) {
    return measured(Operation.CONTACTS_OF, () -> store.contactsOf(customerId));
  }

  @Override
  public Future<Optional<ContactRecord>> erase(String id, Instant at) {
    return measured(Operation.ERASE, () -> store.erase(id, at));
  }

  @Override
  public Future<Optional<ContactRecord>> addHistory(String id, io.omniroute.engine.queue.HistoryEvent event) {
    return measured(Operation.ADD_HISTORY, () -> store.addHistory(id, event));
  }

  @Override
  public void close() {
    store.close();
  }

  private <T> Future<T> measured(Operation operation, Supplier<Future<T>> call) {
    long start = System.nanoTime();
    Future<T> result;
    try {
      result = call.get();
    } catch (RuntimeException e) {
      result = Future.failedFuture(e);
    }
    Meters measured = meters.get(operation);
    return result.andThen(done -> measured.record(System.nanoTime() - start, done.cause()));
  }

  /**
   * The meters of one operation. The success timer and the error counters are registered up front,
   * so the hot path does no meter look-up and dashboards see zeros; the timers of the rare outcomes
   * appear on first use.
   */
  private static final class Meters {
    private final Operation operation;
    private final MeterRegistry registry;
    private final Timer success;
    private final Counter unavailable;
    private final Counter failure;

    Meters(Operation operation, MeterRegistry registry) {
      this.operation = operation;
      this.registry = registry;
      success = timer(operation, "success", registry);
      unavailable = errors(operation, "unavailable", registry);
      failure = errors(operation, "failure", registry);
    }

    void record(long nanos, Throwable cause) {
      if (cause == null) {
        success.record(nanos, TimeUnit.NANOSECONDS);
      } else if (cause instanceof ContactNotFoundException || cause instanceof IllegalTransitionException
          || cause instanceof ConversationChangedException) {
        timer(operation, "rejected", registry).record(nanos, TimeUnit.NANOSECONDS);
      } else {
        timer(operation, "error", registry).record(nanos, TimeUnit.NANOSECONDS);
        (cause instanceof StoreUnavailableException ? unavailable : failure).increment();
      }
    }

    private static Timer timer(Operation operation, String outcome, MeterRegistry registry) {
      return Timer.builder("omniroute.store.operation.duration")
          .description("Time one store operation took, from call to answer")
          .tags("operation", operation.label, "outcome", outcome)
          .publishPercentileHistogram()
          .minimumExpectedValue(Duration.ofNanos(10_000))
          .maximumExpectedValue(Duration.ofSeconds(5))
          .register(registry);
    }

    private static Counter errors(Operation operation, String error, MeterRegistry registry) {
      return Counter.builder("omniroute.store.errors")
          .description("Store operations that failed: unavailable (not reachable in time) or failure")
          .tags("operation", operation.label, "error", error)
          .register(registry);
    }
  }
}
