package io.omniroute.engine.queue.memory;

import io.omniroute.engine.queue.Accepted;
import io.omniroute.engine.queue.ContactNotFoundException;
import io.omniroute.engine.queue.ContactRecord;
import io.omniroute.engine.queue.ConversationRecord;
import io.omniroute.engine.queue.ConversationState;
import io.omniroute.engine.queue.HistoryEvent;
import io.omniroute.engine.queue.Message;
import io.omniroute.engine.queue.Threading;
import io.omniroute.engine.queue.QueueStats;
import io.omniroute.engine.queue.QueueStore;
import io.omniroute.engine.queue.memory.TimeOrderedLane.Entry;
import io.omniroute.engine.queue.ContactStatus;
import io.omniroute.rules.model.Route;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.function.BiPredicate;
import java.util.function.Supplier;

/**
 * The embedded store: everything in this process's memory, lost on exit. Suited to trying the
 * engine and to single-node tests; production uses Redis.
 *
 * <p>Each queue keeps one {@link TimeOrderedLane} per priority, and deadlines are kept in one lane
 * per response target, so accepting, claiming and escalating cost the same at a depth of a thousand
 * or a million. Each contact is one object (record and idempotency key {@linkplain PackedContact
 * packed} into two byte arrays, and where it waits) at a slot of a {@link SlotArray}, found by id
 * and by idempotency key through {@link SlotIndex}es
 * that hold only numbers: what a new contact adds to the old generation's tables is one reference
 * next to the previous contact's, so young collections have few cards to scan however many
 * contacts are held. A finished (completed or abandoned) contact and its idempotency key are kept for
 * the {@linkplain #DEFAULT_RETENTION retention period} after it finished, then forgotten, so memory
 * follows the open work, not the history.
 *
 * <p>Thread-safe: every operation runs under one lock and is safe to call from event loops.
 * Futures are already completed when returned.
 */
public final class MemoryQueueStore implements QueueStore {
  /** How long a finished contact can still be read and its idempotency key still answers. */
  public static final Duration DEFAULT_RETENTION = Duration.ofHours(1);
  private final long retentionNanos;
  private final MemoryConversations conversations;
  private final Object lock = new Object();
  private final SlotArray<Stored> slots = new SlotArray<>();
  private final SlotIndex byId = new SlotIndex((slot, id) -> isKeyAt(slot, id, Stored::hasId));
  private final SlotIndex byIdempotencyKey =
      new SlotIndex((slot, key) -> isKeyAt(slot, key, Stored::hasIdempotencyKey));
  private final Map<String, WaitingLine> queues = new HashMap<>();
  private final Map<Long, TimeOrderedLane<Stored>> deadlinesByTarget = new HashMap<>();
  private final ArrayDeque<Finished> finished = new ArrayDeque<>();
  private final Map<String, Set<String>> contactsByCustomer = new HashMap<>();
  private long sequence;

  /** A store that keeps finished contacts for {@link #DEFAULT_RETENTION}. */
  public MemoryQueueStore() {
    this(DEFAULT_RETENTION);
  }

  /** A store that keeps finished contacts for {@code retention} after they finished. */
  public MemoryQueueStore(Duration retention) {
    this(retention, QueueStore.DEFAULT_CONVERSATION_RETENTION);
  }

  /**
   * A store that keeps finished contacts for {@code retention} after they finished, and closed
   * conversations for {@code conversationRetention} after their last activity.
   */
  public MemoryQueueStore(Duration retention, Duration conversationRetention) {
    if (retention.isNegative() || conversationRetention.isNegative()) {
      throw new IllegalArgumentException(
          "retention must not be negative, is " + retention + " and " + conversationRetention + " for conversations");
    }
    this.retentionNanos = retention.toNanos();
    this.conversations = new MemoryConversations(conversationRetention.toNanos());
  }

