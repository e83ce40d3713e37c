package io.omniroute.engine.webhook;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Webhooks and their deliveries in this process's memory: lost when it stops, the default when no
 * Redis is configured; it outlives an engine that is restarted on the same stores. One lock guards
 * everything, so every step is atomic; calls take microseconds, so event loops may call it.
 * Thread-safe; its futures are already complete when returned.
 */
public final class MemoryWebhookStore implements WebhookStore {
  private final Map<String, Webhook> webhooks = new TreeMap<>();
  private final Map<String, Delivery> pending = new HashMap<>();
  private final Map<String, Long> dueAt = new HashMap<>();
  private final TreeSet<Due> due = new TreeSet<>(Comparator.comparingLong(Due::millis).thenComparing(Due::key));
  private final Map<String, String> leases = new HashMap<>();
  private final Map<String, LinkedHashMap<String, Delivery>> dead = new HashMap<>();

  private record Due(long millis, String key) {}

  @Override
  public synchronized Future<Boolean> put(Webhook webhook) {
    return Future.succeededFuture(webhooks.put(webhook.id(), webhook) == null);
  }

  @Override
  public synchronized Future<Optional<Webhook>> get(String id) {
    return Future.succeededFuture(Optional.ofNullable(webhooks.get(id)));
  }

  @Override
  public synchronized Future<List<Webhook>> list() {
    return Future.succeededFuture(List.copyOf(webhooks.values()));
  }

  @Override
  public synchronized Future<Boolean> delete(String id) {
    dead.remove(id);
    return Future.succeededFuture(webhooks.remove(id) != null);
  }

  @Override
  public synchronized Future<Void> enqueue(List<Delivery> deliveries, Instant at) {
    for (Delivery delivery : deliveries) {
      if (pending.putIfAbsent(delivery.key(), delivery) == null) {
        schedule(delivery.key(), at.toEpochMilli());
      }
    }
    return Future.succeededFuture();
  }

  @Override
  public synchronized Future<Claims> claim(Instant now, Instant leaseUntil, int max, String token) {
    List<Claimed> claimed = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    for (Due next : due) {
      if (next.millis() > now.toEpochMilli() || keys.size() >= max) {
        break;
      }
      keys.add(next.key());
    }
    for (String key : keys) {
      Delivery delivery = pending.get(key);
      Webhook webhook = webhooks.get(delivery.webhookId());
      if (webhook == null) {
        drop(key);
        continue;
      }
      schedule(key, leaseUntil.toEpochMilli());
      leases.put(key, token);
      claimed.add(new Claimed(delivery, webhook));
    }
    return Future.succeededFuture(new Claims(claimed, pending.size()));
  }

  @Override
  public synchronized Future<Boolean> complete(Delivery delivery, String token) {
    if (!holds(delivery.key(), token)) {
      return Future.succeededFuture(false);
    }
    drop(delivery.key());
    return Future.succeededFuture(true);
  }

  @Override
  public synchronized Future<Boolean> retry(Delivery delivery, String token, Instant at) {
    if (!holds(delivery.key(), token)) {
      return Future.succeededFuture(false);
    }
    leases.remove(delivery.key());
    pending.put(delivery.key(), delivery);
    schedule(delivery.key(), at.toEpochMilli());
    return Future.succeededFuture(true);
  }

  @Override
  public synchronized Future<Boolean> deadLetter(Delivery delivery, String token) {
    if (!holds(delivery.key(), token)) {
      return Future.succeededFuture(false);
    }
    drop(delivery.key());
    if (webhooks.containsKey(delivery.webhookId())) {
      LinkedHashMap<String, Delivery> letters = dead.computeIfAbsent(delivery.webhookId(), id -> new LinkedHashMap<>());
      letters.put(delivery.eventId(), delivery);
      Iterator<String> oldest = letters.keySet().iterator();
      while (letters.size() > MAX_DEAD_LETTERS) {
        oldest.next();
        oldest.remove();
      }
    }
    return Future.succeededFuture(true);
  }

  @Override
  public synchronized Future<DeadLetters> deadLetters(String webhookId, int limit) {
    List<Delivery> letters = new ArrayList<>(dead.getOrDefault(webhookId, new LinkedHashMap<>()).values());
    List<Delivery> newest = new ArrayList<>();
    for (int i = letters.size() - 1; i >= 0 && newest.size() < limit; i--) {
      newest.add(letters.get(i));
    }
    return Future.succeededFuture(new DeadLetters(newest, letters.size()));
  }

  @Override
  public synchronized Future<Integer> replay(String webhookId, List<Delivery> replayed, Instant at) {
    LinkedHashMap<String, Delivery> letters = dead.getOrDefault(webhookId, new LinkedHashMap<>());
    int count = 0;
    for (Delivery delivery : replayed) {
      if (delivery.webhookId().equals(webhookId) && letters.remove(delivery.eventId()) != null) {
        pending.put(delivery.key(), delivery);
        schedule(delivery.key(), at.toEpochMilli());
        count++;
      }
    }
    return Future.succeededFuture(count);
  }

  @Override
  public void close() {}

  private boolean holds(String key, String token) {
    return token.equals(leases.get(key));
  }

  private void schedule(String key, long millis) {
    Long previous = dueAt.put(key, millis);
    if (previous != null) {
      due.remove(new Due(previous, key));
    }
    due.add(new Due(millis, key));
  }

  private void drop(String key) {
    Long previous = dueAt.remove(key);
    if (previous != null) {
      due.remove(new Due(previous, key));
    }
    pending.remove(key);
    leases.remove(key);
  }
}
