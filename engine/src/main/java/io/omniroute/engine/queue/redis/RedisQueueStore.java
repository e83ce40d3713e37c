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
import io.omniroute.engine.queue.ConversationChangedException;
import io.omniroute.engine.queue.ConversationRecord;
import io.omniroute.engine.queue.ConversationState;
import io.omniroute.engine.queue.HistoryEvent;
import io.omniroute.engine.queue.Message;
import io.omniroute.engine.queue.QueueStats;
import io.omniroute.engine.queue.QueueStore;
import io.omniroute.engine.queue.QueueStoreException;
import io.omniroute.engine.queue.ThreadKey;
import io.omniroute.engine.queue.Threading;
import io.omniroute.rules.model.Route;
import io.omniroute.rules.model.Urgency;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * The production store: contacts and queues in Redis (standalone, Sentinel or Cluster), shared by
 * every engine node. Every change is one Lua script in one partition ({@link RedisKeys}, {@link
 * Scripts}), so it is atomic: a claim pops a contact once, an escalation moves a contact once, an
 * accept writes the contact with its queue entries, idempotency key and conversation or nothing.
 * A conversation lives in the partition of the contact that opened it, and its follow-ups get ids
 * in that partition, so a contact joins, raises or reopens its conversation in one script.
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
  private static final Duration CUSTOMER_INDEX = Duration.ofDays(30);
  private static final String CUSTOMER_INDEX_SECONDS = Long.toString(CUSTOMER_INDEX.toSeconds());
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
  private final String conversationRetentionSeconds;
  /** How long a customer's index of conversations and a thread key live after their last activity. */
  private final String conversationIndexSeconds;
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
    return open(connection, namespace, partitions, retention, QueueStore.DEFAULT_CONVERSATION_RETENTION);
  }

  /**
   * A store whose keys are in {@code namespace}, over {@code partitions} partitions, that keeps
   * finished contacts for {@code retention} and closed conversations for {@code
   * conversationRetention} after their last activity; it closes the connection when closed.
   */
  public static RedisQueueStore open(
      RedisConnection connection, String namespace, int partitions, Duration retention, Duration conversationRetention) {
    return new RedisQueueStore(connection, namespace, partitions, retention, conversationRetention);
  }

  private RedisQueueStore(
      RedisConnection connection, String namespace, int partitions, Duration retention, Duration conversationRetention) {
    this.connection = connection;
    this.redis = connection.commands();
    this.calls = new RedisCalls(redis);
    this.keys = new RedisKeys(namespace, partitions);
    this.retentionSeconds = seconds(retention);
    this.conversationRetentionSeconds = Long.toString(seconds(conversationRetention));
    this.conversationIndexSeconds = Long.toString(Math.max(CUSTOMER_INDEX.toSeconds(), seconds(conversationRetention)));
  }

  /** Whole seconds, rounded up, at least one (Redis expires in seconds). */
  private static long seconds(Duration duration) {
    return Math.max(1, (duration.toMillis() + 999) / 1000);
  }

  /** The number of partitions contacts are spread over. */
  public int partitions() {
    return keys.partitions();
  }

  @Override
  public String newContactId(String anchor) {
    return keys.newContactId(anchor);
  }

  /**
   * Stores the contact and applies {@code threading} in one script in the contact's partition,
   * which must be its conversation's ({@link #newContactId} with the conversation's id gives such
   * an id). A repeated idempotency key answers the first contact and the contact that carries its
   * conversation now from the same script.
   */
  @Override
  public Future<Accepted> accept(ContactRecord contact, String idempotencyKey, Threading threading) {
    int p = keys.partitionOfContact(contact.id());
    if (keys.partitionOfContact(contact.conversationId()) != p) {
      return Future.failedFuture(new IllegalArgumentException(
          "contact " + contact.id() + " is not in the partition of its conversation " + contact.conversationId()
              + ": take its id from newContactId with the conversation's id"));
    }
    Plan plan = Plan.of(contact, threading);
    ContactRecord raised = plan.raised();
    ThreadKey thread = threading.thread();
    Instant now = contact.receivedAt();
    String queue = contact.route().queue();
    String[] k = {
      keys.contact(p, contact.id()), keys.idempotencyKey(p, idempotencyKey == null ? "" : idempotencyKey),
      keys.conversation(p, contact.conversationId())
    };
    CompletionStage<List<Object>> written = calls.script(Scripts.ACCEPT, ScriptOutputType.MULTI, k,
        keys.prefix(p), contact.id(), ContactRecordCodec.encode(contact), contact.status().name(), queue,
        serveScore(contact), arrivalScore(contact), contact.escalates() ? deadlineScore(contact.deadline()) : "",
        idempotencyKey == null ? "0" : "1", idempotencyKey == null ? "" : idempotencyKey,
        orEmpty(contact.customer().id()), CUSTOMER_INDEX_SECONDS,
        plan.name(), contact.conversationId(), plan.expectedVersion(), plan.urgency().name(),
        MessageCodec.encode(threading.message()), thread == null ? "" : thread.key(), thread == null ? "" : thread.scope(),
        now.toString(), Long.toString(now.toEpochMilli()), Long.toString(retentionSeconds), conversationIndexSeconds,
        raised == null ? "" : ContactRecordCodec.encode(raised), raised == null ? "" : raised.route().queue(),
        raised == null ? "" : serveScore(raised), raised == null ? "" : arrivalScore(raised),
        raised == null || !raised.escalates() ? "" : deadlineScore(raised.deadline()));
    return RedisCalls.future(written.thenApply(result -> accepted(contact, plan, result)));
  }

  /** What the accept script's {@code result} means for {@code contact}. */
  private static Accepted accepted(ContactRecord contact, Plan plan, List<Object> result) {
    long outcome = (Long) result.get(0);
    if (outcome == 1L) {
      return new Accepted(contact, true, plan.carrier());
    }
    if (outcome == -1L) {
      throw new ConversationChangedException((String) result.get(1));
    }
    ContactRecord first = ScriptReplies.contact(ScriptReplies.hash(result.get(1)))
        .orElseThrow(() -> new QueueStoreException("the first contact of this idempotency key is gone"));
    return new Accepted(first, false, ScriptReplies.contact(ScriptReplies.hash(result.get(2))).orElse(null));
  }

  /**
   * A {@link Threading} as the accept script applies it: {@code name} ({@code start}, {@code join}
   * or {@code reopen}), the conversation version it was planned on ('' to start), the conversation's
   * urgency after it, the open contact as a join raises it ({@code null} when it does not), and the
   * contact that carries the conversation after it.
   */
  private record Plan(String name, String expectedVersion, Urgency urgency, ContactRecord raised, ContactRecord carrier) {
    static Plan of(ContactRecord contact, Threading threading) {
      Urgency urgency = contact.decision().classification().urgency();
      if (threading instanceof Threading.Join join) {
        ConversationState read = join.conversation();
        ContactRecord open = read.open();
        Threading.Reroute reroute = join.reroute();
        ContactRecord raised = reroute != null && open != null && open.status() == ContactStatus.QUEUED
            ? open.raised(reroute.to(), reroute.deadline(), reroute.detail(), contact.receivedAt())
            : null;
        Urgency highest = read.urgency() != null && read.urgency().compareTo(urgency) > 0 ? read.urgency() : urgency;
        return new Plan("join", Long.toString(read.version()), highest, raised, raised != null ? raised : open);
      }
      if (threading instanceof Threading.Reopen reopen) {
        return new Plan("reopen", Long.toString(reopen.conversation().version()), urgency, null, contact);
      }
      return new Plan("start", "", urgency, null, contact);
    }
  }

  @Override
  public Future<Optional<ConversationState>> conversationState(String id) {
    int p = keys.partitionOfContact(id);
    CompletionStage<List<Object>> read = calls.script(Scripts.CONVERSATION_STATE, ScriptOutputType.MULTI,
        new String[] {keys.conversation(p, id)}, keys.prefix(p));
    return RedisCalls.future(read.thenApply(reply -> reply.isEmpty()
        ? Optional.<ConversationState>empty()
        : Optional.of(ScriptReplies.state(id, ScriptReplies.hash(reply.get(0)), ScriptReplies.hash(reply.get(1))))));
  }

  /**
   * Reads the thread key in every partition at once (a follow-up that joined or reopened a
   * conversation registered it in the conversation's partition). Should two partitions know a
   * scope, the more recently active conversation wins.
   */
  @Override
  public Future<Map<String, ConversationState>> threadStates(String key) {
    return RedisCalls.future(inEveryPartition(p -> calls.script(Scripts.THREAD_STATES, ScriptOutputType.MULTI,
        new String[] {keys.thread(p, key)}, keys.prefix(p))).thenApply(rows -> {
      Map<String, ConversationState> states = new HashMap<>();
      Map<String, Instant> activity = new HashMap<>();
      for (Object row : rows) {
        List<?> r = (List<?>) row;
        String scope = (String) r.get(0);
        Map<String, String> conversation = ScriptReplies.hash(r.get(2));
        Instant last = Instant.parse(conversation.get("lastActivityAt"));
        if (!activity.containsKey(scope) || last.isAfter(activity.get(scope))) {
          activity.put(scope, last);
          states.put(scope, ScriptReplies.state((String) r.get(1), conversation, ScriptReplies.hash(r.get(3))));
        }
      }
      return states;
    }));
  }

  @Override
  public Future<Optional<ConversationRecord>> conversation(String id) {
    return RedisCalls.future(readConversation(id));
  }

  /** The whole conversation {@code id} in one script: its hash, its messages and its held contacts. */
  private CompletionStage<Optional<ConversationRecord>> readConversation(String id) {
    int p = keys.partitionOfContact(id);
    CompletionStage<List<Object>> read = calls.script(Scripts.CONVERSATION, ScriptOutputType.MULTI,
        new String[] {keys.conversation(p, id)}, keys.prefix(p), id);
    return read.thenApply(reply -> ScriptReplies.conversation(id, reply));
  }

  /**
   * Takes the most recent {@code limit} conversation ids of every partition's index of the customer
   * at once, keeps the most recent {@code limit} of them all, then reads those at once.
   */
  @Override
  public Future<List<ConversationRecord>> conversationsOf(String customerId, int limit) {
    if (limit <= 0) {
      return Future.succeededFuture(List.of());
    }
    CompletionStage<List<Object>> ids = inEveryPartition(p -> calls.script(Scripts.CONVERSATIONS_OF,
        ScriptOutputType.MULTI, new String[] {keys.conversationsOf(p, customerId)}, Integer.toString(limit),
        keys.prefix(p)));
    return RedisCalls.future(ids.thenCompose(rows -> {
      List<List<?>> entries = new ArrayList<>();
      rows.forEach(row -> entries.add((List<?>) row));
      entries.sort(Comparator.comparingDouble((List<?> r) -> -Double.parseDouble((String) r.get(1)))
          .thenComparing(r -> (String) r.get(0)));
      List<CompletableFuture<Optional<ConversationRecord>>> reads = new ArrayList<>();
      for (List<?> entry : entries.subList(0, Math.min(limit, entries.size()))) {
        reads.add(readConversation((String) entry.get(0)).toCompletableFuture());
      }
      return CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new)).thenApply(done -> {
        List<ConversationRecord> conversations = new ArrayList<>(reads.size());
        reads.forEach(read -> read.join().ifPresent(conversations::add));
        return conversations;
      });
    }));
  }

  @Override
  public Future<Optional<ConversationRecord>> addMessage(String id, Message message) {
    int p = keys.partitionOfContact(id);
    CompletionStage<List<Object>> written = calls.script(Scripts.ADD_MESSAGE, ScriptOutputType.MULTI,
        new String[] {keys.conversation(p, id)}, keys.prefix(p), id, MessageCodec.encode(message),
        message.at().toString(), Long.toString(message.at().toEpochMilli()), conversationRetentionSeconds,
        conversationIndexSeconds);
    return RedisCalls.future(written.thenApply(reply -> ScriptReplies.conversation(id, reply)));
  }

  @Override
  public Future<ContactRecord> transfer(String id, Route to, Instant newDeadline, String reason, Instant now) {
    return RedisCalls.future(transfer(id, to, newDeadline, reason, now, 0));
  }

  private CompletionStage<ContactRecord> transfer(
      String id, Route to, Instant newDeadline, String reason, Instant now, int attempt) {
    int p = keys.partitionOfContact(id);
    return hash(p, id).thenCompose(hash -> {
      ContactRecord current = ScriptReplies.contact(hash).orElseThrow(() -> new ContactNotFoundException(id));
      ContactRecord moved = current.transferred(to, newDeadline, reason, now);
      return calls.script(Scripts.TRANSFER, ScriptOutputType.INTEGER, new String[] {keys.contact(p, id)},
          hash.get("status"), hash.getOrDefault("member", ""), hash.getOrDefault("erasures", "0"),
          hash.getOrDefault("transfers", "0"), ContactRecordCodec.encode(moved), to.queue(), serveScore(moved),
          arrivalScore(moved), moved.escalates() ? deadlineScore(moved.deadline()) : "", keys.prefix(p), id)
          .thenCompose(done -> settled(done, moved, attempt, "contact " + id + " kept changing; try the transfer again",
              () -> transfer(id, to, newDeadline, reason, now, attempt + 1)));
    });
  }

  /** Runs the erasure script in every partition at once and adds up the conversations it erased. */
  @Override
  public Future<Integer> eraseConversationsOf(String customerId, Instant at) {
    return RedisCalls.future(inEveryPartition(p -> calls.script(Scripts.ERASE_CONVERSATIONS, ScriptOutputType.MULTI,
        new String[] {keys.conversationsOf(p, customerId)}, keys.prefix(p))).thenApply(counts -> {
      int erased = 0;
      for (Object count : counts) {
        erased += ((Long) count).intValue();
      }
      return erased;
    }));
  }

  @Override
  public Future<Optional<ContactRecord>> find(String id) {
    return RedisCalls.future(read(keys.partitionOfContact(id), id));
  }

  /**
   * Looks in the partition the key anchors first (where a contact that opened a conversation
   * without a thread key lives), then in all others at once (a follow-up lives with its conversation).
   */
  @Override
  public Future<Optional<ContactRecord>> findByIdempotencyKey(String idempotencyKey) {
    int first = keys.partitionOfContact(idempotencyKey);
    return RedisCalls.future(contactOfKey(first, idempotencyKey).thenCompose(found -> {
      if (found.isPresent() || keys.partitions() == 1) {
        return CompletableFuture.completedFuture(found);
      }
      List<CompletableFuture<Optional<ContactRecord>>> others = new ArrayList<>();
      for (int p = 0; p < keys.partitions(); p++) {
        if (p != first) {
          others.add(contactOfKey(p, idempotencyKey).toCompletableFuture());
        }
      }
      return CompletableFuture.allOf(others.toArray(CompletableFuture[]::new)).thenApply(done -> others.stream()
          .map(CompletableFuture::join).flatMap(Optional::stream).findFirst());
    }));
  }

  private CompletionStage<Optional<ContactRecord>> contactOfKey(int p, String idempotencyKey) {
    return redis.get(keys.idempotencyKey(p, idempotencyKey)).thenCompose(id -> id == null
        ? CompletableFuture.completedFuture(Optional.<ContactRecord>empty())
        : read(keys.partitionOfContact(id), id));
  }

  @Override
  public Future<Optional<ContactRecord>> claim(String queue, String agent, Instant now) {
    if (keys.partitions() == 1) {
      return RedisCalls.future(claimIn(0, queue, agent, now));
    }
    return RedisCalls.future(heads(queue).thenCompose(order -> claimInOrder(order, 0, queue, agent, now)));
  }

  @Override
  public Future<Optional<ContactRecord>> reserve(String id, String queue, String agent, String offerId, Instant expiresAt,
      Instant now) {
    int p = keys.partitionOfContact(id);
    return RedisCalls.future(hash(p, id).thenCompose(hash -> {
      if (!"QUEUED".equals(hash.get("status")) || !queue.equals(hash.get("queue"))) {
        return CompletableFuture.completedFuture(Optional.<ContactRecord>empty());
      }
      ContactRecord offered = ContactRecordCodec.decode(hash.get("json")).offered(agent, offerId, expiresAt, now);
      return calls.script(Scripts.RESERVE, ScriptOutputType.INTEGER, new String[] {keys.contact(p, id)}, queue,
              hash.get("member"), hash.getOrDefault("erasures", "0"), ContactRecordCodec.encode(offered), agent, offerId,
              keys.prefix(p))
          .thenApply(done -> (Long) done == 1L ? Optional.of(offered) : Optional.<ContactRecord>empty());
    }));
  }

  @Override
  public Future<Optional<ContactRecord>> endOffer(String id, String offerId, String outcome, String detail, Instant now) {
    int p = keys.partitionOfContact(id);
    return RedisCalls.future(hash(p, id).thenCompose(hash -> {
      if (!"OFFERED".equals(hash.get("status")) || !offerId.equals(hash.get("offer"))) {
        return CompletableFuture.completedFuture(Optional.<ContactRecord>empty());
      }
      ContactRecord ended = ContactRecordCodec.decode(hash.get("json")).offerEnded(outcome, detail, now);
      return calls.script(Scripts.END_OFFER, ScriptOutputType.INTEGER, new String[] {keys.contact(p, id)}, offerId,
              hash.getOrDefault("erasures", "0"), ContactRecordCodec.encode(ended), ended.status().name(),
              serveScore(ended), arrivalScore(ended), keys.prefix(p), id, now.toString())
          .thenApply(done -> (Long) done == 1L ? Optional.of(ended) : Optional.<ContactRecord>empty());
    }));
  }

  @Override
  public Future<ContactRecord> complete(String id, Instant now) {
    return RedisCalls.future(finish(id, record -> record.completed(now), now, 0));
  }

  @Override
  public Future<ContactRecord> abandon(String id, Instant now) {
    return RedisCalls.future(finish(id, record -> record.abandoned(now), now, 0));
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
      ContactRecord current = ScriptReplies.contact(hash).orElseThrow();
      ContactRecord erased = current.erased(at);
      return calls.script(Scripts.ERASE, ScriptOutputType.INTEGER, new String[] {keys.contact(p, id)},
          hash.get("json"), ContactRecordCodec.encode(erased), keys.prefix(p), orEmpty(current.customer().id()), id)
          .thenCompose(done -> settled(done, Optional.of(erased), attempt,
              "contact " + id + " kept changing; try the erasure again", () -> erase(id, at, attempt + 1)));
    });
  }

  @Override
  public Future<Optional<ContactRecord>> addHistory(String id, HistoryEvent event) {
    return RedisCalls.future(addHistory(id, event, 0));
  }

  private CompletionStage<Optional<ContactRecord>> addHistory(String id, HistoryEvent event, int attempt) {
    int p = keys.partitionOfContact(id);
    return hash(p, id).thenCompose(hash -> {
      if (hash.isEmpty()) {
        return CompletableFuture.completedFuture(Optional.<ContactRecord>empty());
      }
      ContactRecord noted = ScriptReplies.contact(hash).orElseThrow().noted(event);
      return calls.script(Scripts.ADD_HISTORY, ScriptOutputType.INTEGER, new String[] {keys.contact(p, id)},
          hash.get("json"), ContactRecordCodec.encode(noted), keys.prefix(p))
          .thenCompose(done -> settled(done, Optional.of(noted), attempt,
              "contact " + id + " kept changing; try again", () -> addHistory(id, event, attempt + 1)));
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
    return calls.script(Scripts.CLAIM, ScriptOutputType.VALUE, k, agent, now.toString(), keys.prefix(p))
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

  private CompletionStage<ContactRecord> finish(
      String id, Function<ContactRecord, ContactRecord> transition, Instant now, int attempt) {
    int p = keys.partitionOfContact(id);
    return hash(p, id).thenCompose(hash -> {
      ContactRecord current = ScriptReplies.contact(hash).orElseThrow(() -> new ContactNotFoundException(id));
      ContactRecord next = transition.apply(current);
      return calls.script(Scripts.FINISH, ScriptOutputType.INTEGER, new String[] {keys.contact(p, id)},
          hash.get("status"), hash.getOrDefault("member", ""), ContactRecordCodec.encode(next), next.status().name(),
          Long.toString(retentionSeconds), keys.prefix(p), hash.getOrDefault("erasures", "0"),
          hash.getOrDefault("transfers", "0"), id, now.toString(), Long.toString(now.toEpochMilli()),
          conversationRetentionSeconds, conversationIndexSeconds)
          .thenCompose(done -> settled(done, next, attempt, "contact " + id + " kept changing; try again",
              () -> finish(id, transition, now, attempt + 1)));
    });
  }

  /**
   * {@code value} when a compare-and-set script answered {@code done == 1}, else {@code again}
   * (which reads anew), until {@value #CAS_ATTEMPTS} attempts failed: then {@link
   * StoreUnavailableException} with {@code failure}.
   */
  private static <T> CompletionStage<T> settled(
      Object done, T value, int attempt, String failure, Supplier<CompletionStage<T>> again) {
    if ((Long) done == 1L) {
      return CompletableFuture.completedFuture(value);
    }
    if (attempt + 1 >= CAS_ATTEMPTS) {
      throw new StoreUnavailableException(failure);
    }
    return again.get();
  }

  private CompletionStage<Optional<ContactRecord>> read(int p, String id) {
    return hash(p, id).thenApply(ScriptReplies::contact);
  }

  private CompletionStage<Map<String, String>> hash(int p, String id) {
    return redis.hgetall(keys.contact(p, id));
  }

  private static String orEmpty(String text) {
    return text == null ? "" : text;
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
