package io.omniroute.engine.rules;

import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.omniroute.engine.redis.RedisCalls;
import io.omniroute.engine.redis.RedisConnection;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rule versions, active versions and the audit log in Redis, shared by every engine node. All keys
 * carry the hash tag {@code {NS:rules}}, so in a Redis Cluster they live in one slot and each
 * change is one atomic Lua script:
 *
 * <pre>
 * {NS:rules}:next:SCOPE         the last version number of a scope
 * {NS:rules}:version:SCOPE:N    hash: text, author, savedAt, comment
 * {NS:rules}:active             hash: scope -> active version number
 * {NS:rules}:audit              list of JSON audit entries, oldest first
 * </pre>
 *
 * An activation publishes {@code SCOPE:N} on the channel {@code NS:rules:activated}; every node
 * subscribes and reloads. Thread-safe. Uses the queue store's connection, which it does not close;
 * {@link #close()} closes its own subscription and must run before that connection closes.
 */
public final class RedisRuleStore implements RuleStore {
  private static final Logger LOG = LoggerFactory.getLogger(RedisRuleStore.class);

  /** KEYS: next, audit. ARGV: version key prefix, text, author, savedAt, comment, scope. Returns N. */
  private static final String SAVE = """
      local n = redis.call('INCR', KEYS[1])
      redis.call('HSET', ARGV[1] .. n, 'text', ARGV[2], 'author', ARGV[3], 'savedAt', ARGV[4], 'comment', ARGV[5])
      redis.call('RPUSH', KEYS[2], cjson.encode({at = ARGV[4], actor = ARGV[3], action = 'saved', scope = ARGV[6],
        version = n, comment = ARGV[5]}))
      return n
      """;

  /** KEYS: next of global, audit, active. ARGV: as SAVE. Returns 1 when it seeded, 0 when global had versions. */
  private static final String SEED = """
      if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
      redis.call('SET', KEYS[1], 1)
      redis.call('HSET', ARGV[1] .. 1, 'text', ARGV[2], 'author', ARGV[3], 'savedAt', ARGV[4], 'comment', ARGV[5])
      redis.call('HSET', KEYS[3], ARGV[6], 1)
      redis.call('RPUSH', KEYS[2], cjson.encode({at = ARGV[4], actor = ARGV[3], action = 'saved', scope = ARGV[6],
        version = 1, comment = ARGV[5]}))
      redis.call('RPUSH', KEYS[2], cjson.encode({at = ARGV[4], actor = ARGV[3], action = 'activated', scope = ARGV[6],
        version = 1, comment = ARGV[5]}))
      return 1
      """;

  /** KEYS: version, active, audit. ARGV: scope, N, actor, at, comment, channel. Returns 0 when the version is missing. */
  private static final String ACTIVATE = """
      if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
      redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
      redis.call('RPUSH', KEYS[3], cjson.encode({at = ARGV[4], actor = ARGV[3], action = 'activated', scope = ARGV[1],
        version = tonumber(ARGV[2]), comment = ARGV[5]}))
      redis.call('PUBLISH', ARGV[6], ARGV[1] .. ':' .. ARGV[2])
      return 1
      """;

  private final RedisClusterAsyncCommands<String, String> redis;
  private final RedisCalls calls;
  private final String prefix;
  private final String channel;
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
  private final StatefulRedisPubSubConnection<String, String> subscription;

  /** A store in {@code namespace} on {@code connection}; subscribes to activations at once. */
  public RedisRuleStore(RedisConnection connection, String namespace) {
    this.redis = connection.commands();
    this.calls = new RedisCalls(redis);
    this.prefix = "{" + namespace + ":rules}:";
    this.channel = namespace + ":rules:activated";
    this.subscription = connection.openPubSub();
    subscription.addListener(new RedisPubSubAdapter<>() {
      @Override
      public void message(String from, String message) {
        listeners.forEach(Runnable::run);
      }
    });
    try {
      subscription.async().subscribe(channel).get(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      subscription.close();
      throw new IllegalStateException("cannot subscribe to " + channel + ": " + e.getMessage(), e);
    }
  }

  private String next(String scope) {
    return prefix + "next:" + scope;
  }

  private String versionPrefix(String scope) {
    return prefix + "version:" + scope + ":";
  }

  private String activeKey() {
    return prefix + "active";
  }

  private String auditKey() {
    return prefix + "audit";
  }

  @Override
  public Future<Void> seedDefault(String text, Instant now) {
    return RedisCalls.future(calls.<Long>script(SEED, ScriptOutputType.INTEGER,
        new String[] {next(GLOBAL), auditKey(), activeKey()},
        versionPrefix(GLOBAL), text, ENGINE, now.toString(), "bundled default policy", GLOBAL))
        .mapEmpty();
  }

  @Override
  public Future<RuleVersion> save(String scope, String text, String author, String comment, Instant now) {
    String why = comment == null ? "" : comment;
    return RedisCalls.future(calls.<Long>script(SAVE, ScriptOutputType.INTEGER,
        new String[] {next(scope), auditKey()}, versionPrefix(scope), text, author, now.toString(), why, scope))
        .map(n -> new RuleVersion(scope, n.intValue(), text, author, now, why));
  }

  @Override
  public Future<List<RuleVersion>> versions(String scope) {
    return RedisCalls.future(redis.get(next(scope)).thenCompose(last -> {
      int count = last == null ? 0 : Integer.parseInt(last);
      List<CompletableFuture<Map<String, String>>> reads = new ArrayList<>(count);
      for (int n = 1; n <= count; n++) {
        reads.add(redis.hgetall(versionPrefix(scope) + n).toCompletableFuture());
      }
      return CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new)).thenApply(done -> {
        List<RuleVersion> versions = new ArrayList<>(count);
        for (int n = 1; n <= count; n++) {
          Map<String, String> hash = reads.get(n - 1).join();
          if (!hash.isEmpty()) {
            versions.add(decode(scope, n, hash));
          }
        }
        return versions;
      });
    }));
  }

  @Override
  public Future<Optional<RuleVersion>> version(String scope, int version) {
    return RedisCalls.future(redis.hgetall(versionPrefix(scope) + version))
        .map(hash -> hash.isEmpty() ? Optional.empty() : Optional.of(decode(scope, version, hash)));
  }

  private static RuleVersion decode(String scope, int version, Map<String, String> hash) {
    return new RuleVersion(scope, version, hash.get("text"), hash.get("author"), Instant.parse(hash.get("savedAt")),
        hash.get("comment"));
  }

  @Override
  public Future<Map<String, Integer>> active() {
    return RedisCalls.future(redis.hgetall(activeKey())).map(hash -> {
      Map<String, Integer> active = new TreeMap<>();
      hash.forEach((scope, version) -> active.put(scope, Integer.parseInt(version)));
      return active;
    });
  }

  @Override
  public Future<Void> activate(String scope, int version, String actor, String comment, Instant now) {
    return RedisCalls.future(calls.<Long>script(ACTIVATE, ScriptOutputType.INTEGER,
        new String[] {versionPrefix(scope) + version, activeKey(), auditKey()},
        scope, Integer.toString(version), actor, now.toString(), comment == null ? "" : comment, channel))
        .compose(done -> done == 1L
            ? Future.<Void>succeededFuture()
            : Future.failedFuture(new RuleVersionNotFoundException(scope, version)));
  }

  @Override
  public Future<Void> appendAudit(AuditEntry entry) {
    String line = new JsonObject().put("at", entry.at().toString()).put("actor", entry.actor()).put("action", entry.action())
        .put("scope", entry.scope()).put("version", entry.version()).put("comment", entry.comment()).encode();
    return RedisCalls.future(redis.rpush(auditKey(), line)).mapEmpty();
  }

  @Override
  public Future<List<AuditEntry>> audit(int limit) {
    return RedisCalls.future(redis.lrange(auditKey(), -limit, -1)).map(lines -> {
      List<AuditEntry> entries = new ArrayList<>(lines.size());
      for (String line : lines) {
        JsonObject json = new JsonObject(line);
        entries.add(new AuditEntry(Instant.parse(json.getString("at")), json.getString("actor"),
            json.getString("action"), json.getString("scope"), json.getInteger("version"), json.getString("comment")));
      }
      return entries;
    });
  }

  @Override
  public void onActivation(Runnable listener) {
    listeners.add(listener);
  }

  @Override
  public void close() {
    try {
      subscription.close();
    } catch (RuntimeException e) {
      LOG.debug("closing the rules subscription failed", e);
    }
  }
}
