package io.omniroute.engine.webhook;

import io.lettuce.core.ScriptOutputType;
import io.omniroute.engine.redis.RedisCalls;
import io.omniroute.engine.redis.RedisConnection;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Webhooks and their deliveries in Redis (standalone, Sentinel or Cluster), shared by every engine
 * node and kept across restarts. All keys carry the hash tag {@code {NS:webhooks}}, so every script
 * runs in one hash slot:
 *
 * <pre>
 * {NS:webhooks}:hooks        hash: webhook id -> webhook JSON, secret included ({@link WebhookJson#stored})
 * {NS:webhooks}:due          sorted set: delivery key ({@link Delivery#key()}) -> due time, epoch ms;
 *                            a claimed delivery's score is the end of its lease
 * {NS:webhooks}:deliveries   hash: delivery key -> delivery JSON ({@link Delivery#toJson()}), pending or dead
 * {NS:webhooks}:leases       hash: delivery key -> token of the claim that holds it
 * {NS:webhooks}:dead:ID      sorted set: delivery key -> when it died, epoch ms (at most 10,000 per webhook)
 * </pre>
 *
 * Any node polls {@code due} with one script that takes the due deliveries, moves each to the end
 * of its lease and records the claim's token, atomically; completing, retrying and dead-lettering
 * are scripts that first check the token. Times come from the engine's clock, not from Redis.
 *
 * <p>Thread-safe. Futures complete on the calling Vert.x context when there is one; Redis failures
 * and timeouts arrive as {@link io.omniroute.engine.StoreUnavailableException}. Uses the queue
 * store's connection, which it does not close; {@link #close()} does nothing.
 */
public final class RedisWebhookStore implements WebhookStore {
  /** KEYS: hooks, deliveries, dead of the webhook. ARGV: id. Returns 1 when there was such a webhook. */
  private static final String DELETE = """
      local existed = redis.call('HDEL', KEYS[1], ARGV[1])
      for _, key in ipairs(redis.call('ZRANGE', KEYS[3], 0, -1)) do
        redis.call('HDEL', KEYS[2], key)
      end
      redis.call('DEL', KEYS[3])
      return existed
      """;

  /** KEYS: due, deliveries. ARGV: due time, then key and JSON of each delivery. Returns how many were new. */
  private static final String ENQUEUE = """
      local added = 0
      for i = 2, #ARGV, 2 do
        if redis.call('HSETNX', KEYS[2], ARGV[i], ARGV[i + 1]) == 1 then
          redis.call('ZADD', KEYS[1], ARGV[1], ARGV[i])
          added = added + 1
        end
      end
      return added
      """;

  /**
   * KEYS: due, deliveries, hooks, leases. ARGV: now, lease end, max, token. Returns the delivery
   * JSON and webhook JSON of each claimed delivery, one after the other, then the pending count.
   */
  private static final String CLAIM = """
      local out = {}
      local keys = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[3]))
      for _, key in ipairs(keys) do
        local delivery = redis.call('HGET', KEYS[2], key)
        local hook = false
        if delivery then
          hook = redis.call('HGET', KEYS[3], string.match(key, '^[^ ]+'))
        end
        if hook then
          redis.call('ZADD', KEYS[1], ARGV[2], key)
          redis.call('HSET', KEYS[4], key, ARGV[4])
          out[#out + 1] = delivery
          out[#out + 1] = hook
        else
          redis.call('ZREM', KEYS[1], key)
          redis.call('HDEL', KEYS[2], key)
          redis.call('HDEL', KEYS[4], key)
        end
      end
      out[#out + 1] = redis.call('ZCARD', KEYS[1])
      return out
      """;

  /** KEYS: due, deliveries, leases. ARGV: key, token. Returns 1 when the token held the lease. */
  private static final String COMPLETE = """
      if redis.call('HGET', KEYS[3], ARGV[1]) ~= ARGV[2] then return 0 end
      redis.call('ZREM', KEYS[1], ARGV[1])
      redis.call('HDEL', KEYS[2], ARGV[1])
      redis.call('HDEL', KEYS[3], ARGV[1])
      return 1
      """;

  /** KEYS: due, deliveries, leases. ARGV: key, token, JSON, due time. Returns 1 when the token held the lease. */
  private static final String RETRY = """
      if redis.call('HGET', KEYS[3], ARGV[1]) ~= ARGV[2] then return 0 end
      redis.call('HSET', KEYS[2], ARGV[1], ARGV[3])
      redis.call('ZADD', KEYS[1], ARGV[4], ARGV[1])
      redis.call('HDEL', KEYS[3], ARGV[1])
      return 1
      """;

  /**
   * KEYS: due, deliveries, leases, dead of the webhook, hooks. ARGV: key, token, JSON, time of death,
   * most dead letters kept, webhook id. Returns 1 when the token held the lease.
   */
  private static final String DEAD_LETTER = """
      if redis.call('HGET', KEYS[3], ARGV[1]) ~= ARGV[2] then return 0 end
      redis.call('ZREM', KEYS[1], ARGV[1])
      redis.call('HDEL', KEYS[3], ARGV[1])
      if redis.call('HEXISTS', KEYS[5], ARGV[6]) == 0 then
        redis.call('HDEL', KEYS[2], ARGV[1])
        return 1
      end
      redis.call('HSET', KEYS[2], ARGV[1], ARGV[3])
      redis.call('ZADD', KEYS[4], ARGV[4], ARGV[1])
      local over = redis.call('ZCARD', KEYS[4]) - tonumber(ARGV[5])
      if over > 0 then
        for _, key in ipairs(redis.call('ZRANGE', KEYS[4], 0, over - 1)) do
          redis.call('HDEL', KEYS[2], key)
        end
        redis.call('ZREMRANGEBYRANK', KEYS[4], 0, over - 1)
      end
      return 1
      """;

  /** KEYS: dead of the webhook, deliveries. ARGV: limit. Reads only. Returns the count, then the newest JSONs. */
  private static final String DEAD_LETTERS = """
      local out = {redis.call('ZCARD', KEYS[1])}
      for _, key in ipairs(redis.call('ZREVRANGE', KEYS[1], 0, tonumber(ARGV[1]) - 1)) do
        local delivery = redis.call('HGET', KEYS[2], key)
        if delivery then out[#out + 1] = delivery end
      end
      return out
      """;

  /** KEYS: dead of the webhook, deliveries, due. ARGV: due time, then key and JSON of each. Returns how many moved. */
  private static final String REPLAY = """
      local moved = 0
      for i = 2, #ARGV, 2 do
        if redis.call('ZREM', KEYS[1], ARGV[i]) == 1 then
          redis.call('HSET', KEYS[2], ARGV[i], ARGV[i + 1])
          redis.call('ZADD', KEYS[3], ARGV[1], ARGV[i])
          moved = moved + 1
        end
      end
      return moved
      """;

  private final RedisConnection connection;
  private final RedisCalls calls;
  private final String prefix;
  private final String hooks;
  private final String due;
  private final String deliveries;
  private final String leases;

  private RedisWebhookStore(RedisConnection connection, String namespace) {
    this.connection = connection;
    this.calls = new RedisCalls(connection.commands());
    this.prefix = "{" + namespace + ":webhooks}:";
    this.hooks = prefix + "hooks";
    this.due = prefix + "due";
    this.deliveries = prefix + "deliveries";
    this.leases = prefix + "leases";
  }

  /**
   * A store whose keys are in {@code namespace} ({@link RedisConnection#DEFAULT_NAMESPACE} for the
   * engine) on {@code connection}, which it does not close.
   */
  public static RedisWebhookStore open(RedisConnection connection, String namespace) {
    return new RedisWebhookStore(connection, namespace);
  }

  @Override
  public Future<Boolean> put(Webhook webhook) {
    return RedisCalls.future(connection.commands().hset(hooks, webhook.id(), WebhookJson.stored(webhook)));
  }

  @Override
  public Future<Optional<Webhook>> get(String id) {
    return RedisCalls.future(connection.commands().hget(hooks, id))
        .map(json -> Optional.ofNullable(json).map(WebhookJson::fromStored));
  }

  @Override
  public Future<List<Webhook>> list() {
    return RedisCalls.future(connection.commands().hvals(hooks)).map(values -> {
      List<Webhook> webhooks = new ArrayList<>(values.size());
      values.forEach(json -> webhooks.add(WebhookJson.fromStored(json)));
      webhooks.sort(Comparator.comparing(Webhook::id));
      return webhooks;
    });
  }

  @Override
  public Future<Boolean> delete(String id) {
    return RedisCalls.future(calls.<Long>script(DELETE, ScriptOutputType.INTEGER,
        new String[] {hooks, deliveries, dead(id)}, id)).map(existed -> existed == 1L);
  }

  @Override
  public Future<Void> enqueue(List<Delivery> added, Instant at) {
    if (added.isEmpty()) {
      return Future.succeededFuture();
    }
    String[] args = new String[1 + 2 * added.size()];
    args[0] = Long.toString(at.toEpochMilli());
    for (int i = 0; i < added.size(); i++) {
      args[1 + 2 * i] = added.get(i).key();
      args[2 + 2 * i] = added.get(i).toJson();
    }
    return RedisCalls.future(calls.<Long>script(ENQUEUE, ScriptOutputType.INTEGER, new String[] {due, deliveries}, args))
        .mapEmpty();
  }

  @Override
  public Future<Claims> claim(Instant now, Instant leaseUntil, int max, String token) {
    return RedisCalls.future(calls.<List<Object>>script(CLAIM, ScriptOutputType.MULTI,
            new String[] {due, deliveries, hooks, leases}, Long.toString(now.toEpochMilli()),
            Long.toString(leaseUntil.toEpochMilli()), Integer.toString(max), token))
        .map(found -> {
          List<Claimed> claimed = new ArrayList<>(found.size() / 2);
          for (int i = 0; i + 1 < found.size(); i += 2) {
            claimed.add(new Claimed(Delivery.fromJson((String) found.get(i)),
                WebhookJson.fromStored((String) found.get(i + 1))));
          }
          return new Claims(claimed, (Long) found.get(found.size() - 1));
        });
  }

  @Override
  public Future<Boolean> complete(Delivery delivery, String token) {
    return held(calls.script(COMPLETE, ScriptOutputType.INTEGER, new String[] {due, deliveries, leases},
        delivery.key(), token));
  }

  @Override
  public Future<Boolean> retry(Delivery delivery, String token, Instant at) {
    return held(calls.script(RETRY, ScriptOutputType.INTEGER, new String[] {due, deliveries, leases},
        delivery.key(), token, delivery.toJson(), Long.toString(at.toEpochMilli())));
  }

  @Override
  public Future<Boolean> deadLetter(Delivery delivery, String token) {
    return held(calls.script(DEAD_LETTER, ScriptOutputType.INTEGER,
        new String[] {due, deliveries, leases, dead(delivery.webhookId()), hooks},
        delivery.key(), token, delivery.toJson(), Long.toString(delivery.deadAt().toEpochMilli()),
        Integer.toString(MAX_DEAD_LETTERS), delivery.webhookId()));
  }

  @Override
  public Future<DeadLetters> deadLetters(String webhookId, int limit) {
    return RedisCalls.future(calls.<List<Object>>script(DEAD_LETTERS, ScriptOutputType.MULTI,
            new String[] {dead(webhookId), deliveries}, Integer.toString(limit)))
        .map(found -> {
          List<Delivery> newest = new ArrayList<>(found.size());
          for (int i = 1; i < found.size(); i++) {
            newest.add(Delivery.fromJson((String) found.get(i)));
          }
          return new DeadLetters(newest, (Long) found.get(0));
        });
  }

  @Override
  public Future<Integer> replay(String webhookId, List<Delivery> replayed, Instant at) {
    List<Delivery> own = replayed.stream().filter(delivery -> delivery.webhookId().equals(webhookId)).toList();
    if (own.isEmpty()) {
      return Future.succeededFuture(0);
    }
    String[] args = new String[1 + 2 * own.size()];
    args[0] = Long.toString(at.toEpochMilli());
    for (int i = 0; i < own.size(); i++) {
      args[1 + 2 * i] = own.get(i).key();
      args[2 + 2 * i] = own.get(i).toJson();
    }
    return RedisCalls.future(calls.<Long>script(REPLAY, ScriptOutputType.INTEGER,
        new String[] {dead(webhookId), deliveries, due}, args)).map(Long::intValue);
  }

  /** Nothing to release: the connection belongs to the queue store. */
  @Override
  public void close() {}

  private String dead(String webhookId) {
    return prefix + "dead:" + webhookId;
  }

  private static Future<Boolean> held(java.util.concurrent.CompletionStage<Long> stage) {
    return RedisCalls.future(stage).map(held -> held == 1L);
  }
}
