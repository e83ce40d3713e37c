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

/**
 * The agents registry in Redis (standalone, Sentinel or Cluster), shared by every engine node and
 * kept across restarts. All keys carry the hash tag {@code {NS:agents}}:
 *
 * <pre>
 * {NS:agents}:profiles   hash: agent id -> profile JSON ({@link AgentProfiles#write(AgentProfile)})
 * {NS:agents}:presence   hash: agent id -> presence wire name, a space, the ISO-8601 time it began
 * </pre>
 *
 * Each write is one Lua script over both keys, so a replaced profile keeps its presence, a
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

  /** KEYS: profiles, presence. ARGV: id, profile JSON, presence of a new agent. Returns {created, presence}. */
  private static final String PUT = """
      local created = redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
      redis.call('HSETNX', KEYS[2], ARGV[1], ARGV[3])
      return {created, redis.call('HGET', KEYS[2], ARGV[1])}
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

  /** KEYS: profiles, presence. ARGV: id. Reads only. Returns {JSON, presence}, or {} when there is no such agent. */
  private static final String GET = """
      local json = redis.call('HGET', KEYS[1], ARGV[1])
      if not json then return {} end
      return {json, redis.call('HGET', KEYS[2], ARGV[1]) or ''}
      """;

  /** KEYS: profiles, presence. Reads only. Returns id, JSON, presence of every agent, one after the other. */
  private static final String LIST = """
      local all = redis.call('HGETALL', KEYS[1])
      local out = {}
      for i = 1, #all, 2 do
        out[#out + 1] = all[i]
        out[#out + 1] = all[i + 1]
        out[#out + 1] = redis.call('HGET', KEYS[2], all[i]) or ''
      end
      return out
      """;

  private final RedisCalls calls;
  private final String[] keys;

  private RedisAgentStore(RedisConnection connection, String namespace) {
    this.calls = new RedisCalls(connection.commands());
    String prefix = "{" + namespace + ":agents}:";
    this.keys = new String[] {prefix + "profiles", prefix + "presence"};
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
    return RedisCalls.future(calls.<List<Object>>script(PUT, ScriptOutputType.MULTI, keys,
            profile.id(), AgentProfiles.write(profile).toString(), stored(Presence.OFFLINE, at)))
        .map(result -> new Saved(state(profile, (String) result.get(1)), (Long) result.get(0) == 1L));
  }

  @Override
  public Future<Optional<AgentState>> get(String id) {
    return RedisCalls.future(calls.<List<Object>>script(GET, ScriptOutputType.MULTI, keys, id))
        .map(found -> agentOf(id, found));
  }

  @Override
  public Future<List<AgentState>> list() {
    return RedisCalls.future(calls.<List<Object>>script(LIST, ScriptOutputType.MULTI, keys)).map(found -> {
      List<AgentState> agents = new ArrayList<>(found.size() / 3);
      for (int i = 0; i + 2 < found.size(); i += 3) {
        agents.add(decode((String) found.get(i), (String) found.get(i + 1), (String) found.get(i + 2)));
      }
      agents.sort(Comparator.comparing(AgentState::id));
      return agents;
    });
  }

  @Override
  public Future<Optional<AgentState>> setPresence(String id, Presence presence, Instant at) {
    return RedisCalls.future(calls.<List<Object>>script(SET_PRESENCE, ScriptOutputType.MULTI, keys,
            id, presence.wireName(), stored(presence, at)))
        .map(found -> agentOf(id, found));
  }

  /** Nothing to release: the connection belongs to the queue store. */
  @Override
  public void close() {}

  private static String stored(Presence presence, Instant since) {
    return presence.wireName() + " " + since;
  }

  /** The agent of a script's {JSON, presence} answer, or empty for {}. */
  private static Optional<AgentState> agentOf(String id, List<Object> found) {
    return found.isEmpty() ? Optional.empty() : Optional.of(decode(id, (String) found.get(0), (String) found.get(1)));
  }

  private static AgentState decode(String id, String json, String presence) {
    try {
      return state(AgentProfiles.read(id, JSON.readTree(json)), presence);
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
