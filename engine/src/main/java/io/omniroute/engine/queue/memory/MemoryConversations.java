package io.omniroute.engine.queue.memory;

import io.omniroute.engine.queue.ConversationChangedException;
import io.omniroute.engine.queue.ContactRecord;
import io.omniroute.engine.queue.Message;
import io.omniroute.engine.queue.ThreadKey;
import io.omniroute.engine.queue.Threading;
import io.omniroute.rules.model.Urgency;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The conversations of the {@link MemoryQueueStore}: each with its messages, the contact that
 * carries it, its thread keys, and an index by customer. A closed conversation is forgotten once it
 * has been quiet for the retention period. Not thread-safe: the store calls it under its lock.
 */
final class MemoryConversations {
  private final long retentionNanos;
  private final Map<String, Held> byId = new HashMap<>();
  private final Map<String, Map<String, String>> threads = new HashMap<>();
  private final Map<String, Set<String>> byCustomer = new HashMap<>();
  private final ArrayDeque<Closed> closed = new ArrayDeque<>();

  MemoryConversations(long retentionNanos) {
    this.retentionNanos = retentionNanos;
  }

  /** One conversation as held; the store reads its open contact by {@link #openContactId}. */
  static final class Held {
    final String id;
    String customerId;
    long version;
    Urgency urgency;
    String openContactId;
    String lastQueue;
    String lastAgent;
    final Instant startedAt;
    Instant lastActivityAt;
    final List<Message> messages = new ArrayList<>(2);
    /** The thread keys that lead to it; {@code null} while there are none (most conversations). */
    List<ThreadKey> threads;

    Held(String id, String customerId, Instant startedAt) {
      this.id = id;
      this.customerId = customerId;
      this.startedAt = startedAt;
      this.lastActivityAt = startedAt;
    }
  }

  private record Closed(long at, String id) {}

  Held get(String id) {
    return byId.get(id);
  }

  /** The conversation ids {@code key} leads to, by scope. */
  Map<String, String> thread(String key) {
    return threads.getOrDefault(key, Map.of());
  }

  /** The conversations of {@code customerId}. */
  List<Held> ofCustomer(String customerId) {
    List<Held> held = new ArrayList<>();
    for (String id : byCustomer.getOrDefault(customerId, Set.of())) {
      held.add(byId.get(id));
    }
    return held;
  }

  /**
   * Fails with {@link ConversationChangedException} unless {@code threading} fits the conversation
   * as held now; {@code isOpen} tells whether a held conversation's open contact still waits or is assigned.
   */
  void check(Threading threading, Predicate<Held> isOpen) {
    ThreadKey thread = threading.thread();
    if (threading instanceof Threading.Join join) {
      requireAt(join.conversation().id(), join.conversation().version(), true, isOpen);
    } else if (threading instanceof Threading.Reopen reopen) {
      requireAt(reopen.conversation().id(), reopen.conversation().version(), false, isOpen);
    } else if (thread != null && thread(thread.key()).containsKey(thread.scope())) {
      throw new ConversationChangedException(thread(thread.key()).get(thread.scope()));
    }
  }

  /** Applies a {@link #check checked} plan for the new {@code contact}. */
  Held apply(Threading threading, ContactRecord contact, Instant now) {
    Urgency urgency = contact.decision().classification().urgency();
    Held held;
    if (threading instanceof Threading.Start) {
      held = new Held(contact.conversationId(), contact.customer().id(), now);
      byId.put(held.id, held);
      if (held.customerId != null) {
        byCustomer.computeIfAbsent(held.customerId, c -> new LinkedHashSet<>()).add(held.id);
      }
      held.urgency = urgency;
      held.openContactId = contact.id();
    } else {
      held = byId.get(contact.conversationId());
      if (threading instanceof Threading.Reopen) {
        held.urgency = urgency;
        held.openContactId = contact.id();
      } else if (urgency.compareTo(held.urgency) > 0) {
        held.urgency = urgency;
      }
    }
    held.version++;
    held.lastActivityAt = now;
    held.messages.add(threading.message());
    ThreadKey thread = threading.thread();
    if (thread != null && !thread(thread.key()).containsKey(thread.scope())) {
      threads.computeIfAbsent(thread.key(), k -> new HashMap<>(2)).put(thread.scope(), held.id);
      if (held.threads == null) {
        held.threads = new ArrayList<>(1);
      }
      held.threads.add(thread);
    }
    return held;
  }

  /** Records a change of the conversation's open contact (claimed, escalated, transferred). */
  void changed(String conversationId) {
    Held held = byId.get(conversationId);
    if (held != null) {
      held.version++;
    }
  }

  /** Records that {@code finished} left: when it carried its conversation, the conversation closes. */
  void finished(ContactRecord finished, Instant at, long nanos) {
    Held held = byId.get(finished.conversationId());
    if (held != null && finished.id().equals(held.openContactId)) {
      held.version++;
      held.lastQueue = finished.route().queue();
      held.lastAgent = finished.agent();
      held.lastActivityAt = at;
      closed.addLast(new Closed(nanos, held.id));
    }
  }

  /** Adds an agent's answer. */
  void add(Held held, Message message) {
    held.messages.add(message);
    held.lastActivityAt = message.at();
    held.version++;
  }

  /** Forgets the closed conversations that have been quiet since before {@code cutoffNanos}. */
  void forgetClosedBefore(long nowNanos, Predicate<Held> isOpen) {
    long cutoff = nowNanos - retentionNanos;
    while (!closed.isEmpty() && closed.peekFirst().at() < cutoff) {
      Held held = byId.get(closed.pollFirst().id());
      if (held != null && !isOpen.test(held) && nanos(held.lastActivityAt) < cutoff) {
        forget(held);
      }
    }
  }

  /** Erases the words of every message of {@code customerId}'s conversations; answers how many conversations. */
  int erase(String customerId) {
    Set<String> ids = byCustomer.remove(customerId);
    if (ids == null) {
      return 0;
    }
    for (String id : ids) {
      Held held = byId.get(id);
      held.messages.replaceAll(Message::withoutPersonalData);
      held.customerId = null;
      dropThreads(held);
      held.version++;
    }
    return ids.size();
  }

  int size() {
    return byId.size();
  }

  private void forget(Held held) {
    byId.remove(held.id);
    dropThreads(held);
    if (held.customerId != null) {
      Set<String> ids = byCustomer.get(held.customerId);
      if (ids != null) {
        ids.remove(held.id);
        if (ids.isEmpty()) {
          byCustomer.remove(held.customerId);
        }
      }
    }
  }

  private void dropThreads(Held held) {
    if (held.threads == null) {
      return;
    }
    for (ThreadKey thread : held.threads) {
      Map<String, String> scopes = threads.get(thread.key());
      if (scopes != null && held.id.equals(scopes.get(thread.scope()))) {
        scopes.remove(thread.scope());
        if (scopes.isEmpty()) {
          threads.remove(thread.key());
        }
      }
    }
    held.threads = null;
  }

  private void requireAt(String id, long version, boolean open, Predicate<Held> isOpen) {
    Held held = byId.get(id);
    if (held == null || held.version != version || isOpen.test(held) != open) {
      throw new ConversationChangedException(id);
    }
  }

  private static long nanos(Instant instant) {
    return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
  }
}
