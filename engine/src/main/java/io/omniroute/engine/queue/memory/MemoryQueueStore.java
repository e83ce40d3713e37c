package io.omniroute.engine.queue.memory;

import io.omniroute.engine.queue.Accepted;
import io.omniroute.engine.queue.ContactNotFoundException;
import io.omniroute.engine.queue.ContactRecord;
import io.omniroute.engine.queue.ContactStatus;
import io.omniroute.engine.queue.QueueStats;
import io.omniroute.engine.queue.QueueStore;
import io.omniroute.rules.model.Route;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The embedded store: everything in this process's memory, lost on exit. Suited to trying the
 * engine and to single-node tests; production uses Redis.
 *
 * <p>Thread-safe: every operation runs under one lock and takes O(log n) in the queue depth, so it
 * is safe to call from event loops. Futures are already completed when returned.
 */
public final class MemoryQueueStore implements QueueStore {
  private static final Comparator<Waiting> SERVE_ORDER =
      Comparator.comparingInt(Waiting::priority).reversed()
          .thenComparing(Waiting::receivedAt)
          .thenComparingLong(Waiting::sequence);
  private static final Comparator<Waiting> ARRIVAL_ORDER =
      Comparator.comparing(Waiting::receivedAt).thenComparingLong(Waiting::sequence);
  private static final Comparator<Due> DUE_ORDER =
      Comparator.comparing(Due::deadline).thenComparingLong(Due::sequence);

  private final Object lock = new Object();
  private final Map<String, ContactRecord> contacts = new HashMap<>();
  private final Map<String, String> idempotencyKeys = new HashMap<>();
  private final Map<String, WaitingLine> queues = new HashMap<>();
  private final Map<String, Waiting> waitingById = new HashMap<>();
  private final NavigableSet<Due> deadlines = new TreeSet<>(DUE_ORDER);
  private final Map<String, Due> dueById = new HashMap<>();
  private long sequence;

  private record Waiting(int priority, Instant receivedAt, long sequence, String id) {}

  /** One queue, indexed twice: in serve order and in arrival order (for the oldest wait). */
  private static final class WaitingLine {
    final NavigableSet<Waiting> serveOrder = new TreeSet<>(SERVE_ORDER);
    final NavigableSet<Waiting> arrivalOrder = new TreeSet<>(ARRIVAL_ORDER);

    void add(Waiting waiting) {
      serveOrder.add(waiting);
      arrivalOrder.add(waiting);
    }

    void remove(Waiting waiting) {
      serveOrder.remove(waiting);
      arrivalOrder.remove(waiting);
    }

    Waiting pollNext() {
      Waiting next = serveOrder.pollFirst();
      if (next != null) {
        arrivalOrder.remove(next);
      }
      return next;
    }

    QueueStats stats(String name) {
      return new QueueStats(name, serveOrder.size(), arrivalOrder.isEmpty() ? null : arrivalOrder.first().receivedAt());
    }
  }

  private record Due(Instant deadline, long sequence, String id) {}

  @Override
  public Future<Accepted> accept(ContactRecord contact, String idempotencyKey) {
    return call(() -> {
      if (idempotencyKey != null) {
        String firstId = idempotencyKeys.get(idempotencyKey);
        if (firstId != null) {
          return new Accepted(contacts.get(firstId), false);
        }
        idempotencyKeys.put(idempotencyKey, contact.id());
      }
      contacts.put(contact.id(), contact);
      enqueue(contact);
      return new Accepted(contact, true);
    });
  }

  @Override
  public Future<Optional<ContactRecord>> find(String id) {
    return call(() -> Optional.ofNullable(contacts.get(id)));
  }

  @Override
  public Future<Optional<ContactRecord>> claim(String queue, String agent, Instant now) {
    return call(() -> {
      WaitingLine line = queues.get(queue);
      Waiting next = line == null ? null : line.pollNext();
      if (next == null) {
        return Optional.<ContactRecord>empty();
      }
      waitingById.remove(next.id());
      removeDeadline(next.id());
      ContactRecord assigned = contacts.get(next.id()).assigned(agent, now);
      contacts.put(assigned.id(), assigned);
      return Optional.of(assigned);
    });
  }

  @Override
  public Future<ContactRecord> complete(String id, Instant now) {
    return call(() -> replace(require(id).completed(now)));
  }

  @Override
  public Future<ContactRecord> abandon(String id, Instant now) {
    return call(() -> {
      ContactRecord abandoned = require(id).abandoned(now);
      dequeue(id);
      return replace(abandoned);
    });
  }

  @Override
  public Future<List<QueueStats>> queueStats() {
    return call(() -> {
      List<QueueStats> stats = new ArrayList<>(queues.size());
      queues.forEach((name, line) -> stats.add(line.stats(name)));
      return stats;
    });
  }

  @Override
  public Future<List<ContactRecord>> waiting(String queue, int limit) {
    return call(() -> {
      List<ContactRecord> result = new ArrayList<>();
      WaitingLine line = queues.get(queue);
      if (line != null) {
        for (Iterator<Waiting> it = line.serveOrder.iterator(); it.hasNext() && result.size() < limit; ) {
          result.add(contacts.get(it.next().id()));
        }
      }
      return result;
    });
  }

  @Override
  public Future<List<ContactRecord>> dueForEscalation(Instant now, int limit) {
    return call(() -> {
      List<ContactRecord> due = new ArrayList<>();
      for (Due entry : deadlines) {
        if (entry.deadline().isAfter(now) || due.size() >= limit) {
          break;
        }
        due.add(contacts.get(entry.id()));
      }
      return due;
    });
  }

  @Override
  public Future<Optional<ContactRecord>> escalate(
      String id, String fromQueue, Route to, Instant newDeadline, Instant now) {
    return call(() -> {
      ContactRecord current = contacts.get(id);
      if (current == null
          || current.status() != ContactStatus.QUEUED
          || !current.route().queue().equals(fromQueue)
          || current.deadline().isAfter(now)) {
        return Optional.<ContactRecord>empty();
      }
      dequeue(id);
      ContactRecord escalated = current.escalated(to, newDeadline, now);
      contacts.put(id, escalated);
      enqueue(escalated);
      return Optional.of(escalated);
    });
  }

  @Override
  public Future<Void> ping() {
    return Future.succeededFuture();
  }

  @Override
  public void close() {}

  private void enqueue(ContactRecord contact) {
    long seq = ++sequence;
    Waiting waiting = new Waiting(contact.route().priority(), contact.receivedAt(), seq, contact.id());
    queues.computeIfAbsent(contact.route().queue(), q -> new WaitingLine()).add(waiting);
    waitingById.put(contact.id(), waiting);
    if (contact.escalates()) {
      Due due = new Due(contact.deadline(), seq, contact.id());
      deadlines.add(due);
      dueById.put(contact.id(), due);
    }
  }

  private void dequeue(String id) {
    Waiting waiting = waitingById.remove(id);
    if (waiting != null) {
      queues.get(contacts.get(id).route().queue()).remove(waiting);
    }
    removeDeadline(id);
  }

  private void removeDeadline(String id) {
    Due due = dueById.remove(id);
    if (due != null) {
      deadlines.remove(due);
    }
  }

  private ContactRecord require(String id) {
    ContactRecord record = contacts.get(id);
    if (record == null) {
      throw new ContactNotFoundException(id);
    }
    return record;
  }

  private ContactRecord replace(ContactRecord record) {
    contacts.put(record.id(), record);
    return record;
  }

  private <T> Future<T> call(Supplier<T> operation) {
    try {
      synchronized (lock) {
        return Future.succeededFuture(operation.get());
      }
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }
}