  /**
   * One contact as held: its current record and the idempotency key it was accepted with, packed,
   * and, while it waits, its entries in its queue's lane and in its deadline lane. The lanes hold
   * the {@code Stored} itself, so a claim or an escalation scan needs no look-up by id. One object
   * and its two packed arrays per contact, at its {@code slot}, keep the memory a claim touches, and what
   * the garbage collector copies and scans, to a minimum: at a depth of a million, the claimed
   * contact is no longer in any CPU cache.
   */
  private static final class Stored extends PackedContact {
    long slot;
    WaitingLine line;
    int priority;
    Entry<Stored> entry;
    TimeOrderedLane<Stored> deadlineLane;
    Entry<Stored> deadline;
    String offerId;

    Stored(ContactRecord record, String idempotencyKey) {
      super(record, idempotencyKey);
    }
  }

  private record Finished(long at, long slot) {}

  /** One queue: a lane per priority, highest priority first. */
  private static final class WaitingLine {
    final TreeMap<Integer, TimeOrderedLane<Stored>> byPriority = new TreeMap<>(Comparator.reverseOrder());
    int size;

    void add(int priority, Entry<Stored> entry) {
      byPriority.computeIfAbsent(priority, p -> new TimeOrderedLane<>()).add(entry);
      size++;
    }

    void remove(int priority, Entry<Stored> entry) {
      byPriority.get(priority).remove(entry);
      size--;
    }

    Entry<Stored> pollNext() {
      for (TimeOrderedLane<Stored> lane : byPriority.values()) {
        Entry<Stored> next = lane.poll();
        if (next != null) {
          size--;
          return next;
        }
      }
      return null;
    }

    QueueStats stats(String name) {
      long oldest = Long.MAX_VALUE;
      for (TimeOrderedLane<Stored> lane : byPriority.values()) {
        Entry<Stored> head = lane.peek();
        if (head != null && head.time < oldest) {
          oldest = head.time;
        }
      }
      return new QueueStats(name, size, oldest == Long.MAX_VALUE ? null : instant(oldest));
    }
  }

  @Override
  public Future<Accepted> accept(ContactRecord contact, String idempotencyKey, Threading threading) {
    return call(() -> {
      Instant now = contact.receivedAt();
      forgetFinishedBefore(nanos(now) - retentionNanos);
      conversations.forgetClosedBefore(nanos(now), this::isOpen);
      if (idempotencyKey != null) {
        long first = byIdempotencyKey.get(idempotencyKey);
        if (first != SlotIndex.ABSENT) {
          ContactRecord record = slots.get(first).record();
          return new Accepted(record, false, carrierOf(record.conversationId()));
        }
      }
      conversations.check(threading, this::isOpen);
      ContactRecord carrier = contact;
      if (threading instanceof Threading.Join join) {
        carrier = join.reroute() == null
            ? join.conversation().open()
            : reroute(conversations.get(join.conversation().id()), join.reroute(), now);
      }
      Stored stored = new Stored(contact, idempotencyKey);
      stored.slot = slots.add(stored);
      if (idempotencyKey != null) {
        byIdempotencyKey.put(idempotencyKey, stored.slot);
      }
      byId.put(contact.id(), stored.slot);
      if (contact.customer().id() != null) {
        contactsByCustomer.computeIfAbsent(contact.customer().id(), c -> new HashSet<>()).add(contact.id());
      }
      if (contact.status() == ContactStatus.QUEUED) {
        enqueue(stored, contact, now);
      } else {
        finished.addLast(new Finished(nanos(now), stored.slot));
      }
      conversations.apply(threading, contact, now);
      return new Accepted(contact, true, carrier);
    });
  }

  /**
   * The conversation's open contact moved where a more urgent follow-up sends it (when it still
   * waits; the plan's version check makes sure it is as the plan read it).
   */
  private ContactRecord reroute(MemoryConversations.Held conversation, Threading.Reroute reroute, Instant now) {
    Stored open = stored(conversation.openContactId);
    if (open.status() != ContactStatus.QUEUED) {
      return open.record();
    }
    dequeue(open);
    ContactRecord raised = open.record().raised(reroute.to(), reroute.deadline(), reroute.detail(), now);
    open.update(raised);
    enqueue(open, raised, now);
    return raised;
  }

  private boolean isOpen(MemoryConversations.Held conversation) {
    Stored open = stored(conversation.openContactId);
    return open != null && (open.status() == ContactStatus.QUEUED || open.status() == ContactStatus.OFFERED
        || open.status() == ContactStatus.ASSIGNED);
  }

