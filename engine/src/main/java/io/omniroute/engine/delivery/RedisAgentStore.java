package io.omniroute.engine.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lettuce.core.ScriptOutputType;
import io.omniroute.engine.redis.RedisCalls;
import io.omniroute.engine.redis.RedisConnection;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.UnaryOperator;
import io.omniroute.engine.StoreUnavailableException;

/**
 * The agents registry in Redis (standalone, Sentinel or Cluster), shared by every engine node and
 * kept across restarts. All keys carry the hash tag {@code {NS:agents}}:
 *
 * <pre>
 * {NS:agents}:profiles   hash: agent id -> profile JSON ({@link AgentProfiles#write(AgentProfile)})
 * {NS:agents}:presence   hash: agent id -> presence wire name, a space, the ISO-8601 time it began
 * {NS:agents}:work       hash: agent id -> the agent's work as JSON (open offers, assignments, wrap-up)
 * {NS:agents}:offers     hash: open offer id -> agent id
 * {NS:agents}:expiries   sorted set: open offer ids by expiry (milliseconds)
 * </pre>
 *
 * An {@link #update} reads the agent, applies the change in Java and writes presence, work and the
 * offer indexes in one script only if presence and work are still as read (else it starts over).
 * Each other write is one Lua script over the profile and presence keys, so a replaced profile keeps its presence, a
 * presence is only ever stored for an agent that exists, and two nodes setting the same presence
 * keep the time of the first. Reads are read-only scripts, so a profile and its presence are read
 * together. In a Redis Cluster both keys share one hash slot, so the registry lives on one shard.
 *
 * <p>Thread-safe. Futures complete on the calling Vert.x context when there is one; Redis failures
 * and timeouts arrive as {@link io.omniroute.engine.StoreUnavailableException}. Uses the queue
 * store's connection, which it does not close; {@link #close()} does nothing.
 */
public final class RedisAgentStore implements AgentStore {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** KEYS: profiles, presence, work. ARGV: id, profile JSON, presence of a new agent. Returns {created, presence, work}. */
  private static final String PUT = """
      local created = redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
      redis.call('HSETNX', KEYS[2], ARGV[1], ARGV[3])
      return {created, redis.call('HGET', KEYS[2], ARGV[1]), redis.call('HGET', KEYS[3], ARGV[1]) or ''}
      """;

  /**
   * KEYS: profiles, presence. ARGV: id, presence wire name, its stored form. Returns {JSON,
   * presence} of the agent after the change, or {} when there is no such agent.
   */
  private static final String SET_PRESENCE = """
      local json = redis.call('HGET', KEYS[1], ARGV[1])
      if not json then return {} end
      local current = redis.call('HGET', KEYS[2], ARGV[1])
      if not current or string.sub(current, 1, #ARGV[2] + 1) ~= ARGV[2] .. ' ' then
        current = ARGV[3]
        redis.call('HSET', KEYS[2], ARGV[1], current)
      end
      return {json, current}
      """;

  /** KEYS: profiles, presence, work. ARGV: id. Reads only. Returns {JSON, presence, work}, or {} when there is no such agent. */
  private static final String GET = """
      local json = redis.call('HGET', KEYS[1], ARGV[1])
      if not json then return {} end
      return {json, redis.call('HGET', KEYS[2], ARGV[1]) or '', redis.call('HGET', KEYS[3], ARGV[1]) or ''}
      """;

  /**
   * KEYS: profiles, presence, work, offers, expiries. ARGV: id, expected presence, expected work (''
   * for none), new presence, new work, number n of ended offers, n ended offer ids, then the new
   * offers as pairs of id and expiry (milliseconds). Returns 1, or 0 when the agent changed since
   * it was read.
   */
  private static final String UPDATE = """
      if not redis.call('HGET', KEYS[1], ARGV[1]) then return 0 end
      if (redis.call('HGET', KEYS[2], ARGV[1]) or '') ~= ARGV[2] or (redis.call('HGET', KEYS[3], ARGV[1]) or '') ~= ARGV[3] then
        return 0
      end
      redis.call('HSET', KEYS[2], ARGV[1], ARGV[4])
      redis.call('HSET', KEYS[3], ARGV[1], ARGV[5])
      local ended = tonumber(ARGV[6])
      for i = 7, 6 + ended do
        redis.call('HDEL', KEYS[4], ARGV[i])
        redis.call('ZREM', KEYS[5], ARGV[i])
      end
      for i = 7 + ended, #ARGV, 2 do
        redis.call('HSET', KEYS[4], ARGV[i], ARGV[1])
        redis.call('ZADD', KEYS[5], ARGV[i + 1], ARGV[i])
      end
      return 1
      """;

