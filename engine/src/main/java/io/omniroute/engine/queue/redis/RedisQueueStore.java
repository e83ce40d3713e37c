package io.omniroute.engine.queue.redis;

import io.lettuce.core.ScoredValue;
import io.omniroute.engine.StoreUnavailableException;
import io.omniroute.engine.redis.RedisCalls;
import io.omniroute.engine.redis.RedisConnection;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.omniroute.engine.queue.Accepted;
import io.omniroute.engine.queue.ContactNotFoundException;
import io.omniroute.engine.queue.ContactRecord;
import io.omniroute.engine.queue.ContactStatus;
import io.omniroute.engine.queue.QueueStats;
import io.omniroute.engine.queue.QueueStore;
import io.omniroute.engine.queue.QueueStoreException;
import io.omniroute.rules.model.Route;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * The production store: contacts and queues in Redis (standalone, Sentinel or Cluster), shared by
 * every engine node. Every change is one Lua script in one partition ({@link RedisKeys}, {@link
 * Scripts}), so it is atomic: a claim pops a contact once, an escalation moves a contact once, an
 * accept writes the contact with its queue entries and idempotency key or nothing.
 *
 * <p>Reads and checks that need Java (the transition rules of {@link ContactRecord}) read first
 * and then write with a compare-and-set script that fails when the contact changed meanwhile; the
 * caller retries. A claimed contact's stored JSON is the queued record plus the hash fields {@code
 * agent} and {@code claimedAt}, applied on read.
 *
 * <p>Thread-safe. Futures complete on the calling Vert.x context when there is one. Redis failures
 * and timeouts arrive as {@link StoreUnavailableException}. Open on a {@link RedisConnection} with
 * {@link #open}; {@link #close()} closes the connection and the client.
 */
public final class RedisQueueStore implements QueueStore {
  private static final int CAS_ATTEMPTS = 5;
  /** How long a customer's index of contacts lives after its last contact: far longer than any contact waits. */
  private static final String CUSTOMER_INDEX_SECONDS = Long.toString(Duration.ofDays(30).toSeconds());
  private static final long MAX_PRIORITY = 899;
  private static final long PRIORITY_WEIGHT = 10_000_000_000_000L;

  /** Partitions of a standalone or Sentinel Redis: everything in one. */
  public static final int STANDALONE_PARTITIONS = 1;
  /** Partitions of a Redis Cluster, so contacts spread over its masters. */
  public static final int CLUSTER_PARTITIONS = 16;

  private final RedisConnection connection;
  private final RedisClusterAsyncCommands<String, String> redis;
  private final RedisKeys keys;
  private final long retentionSeconds;
  private final RedisCalls calls;

  /**
   * A store on this connection in the default namespace, with {@value #STANDALONE_PARTITIONS}
   * partition on a standalone Redis and {@value #CLUSTER_PARTITIONS} on a cluster; it closes the
   * connection when closed.
   */
  public static RedisQueueStore open(RedisConnection connection, Duration retention) {
    return open(connection, RedisConnection.DEFAULT_NAMESPACE,
        connection.isCluster() ? CLUSTER_PARTITIONS : STANDALONE_PARTITIONS, retention);
  }

  /**
   * A store whose keys are in {@code namespace} (several engines or tests on one Redis), over
   * {@code partitions} partitions; it closes the connection when closed.
   */
  public static RedisQueueStore open(RedisConnection connection, String namespace, int partitions, Duration retention) {
    return new RedisQueueStore(connection, namespace, partitions, retention);
  }

  private RedisQueueStore(RedisConnection connection, String namespace, int partitions, Duration retention) {
    this.connection = connection;
    this.redis = connection.commands();
    this.calls = new RedisCalls(redis);
    this.keys = new RedisKeys(namespace, partitions);
    this.retentionSeconds = Math.max(1, (retention.toMillis() + 999) / 1000);
  }

  /** The number of partitions contacts are spread over. */
  public int partitions() {
    return keys.partitions();
  }

  @Override
  public String newContactId(String idempotencyKey) {
    return keys.newContactId(idempotencyKey);
  }

  @Override
  public Future<Optional<io.omniroute.engine.queue.ConversationState>> conversationState(String id) {
    throw new UnsupportedOperationException("TODO");
  }

  @Override
  public Future<Map<String, io.omniroute.engine.queue.ConversationState>> threadStates(String key) {
    throw new UnsupportedOperationException("TODO");
  }

  @Override
  public Future<Optional<io.omniroute.engine.queue.ConversationRecord>> conversation(String id) {
    throw new UnsupportedOperationException("TODO");
  }

  @Override
  public Future<List<io.omniroute.engine.queue.ConversationRecord>> conversationsOf(String customerId, int limit) {
    throw new UnsupportedOperationException("TODO");
  }

  @Override
  public Future<Optional<io.omniroute.engine.queue.ConversationRecord>> addMessage(String id, io.omniroute.engine.queue.Message message) {
    throw new UnsupportedOperationException("TODO");
  }

  @Override
  public Future<ContactRecord> transfer(String id, Route to, Instant newDeadline, String reason, Instant now) {
    throw new UnsupportedOperationException("TODO");
  }

  @Override
  public Future<Integer> eraseConversationsOf(String customerId, Instant at) {
    throw new UnsupportedOperationException("TODO");
  }

  @Override
  public Future<Accepted> accept(ContactRecord contact, String idempotencyKey, io.omniroute.engine.queue.Threading threading) {
    return accept(contact, idempotencyKey);
  }

  @Override
  public Future<Accepted> accept(ContactRecord contact, String idempotencyKey) {
    int p = keys.partitionOfContact(contact.id());
    if (idempotencyKey != null && keys.partitionOfKey(idempotencyKey) != p) {
      return Future.failedFuture(new IllegalArgumentException(
          "contact " + contact.id() + " is not in the partition of its idempotency key: take its id from newContactId"));
    }
    String queue = contact.route().queue();
    String[] k = {
      keys.contact(p, contact.id()), keys.queue(p, queue), keys.arrival(p, queue), keys.due(p),
      keys.idempotencyKey(p, idempotencyKey == null ? "" : idempotencyKey), keys.queues(p), keys.sequence(p)
    };
    CompletionStage<List<Object>> written = calls.script(Scripts.ACCEPT, ScriptOutputType.MULTI, k,
        ContactRecordCodec.encode(contact), queue, serveScore(contact), arrivalScore(contact),
        contact.escalates() ? deadlineScore(contact.deadline()) : "", contact.id(),
        idempotencyKey == null ? "0" : "1", idempotencyKey == null ? "" : idempotencyKey,
        contact.customer().id() == null ? "" : contact.customer().id(), keys.prefix(p), CUSTOMER_INDEX_SECONDS);
    return RedisCalls.future(written.thenCompose(result -> {
      if ((Long) result.get(0) == 1L) {
        return CompletableFuture.completedFuture(new Accepted(contact, true));
      }
      return read(p, (String) result.get(1)).thenApply(first -> new Accepted(
          first.orElseThrow(() -> new QueueStoreException("the first contact of this idempotency key is gone")), false));
    }));
  }

  @Override
  public Future<Optional<ContactRecord>> find(String id) {
    return RedisCalls.future(read(keys.partitionOfContact(id), id));
  }

  @Override
  public Future<Optional<ContactRecord>> claim(String queue, String agent, Instant now) {
    if (keys.partitions() == 1) {
      return RedisCalls.future(claimIn(0, queue, agent, now));
    }
    return RedisCalls.future(heads(queue).thenCompose(order -> claimInOrder(order, 0, queue, agent, now)));
  }

  @Override
  public Future<ContactRecord> complete(String id, Instant now) {
    return RedisCalls.future(finish(id, record -> record.completed(now), 0));
  }

  @Override
  public Future<ContactRecord> abandon(String id, Instant now) {
    return RedisCalls.future(finish(id, record -> record.abandoned(now), 0));
  }

  @Override
  public Future<List<QueueStats>> queueStats() {
    return RedisCalls.future(inEveryPartition(p -> calls.script(Scripts.STATS, ScriptOutputType.MULTI, new String[] {keys.queues(p)},
        keys.prefix(p))).thenApply(rows -> {
      Map<String, long[]> merged = new TreeMap<>();
      for (Object row : rows) {
        List<?> r = (List<?>) row;
        long[] acc = merged.computeIfAbsent((String) r.get(0), q -> new long[] {0, Long.MAX_VALUE});
        acc[0] += (Long) r.get(1);
        String oldest = (String) r.get(2);
        if (!oldest.isEmpty()) {
          acc[1] = Math.min(acc[1], (long) Double.parseDouble(oldest));
        }
      }
      List<QueueStats> stats = new ArrayList<>(merged.size());
      merged.forEach((q, acc) -> stats.add(
          new QueueStats(q, acc[0], acc[1] == Long.MAX_VALUE ? null : Instant.ofEpochMilli(acc[1]))));
      return stats;
    }));
  }

  @Override
  public Future<List<ContactRecord>> waiting(String queue, int limit) {
    if (limit <= 0) {
      return Future.succeededFuture(List.of());
    }
    return RedisCalls.future(inEveryPartition(p -> calls.script(Scripts.WAITING, ScriptOutputType.MULTI,
        new String[] {keys.queue(p, queue)}, Integer.toString(limit), keys.prefix(p) + "contact:")).thenApply(rows -> {
      List<List<?>> entries = new ArrayList<>();
      rows.forEach(row -> entries.add((List<?>) row));
      entries.sort(Comparator.comparingDouble((List<?> r) -> Double.parseDouble((String) r.get(1)))
          .thenComparing(r -> (String) r.get(0)));
      List<ContactRecord> result = new ArrayList<>();
      for (List<?> entry : entries.subList(0, Math.min(limit, entries.size()))) {
        result.add(ContactRecordCodec.decode((String) entry.get(2)));
      }
      return result;
    }));
  }

  @Override
  public Future<List<ContactRecord>> dueForEscalation(Instant now, int limit) {
    if (limit <= 0) {
      return Future.succeededFuture(List.of());
    }
    String until = Long.toString(now.toEpochMilli());
    return RedisCalls.future(inEveryPartition(p -> calls.script(Scripts.DUE, ScriptOutputType.MULTI, new String[] {keys.due(p)},
        until, Integer.toString(limit), keys.prefix(p) + "contact:")).thenApply(rows -> {
      List<ContactRecord> due = new ArrayList<>();
      for (Object json : rows) {
        if (json != null) {
          due.add(ContactRecordCodec.decode((String) json));
        }
      }
      due.sort(Comparator.comparing(ContactRecord::deadline).thenComparing(ContactRecord::receivedAt));
      return List.copyOf(due.subList(0, Math.min(limit, due.size())));
    }));
  }

  /** Runs one read script in every partition at once and concatenates their result lists. */
  private CompletionStage<List<Object>> inEveryPartition(IntFunction<CompletionStage<List<Object>>> read) {
    List<CompletableFuture<List<Object>>> parts = new ArrayList<>(keys.partitions());
    for (int p = 0; p < keys.partitions(); p++) {
      parts.add(read.apply(p).toCompletableFuture());
    }
    return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new)).thenApply(done -> {
      List<Object> rows = new ArrayList<>();
      parts.forEach(part -> rows.addAll(part.join()));
      return rows;
    });
  }

  @Override
  public Future<Optional<ContactRecord>> escalate(
      String id, String fromQueue, Route to, Instant newDeadline, Instant now) {
    int p = keys.partitionOfContact(id);
    CompletionStage<Optional<ContactRecord>> result = hash(p, id).thenCompose(hash -> {
      if (hash.isEmpty() || !"QUEUED".equals(hash.get("status"))) {
        return CompletableFuture.completedFuture(Optional.<ContactRecord>empty());
      }
      ContactRecord current = ContactRecordCodec.decode(hash.get("json"));
      if (!current.route().queue().equals(fromQueue) || current.deadline().isAfter(now)) {
        return CompletableFuture.completedFuture(Optional.<ContactRecord>empty());
      }
      ContactRecord escalated = current.escalated(to, newDeadline, now);
      return calls.script(Scripts.ESCALATE, ScriptOutputType.INTEGER, new String[] {keys.contact(p, id)},
          hash.get("member"), fromQueue, ContactRecordCodec.encode(escalated), to.queue(), serveScore(escalated),
          arrivalScore(escalated), escalated.escalates() ? deadlineScore(escalated.deadline()) : "",
          keys.prefix(p), id, hash.getOrDefault("erasures", "0"))
          .thenApply(moved -> ((Long) moved) == 1L ? Optional.of(escalated) : Optional.<ContactRecord>empty());
    });
    return RedisCalls.future(result);
  }

  @Override
  public Future<List<String>> contactsOf(String customerId) {
    List<CompletableFuture<java.util.Set<String>>> parts = new ArrayList<>(keys.partitions());
    for (int p = 0; p < keys.partitions(); p++) {
      parts.add(redis.smembers(keys.prefix(p) + "customer:" + customerId).toCompletableFuture());
    }
    return RedisCalls.future(CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new)).thenApply(done -> {
      List<String> ids = new ArrayList<>();
      parts.forEach(part -> ids.addAll(part.join()));
      return ids;
    }));
  }

  @Override
  public Future<Optional<ContactRecord>> erase(String id, Instant at) {
    return RedisCalls.future(erase(id, at, 0));
  }

  private CompletionStage<Optional<ContactRecord>> erase(String id, Instant at, int attempt) {
    int p = keys.partitionOfContact(id);
    return hash(p, id).thenCompose(hash -> {
      if (hash.isEmpty()) {
        return CompletableFuture.completedFuture(Optional.<ContactRecord>empty());
      }
      ContactRecord current = current(hash);
      ContactRecord erased = current.erased(at);
      String customerId = current.customer().id() == null ? "" : current.customer().id();
      return calls.script(Scripts.ERASE, ScriptOutputType.INTEGER, new String[] {keys.contact(p, id)},
          hash.get("json"), ContactRecordCodec.encode(erased), keys.prefix(p), customerId, id)
          .thenCompose(done -> {
            if ((Long) done == 1L) {
              return CompletableFuture.completedFuture(Optional.of(erased));
            }
            if (attempt + 1 >= CAS_ATTEMPTS) {
              throw new StoreUnavailableException("contact " + id + " kept changing; try the erasure again");
            }
            return erase(id, at, attempt + 1);
          });
    });
  }

  @Override
  public Future<Void> ping() {
    return RedisCalls.future(redis.ping().thenApply(pong -> (Void) null));
  }

  @Override
  public void close() {
    connection.close();
  }

  private CompletionStage<Optional<ContactRecord>> claimIn(int p, String queue, String agent, Instant now) {
    String[] k = {keys.queue(p, queue), keys.arrival(p, queue), keys.due(p)};
    return calls.script(Scripts.CLAIM, ScriptOutputType.VALUE, k, agent, now.toString(), keys.prefix(p) + "contact:")
        .thenApply(json -> json == null
            ? Optional.empty()
            : Optional.of(ContactRecordCodec.decode((String) json).assigned(agent, now)));
  }

  /** Partitions whose queue has a waiting contact, best head first. */
  private CompletionStage<List<Integer>> heads(String queue) {
    List<CompletableFuture<List<ScoredValue<String>>>> peeks = new ArrayList<>();
    for (int p = 0; p < keys.partitions(); p++) {
      peeks.add(redis.zrangeWithScores(keys.queue(p, queue), 0, 0).toCompletableFuture());
    }
    return CompletableFuture.allOf(peeks.toArray(CompletableFuture[]::new)).thenApply(done -> {
      List<Object[]> heads = new ArrayList<>();
      for (int p = 0; p < peeks.size(); p++) {
        List<ScoredValue<String>> head = peeks.get(p).join();
        if (!head.isEmpty()) {
          heads.add(new Object[] {p, head.get(0).getScore(), head.get(0).getValue()});
        }
      }
      heads.sort(Comparator.comparingDouble((Object[] h) -> (Double) h[1]).thenComparing(h -> (String) h[2]));
      List<Integer> order = new ArrayList<>(heads.size());
      heads.forEach(h -> order.add((Integer) h[0]));
      return order;
    });
  }

  private CompletionStage<Optional<ContactRecord>> claimInOrder(
      List<Integer> order, int next, String queue, String agent, Instant now) {
    if (next >= order.size()) {
      return CompletableFuture.completedFuture(Optional.empty());
    }
    return claimIn(order.get(next), queue, agent, now).thenCompose(claimed -> claimed.isPresent()
        ? CompletableFuture.completedFuture(claimed)
        : claimInOrder(order, next + 1, queue, agent, now));
  }

  private CompletionStage<ContactRecord> finish(String id, Function<ContactRecord, ContactRecord> transition, int attempt) {
    int p = keys.partitionOfContact(id);
    return hash(p, id).thenCompose(hash -> {
      if (hash.isEmpty()) {
        throw new ContactNotFoundException(id);
      }
      ContactRecord current = current(hash);
      ContactRecord next = transition.apply(current);
      return calls.script(Scripts.FINISH, ScriptOutputType.INTEGER, new String[] {keys.contact(p, id)},
          hash.get("status"), hash.getOrDefault("member", ""), ContactRecordCodec.encode(next), next.status().name(),
          Long.toString(retentionSeconds), keys.prefix(p), hash.getOrDefault("erasures", "0"))
          .thenCompose(done -> {
            if ((Long) done == 1L) {
              return CompletableFuture.completedFuture(next);
            }
            if (attempt + 1 >= CAS_ATTEMPTS) {
              throw new StoreUnavailableException("contact " + id + " kept changing; try again");
            }
            return finish(id, transition, attempt + 1);
          });
    });
  }

  private CompletionStage<Optional<ContactRecord>> read(int p, String id) {
    return hash(p, id).thenApply(hash -> hash.isEmpty() ? Optional.empty() : Optional.of(current(hash)));
  }

  private CompletionStage<Map<String, String>> hash(int p, String id) {
    return redis.hgetall(keys.contact(p, id));
  }

  /** The stored record with a claim applied that the script recorded in hash fields only. */
  private static ContactRecord current(Map<String, String> hash) {
    ContactRecord stored = ContactRecordCodec.decode(hash.get("json"));
    if ("ASSIGNED".equals(hash.get("status")) && stored.status() == ContactStatus.QUEUED) {
      return stored.assigned(hash.get("agent"), Instant.parse(hash.get("claimedAt")));
    }
    return stored;
  }

  /** Priority first (highest served first), then arrival in milliseconds. */
  private static String serveScore(ContactRecord contact) {
    long priority = Math.max(0, Math.min(MAX_PRIORITY, contact.route().priority()));
    return Long.toString((MAX_PRIORITY + 1 - priority) * PRIORITY_WEIGHT + contact.receivedAt().toEpochMilli());
  }

  private static String arrivalScore(ContactRecord contact) {
    return Long.toString(contact.receivedAt().toEpochMilli());
  }

  /** Rounded up to the millisecond, so a contact is never due before its deadline. */
  private static String deadlineScore(Instant deadline) {
    long millis = deadline.toEpochMilli();
    return Long.toString(deadline.getNano() % 1_000_000 == 0 ? millis : millis + 1);
  }
}