  private ContactRecord carrierOf(String conversationId) {
    MemoryConversations.Held held = conversations.get(conversationId);
    Stored open = held == null ? null : stored(held.openContactId);
    return open == null ? null : open.record();
  }

  private ConversationState state(MemoryConversations.Held held) {
    return new ConversationState(
        held.id, held.customerId, held.version, held.urgency, carrierOf(held.id), held.lastQueue, held.lastAgent);
  }

  private ConversationRecord record(MemoryConversations.Held held) {
    List<ContactRecord> contacts = new ArrayList<>(held.messages.size());
    for (Message message : held.messages) {
      Stored stored = message.contactId() == null ? null : stored(message.contactId());
      if (stored != null) {
        contacts.add(stored.record());
      }
    }
    return new ConversationRecord(state(held), held.startedAt, held.lastActivityAt, held.messages, contacts);
  }

  @Override
  public Future<Optional<ConversationState>> conversationState(String id) {
    return call(() -> Optional.ofNullable(conversations.get(id)).map(this::state));
  }

  @Override
  public Future<Map<String, ConversationState>> threadStates(String key) {
    return call(() -> {
      Map<String, ConversationState> states = new HashMap<>();
      conversations.thread(key).forEach((scope, id) -> states.put(scope, state(conversations.get(id))));
      return states;
    });
  }

  @Override
  public Future<Optional<ConversationRecord>> conversation(String id) {
    return call(() -> Optional.ofNullable(conversations.get(id)).map(this::record));
  }

  @Override
  public Future<List<ConversationRecord>> conversationsOf(String customerId, int limit) {
    return call(() -> conversations.ofCustomer(customerId).stream()
        .sorted(Comparator.comparing((MemoryConversations.Held h) -> h.lastActivityAt).reversed())
        .limit(Math.max(0, limit))
        .map(this::record)
        .toList());
  }

  @Override
  public Future<Optional<ConversationRecord>> addMessage(String id, Message message) {
    return call(() -> {
      MemoryConversations.Held held = conversations.get(id);
      if (held == null) {
        return Optional.<ConversationRecord>empty();
      }
      conversations.add(held, message);
      return Optional.of(record(held));
    });
  }

  @Override
  public Future<ContactRecord> transfer(String id, Route to, Instant newDeadline, String reason, Instant now) {
    return call(() -> {
      Stored stored = require(id);
      ContactRecord moved = stored.record().transferred(to, newDeadline, reason, now);
      dequeue(stored);
      stored.update(moved);
      enqueue(stored, moved, now);
      conversations.changed(moved.conversationId());
      return moved;
    });
  }

  @Override
  public Future<Integer> eraseConversationsOf(String customerId, Instant at) {
    return call(() -> conversations.erase(customerId));
  }

  @Override
  public Future<Optional<ContactRecord>> find(String id) {
    return call(() -> Optional.ofNullable(stored(id)).map(Stored::record));
  }

  @Override
  public Future<Optional<ContactRecord>> findByIdempotencyKey(String idempotencyKey) {
    return call(() -> {
      long slot = byIdempotencyKey.get(idempotencyKey);
      return slot == SlotIndex.ABSENT ? Optional.<ContactRecord>empty() : Optional.of(slots.get(slot).record());
    });
  }

  @Override
  public Future<Optional<ContactRecord>> claim(String queue, String agent, Instant now) {
    return call(() -> {
      WaitingLine line = queues.get(queue);
      Entry<Stored> next = line == null ? null : line.pollNext();
      if (next == null) {
        return Optional.<ContactRecord>empty();
      }
      Stored stored = next.value;
      removeDeadline(stored);
      stored.line = null;
      stored.entry = null;
      ContactRecord assigned = stored.record().assigned(agent, now);
      stored.update(assigned);
      conversations.changed(assigned.conversationId());
      return Optional.of(assigned);
    });
  }