  /** KEYS: offers, work. ARGV: offer id. Reads only. Returns the work of the offer's agent, or false. */
  private static final String OFFER = """
      local agent = redis.call('HGET', KEYS[1], ARGV[1])
      if not agent then return false end
      return redis.call('HGET', KEYS[2], agent)
      """;

  /**
   * KEYS: expiries, offers, work. ARGV: now (milliseconds), limit. Reads only. Returns {offer id,
   * work of its agent} of the expired offers, the earliest first.
   */
  private static final String EXPIRED = """
      local out = {}
      for _, id in ipairs(redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[2]))) do
        local agent = redis.call('HGET', KEYS[2], id)
        if agent then
          table.insert(out, id)
          table.insert(out, redis.call('HGET', KEYS[3], agent) or '')
        end
      end
      return out
      """;

  private static final int UPDATE_ATTEMPTS = 20;

  /** KEYS: profiles, presence, work. Reads only. Returns id, JSON, presence, work of every agent, one after the other. */
  private static final String LIST = """
      local all = redis.call('HGETALL', KEYS[1])
      local out = {}
      for i = 1, #all, 2 do
        out[#out + 1] = all[i]
        out[#out + 1] = all[i + 1]
        out[#out + 1] = redis.call('HGET', KEYS[2], all[i]) or ''
        out[#out + 1] = redis.call('HGET', KEYS[3], all[i]) or ''
      end
      return out
      """;

  private final RedisCalls calls;
  private final String[] keys;
  private final String[] allKeys;

  private RedisAgentStore(RedisConnection connection, String namespace) {
    this.calls = new RedisCalls(connection.commands());
    String prefix = "{" + namespace + ":agents}:";
    this.keys = new String[] {prefix + "profiles", prefix + "presence"};
    this.allKeys = new String[] {keys[0], keys[1], prefix + "work", prefix + "offers", prefix + "expiries"};
  }

  /**
   * A store whose keys are in {@code namespace} ({@link RedisConnection#DEFAULT_NAMESPACE} for the
   * engine) on {@code connection}, which it does not close.
   */
  public static RedisAgentStore open(RedisConnection connection, String namespace) {
    return new RedisAgentStore(connection, namespace);
  }

  @Override
  public Future<Saved> put(AgentProfile profile, Instant at) {
    return RedisCalls.future(calls.<List<Object>>script(PUT, ScriptOutputType.MULTI, workKeys(),
            profile.id(), AgentProfiles.write(profile).toString(), stored(Presence.OFFLINE, at)))
        .map(result -> new Saved(state(profile, (String) result.get(1)).withWork(AgentWorkCodec.read((String) result.get(2))),
            (Long) result.get(0) == 1L));
  }

  @Override
  public Future<Optional<AgentState>> get(String id) {
    return RedisCalls.future(calls.<List<Object>>script(GET, ScriptOutputType.MULTI, workKeys(), id))
        .map(found -> agentOf(id, found));
  }

  @Override
  public Future<List<AgentState>> list() {
    return RedisCalls.future(calls.<List<Object>>script(LIST, ScriptOutputType.MULTI, workKeys())).map(found -> {
      List<AgentState> agents = new ArrayList<>(found.size() / 4);
      for (int i = 0; i + 3 < found.size(); i += 4) {
        agents.add(decode((String) found.get(i), (String) found.get(i + 1), (String) found.get(i + 2),
            (String) found.get(i + 3)));
      }
      agents.sort(Comparator.comparing(AgentState::id));
      return agents;
    });
  }

  @Override
  public Future<Optional<AgentState>> setPresence(String id, Presence presence, Instant at) {
    return RedisCalls.future(calls.<List<Object>>script(SET_PRESENCE, ScriptOutputType.MULTI, keys,
            id, presence.wireName(), stored(presence, at)))
        .compose(found -> found.isEmpty() ? Future.succeededFuture(Optional.empty()) : get(id));
  }

  @Override
  public Future<Optional<Change>> update(String id, UnaryOperator<AgentState> change) {
    return RedisCalls.future(update(id, change, 0));
  }