  @Override
  public Future<Optional<ContactRecord>> reserve(String id, String queue, String agent, String offerId, Instant expiresAt,
      Instant now) {
    return call(() -> {
      Stored stored = stored(id);
      if (stored == null || stored.status() != ContactStatus.QUEUED || stored.line == null
          || !stored.route().queue().equals(queue)) {
        return Optional.<ContactRecord>empty();
      }
      stored.line.remove(stored.priority, stored.entry);
      stored.line = null;
      stored.entry = null;
      stored.offerId = offerId;
      ContactRecord offered = stored.record().offered(agent, offerId, expiresAt, now);
      stored.update(offered);
      conversations.changed(offered.conversationId());
      return Optional.of(offered);
    });
  }

  @Override
  public Future<Optional<ContactRecord>> endOffer(String id, String offerId, String outcome, String detail, Instant now) {
    return call(() -> {
      Stored stored = stored(id);
      if (stored == null || stored.status() != ContactStatus.OFFERED || !offerId.equals(stored.offerId)) {
        return Optional.<ContactRecord>empty();
      }
      stored.offerId = null;
      ContactRecord ended = stored.record().offerEnded(outcome, detail, now);
      stored.update(ended);
      if (ended.status() == ContactStatus.QUEUED) {
        joinLine(stored, ended);
      } else {
        removeDeadline(stored);
      }
      conversations.changed(ended.conversationId());
      return Optional.of(ended);
    });
  }

  @Override
  public Future<ContactRecord> complete(String id, Instant now) {
    return call(() -> {
      Stored stored = require(id);
      return finish(stored, stored.record().completed(now), now);
    });
  }

  @Override
  public Future<ContactRecord> abandon(String id, Instant now) {
    return call(() -> {
      Stored stored = require(id);
      ContactRecord abandoned = stored.record().abandoned(now);
      dequeue(stored);
      return finish(stored, abandoned, now);
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
        for (TimeOrderedLane<Stored> lane : line.byPriority.values()) {
          for (Iterator<Entry<Stored>> it = lane.iterator(); it.hasNext() && result.size() < limit; ) {
            result.add(it.next().value.record());
          }
        }
      }
      return result;
    });
  }

  @Override
  public Future<List<ContactRecord>> dueForEscalation(Instant now, int limit) {
    return call(() -> {
      long until = nanos(now);
      PriorityQueue<Head> heads = new PriorityQueue<>(Comparator.comparingLong((Head h) -> h.entry.time)
          .thenComparingLong(h -> h.entry.sequence));
      for (TimeOrderedLane<Stored> lane : deadlinesByTarget.values()) {
        Iterator<Entry<Stored>> it = lane.iterator();
        if (it.hasNext()) {
          heads.add(new Head(it.next(), it));
        }
      }
      List<ContactRecord> due = new ArrayList<>();
      while (!heads.isEmpty() && due.size() < limit) {
        Head head = heads.poll();
        if (head.entry.time > until) {
          break;
        }
        due.add(head.entry.value.record());
        if (head.rest.hasNext()) {
          heads.add(new Head(head.rest.next(), head.rest));
        }
      }
      return due;
    });
  }

  private record Head(Entry<Stored> entry, Iterator<Entry<Stored>> rest) {}

  @Override
  public Future<Optional<ContactRecord>> escalate(
      String id, String fromQueue, Route to, Instant newDeadline, Instant now) {
    return call(() -> {
      Stored stored = stored(id);
      if (stored == null
          || stored.status() != ContactStatus.QUEUED
          || !stored.route().queue().equals(fromQueue)
          || stored.deadline().isAfter(now)) {
        return Optional.<ContactRecord>empty();
      }
      dequeue(stored);
      ContactRecord escalated = stored.record().escalated(to, newDeadline, now);
      stored.update(escalated);
      enqueue(stored, escalated, now);
      conversations.changed(escalated.conversationId());
      return Optional.of(escalated);
    });
  }

  @Override
  public Future<Void> ping() {
    return Future.succeededFuture();
  }

  @Override
  public void close() {}

  /** The number of conversations held, open or not; for tests of the retention. */
  int conversationCount() {
    synchronized (lock) {
      return conversations.size();
    }
  }

  /** The number of contacts held, waiting or not; for tests of the retention. */
  int size() {
    synchronized (lock) {
      return byId.size();
    }
  }

  private void enqueue(Stored stored, ContactRecord contact, Instant enqueuedAt) {
    long seq = joinLine(stored, contact);
    if (contact.escalates()) {
      long due = nanos(contact.deadline());
      stored.deadlineLane = deadlinesByTarget.computeIfAbsent(due - nanos(enqueuedAt), t -> new TimeOrderedLane<>());
      stored.deadline = new Entry<>(due, seq, stored);
      stored.deadlineLane.add(stored.deadline);
    }
  }

  /** Puts the contact in its queue's serve order (by priority, then arrival); answers its sequence. */
  private long joinLine(Stored stored, ContactRecord contact) {
    long seq = ++sequence;
    stored.priority = contact.route().priority();
    stored.line = queues.computeIfAbsent(contact.route().queue(), q -> new WaitingLine());
    stored.entry = new Entry<>(nanos(contact.receivedAt()), seq, stored);
    stored.line.add(stored.priority, stored.entry);
    return seq;
  }

  private static void dequeue(Stored stored) {
    if (stored.line != null) {
      stored.line.remove(stored.priority, stored.entry);
      stored.line = null;
      stored.entry = null;
    }
    removeDeadline(stored);
  }

  private static void removeDeadline(Stored stored) {
    if (stored.deadline != null) {
      stored.deadlineLane.remove(stored.deadline);
      stored.deadlineLane = null;
      stored.deadline = null;
    }
  }

  private ContactRecord finish(Stored stored, ContactRecord record, Instant now) {
    long at = nanos(now);
    forgetFinishedBefore(at - retentionNanos);
    finished.addLast(new Finished(at, stored.slot));
    stored.update(record);
    conversations.finished(record, now, at);
    return record;
  }

  private void forgetFinishedBefore(long cutoff) {
    while (!finished.isEmpty() && finished.peekFirst().at() < cutoff) {
      long slot = finished.pollFirst().slot();
      Stored forgotten = slots.get(slot);
      if (forgotten != null) {
        byId.remove(forgotten.id());
        forgetCustomerOf(forgotten);
        String idempotencyKey = forgotten.idempotencyKey();
        if (idempotencyKey != null) {
          byIdempotencyKey.remove(idempotencyKey);
        }
        slots.remove(slot);
      }
    }
  }

  @Override
  public Future<List<String>> contactsOf(String customerId) {
    return call(() -> List.copyOf(contactsByCustomer.getOrDefault(customerId, Set.of())));
  }

  @Override
  public Future<Optional<ContactRecord>> erase(String id, Instant at) {
    return call(() -> {
      Stored stored = stored(id);
      if (stored == null) {
        return Optional.<ContactRecord>empty();
      }
      forgetCustomerOf(stored);
      ContactRecord erased = stored.record().erased(at);
      stored.rewrite(erased);
      return Optional.of(erased);
    });
  }

  @Override
  public Future<Optional<ContactRecord>> addHistory(String id, HistoryEvent event) {
    return call(() -> {
      Stored stored = stored(id);
      if (stored == null) {
        return Optional.<ContactRecord>empty();
      }
      ContactRecord noted = stored.record().noted(event);
      stored.rewrite(noted);
      return Optional.of(noted);
    });
  }

  private void forgetCustomerOf(Stored stored) {
    String customerId = stored.customerId();
    Set<String> contacts = customerId == null ? null : contactsByCustomer.get(customerId);
    if (contacts != null) {
      contacts.remove(stored.id());
      if (contacts.isEmpty()) {
        contactsByCustomer.remove(customerId);
      }
    }
  }

  private Stored stored(String id) {
    long slot = byId.get(id);
    return slot == SlotIndex.ABSENT ? null : slots.get(slot);
  }

  /** Whether the contact at {@code slot} has {@code key}, as {@code check} tells. */
  private boolean isKeyAt(long slot, String key, BiPredicate<Stored, String> check) {
    Stored stored = slots.get(slot);
    return stored != null && check.test(stored, key);
  }

  private Stored require(String id) {
    Stored stored = stored(id);
    if (stored == null) {
      throw new ContactNotFoundException(id);
    }
    return stored;
  }

  private static long nanos(Instant instant) {
    return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
  }

  private static Instant instant(long nanos) {
    return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
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