  private CompletionStage<Optional<Change>> update(String id, UnaryOperator<AgentState> change, int attempt) {
    return calls.<List<Object>>script(GET, ScriptOutputType.MULTI, workKeys(), id).thenCompose(found -> {
      if (found.isEmpty()) {
        return CompletableFuture.completedFuture(Optional.<Change>empty());
      }
      String presence = (String) found.get(1);
      String work = (String) found.get(2);
      AgentState before = decode(id, (String) found.get(0), presence, work);
      AgentState after = change.apply(before);
      if (after == before) {
        return CompletableFuture.completedFuture(Optional.of(new Change(before, before)));
      }
      List<String> args = new ArrayList<>(List.of(id, presence, work, stored(after.presence(), after.presenceSince()),
          AgentWorkCodec.write(after.work())));
      List<String> ended = before.work().offers().stream().map(Offer::id)
          .filter(offer -> after.work().offer(offer).isEmpty()).toList();
      args.add(Integer.toString(ended.size()));
      args.addAll(ended);
      for (Offer offer : after.work().offers()) {
        if (before.work().offer(offer.id()).isEmpty()) {
          args.add(offer.id());
          args.add(Long.toString(offer.expiresAt().toEpochMilli()));
        }
      }
      return calls.script(UPDATE, ScriptOutputType.INTEGER, allKeys, args.toArray(String[]::new)).thenCompose(done -> {
        if ((Long) done == 1L) {
          return CompletableFuture.completedFuture(Optional.of(new Change(before, after.withProfile(before.profile()))));
        }
        if (attempt + 1 >= UPDATE_ATTEMPTS) {
          throw new StoreUnavailableException("agent " + id + " kept changing; try again");
        }
        return update(id, change, attempt + 1);
      });
    });
  }

  @Override
  public Future<Optional<Offer>> offer(String offerId) {
    return RedisCalls.future(calls.<Object>script(OFFER, ScriptOutputType.VALUE, new String[] {allKeys[3], allKeys[2]},
            offerId))
        .map(work -> work == null ? Optional.empty() : AgentWorkCodec.read((String) work).offer(offerId));
  }

  @Override
  public Future<List<Offer>> expiredOffers(Instant now, int limit) {
    return RedisCalls.future(calls.<List<Object>>script(EXPIRED, ScriptOutputType.MULTI,
            new String[] {allKeys[4], allKeys[3], allKeys[2]}, Long.toString(now.toEpochMilli()), Integer.toString(limit)))
        .map(found -> {
          List<Offer> expired = new ArrayList<>();
          for (int i = 0; i + 1 < found.size(); i += 2) {
            AgentWorkCodec.read((String) found.get(i + 1)).offer((String) found.get(i)).ifPresent(expired::add);
          }
          return expired;
        });
  }

  private String[] workKeys() {
    return new String[] {allKeys[0], allKeys[1], allKeys[2]};
  }

  /** Nothing to release: the connection belongs to the queue store. */
  @Override
  public void close() {}

  private static String stored(Presence presence, Instant since) {
    return presence.wireName() + " " + since;
  }

  /** The agent of a script's {JSON, presence, work} answer, or empty for {}. */
  private static Optional<AgentState> agentOf(String id, List<Object> found) {
    return found.isEmpty()
        ? Optional.empty()
        : Optional.of(decode(id, (String) found.get(0), (String) found.get(1), (String) found.get(2)));
  }

  private static AgentState decode(String id, String json, String presence, String work) {
    try {
      return state(AgentProfiles.read(id, JSON.readTree(json)), presence).withWork(AgentWorkCodec.read(work));
    } catch (JsonProcessingException | InvalidAgentException e) {
      throw new IllegalStateException("the stored profile of agent " + id + " cannot be read: " + e.getMessage(), e);
    }
  }

  /** The agent of a profile and its stored presence ({@code available 2026-01-05T09:00:00Z}). */
  private static AgentState state(AgentProfile profile, String presence) {
    int space = presence == null ? -1 : presence.indexOf(' ');
    if (space < 0) {
      throw new IllegalStateException(
          "the stored presence of agent " + profile.id() + " is unreadable: '" + presence + "'");
    }
    Presence value = Presence.fromWire(presence.substring(0, space)).orElseThrow(() -> new IllegalStateException(
        "the stored presence of agent " + profile.id() + " is unknown: '" + presence + "'"));
    return new AgentState(profile, value, Instant.parse(presence.substring(space + 1)));
  }
}
