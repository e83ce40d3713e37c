package io.omniroute.engine.customer;

import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.omniroute.engine.redis.RedisCalls;
import io.omniroute.engine.redis.RedisConnection;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Customer profiles and their identity index in Redis (standalone, Sentinel or Cluster), shared by
 * every engine node. All keys carry the hash tag {@code {NS:customers}}:
 *
 * <pre>
 * {NS:customers}:profiles     hash: customer id -> profile JSON ({@link CustomerProfiles#write})
 * {NS:customers}:identities   hash: identity key ({@link Identity#key()}) -> customer id
 * {NS:customers}:owned        hash: customer id -> the profile's identity keys, one a line
 * </pre>
 *
 * Each write is one Lua script over these three keys, so it is atomic however many nodes write
 * the same customers: an identity never points at a profile that does not list it, and a write
 * that would take another customer's identity changes nothing. The price of that: in a Redis
 * Cluster the three keys share one hash slot, so all profiles live on one shard and its memory
 * bounds how many customers the engine can hold.
 *
 * <p>Thread-safe. Futures complete on the calling Vert.x context when there is one; Redis failures
 * and timeouts arrive as {@link io.omniroute.engine.StoreUnavailableException}. An erasure is
 * published on the channel {@code NS:customers:erased}, which every node's store subscribes to at
 * once ({@link #onErasure}). Uses the queue store's connection, which it does not close: {@link
 * #close()} closes only the subscription, and the connection's owner closes it after this store.
 */
public final class RedisCustomerStore implements CustomerStore {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * KEYS: profiles, identities, owned. ARGV: id, JSON, identity keys. Returns {1, created} when
   * stored, {0, identity key, other id} when an identity belongs to another customer.
   */
  private static final String PUT = """
      local id = ARGV[1]
      local claimed = {}
      for i = 3, #ARGV do
        local owner = redis.call('HGET', KEYS[2], ARGV[i])
        if owner and owner ~= id then return {0, ARGV[i], owner} end
        claimed[ARGV[i]] = true
      end
      local old = redis.call('HGET', KEYS[3], id)
      if old then
        for key in string.gmatch(old, '[^\\n]+') do
          if not claimed[key] and redis.call('HGET', KEYS[2], key) == id then redis.call('HDEL', KEYS[2], key) end
        end
      end
      for i = 3, #ARGV do redis.call('HSET', KEYS[2], ARGV[i], id) end
      redis.call('HSET', KEYS[3], id, table.concat(ARGV, '\\n', 3, #ARGV))
      return {1, redis.call('HSET', KEYS[1], id, ARGV[2])}
      """;

  /**
   * KEYS: profiles, identities. ARGV: id or empty, identity keys. Reads only. Returns {id, JSON} of
   * the profile with that id, else of the first identity's owner, else {}.
   */
  private static final String LOOKUP = """
      if ARGV[1] ~= '' then
        local json = redis.call('HGET', KEYS[1], ARGV[1])
        if json then return {ARGV[1], json} end
      end
      for i = 2, #ARGV do
        local owner = redis.call('HGET', KEYS[2], ARGV[i])
        if owner then
          local json = redis.call('HGET', KEYS[1], owner)
          if json then return {owner, json} end
        end
      end
      return {}
      """;

  /** KEYS: profiles, identities, owned. ARGV: id. Returns the removed JSON, or nil. */
  private static final String ERASE = """
      local id = ARGV[1]
      local owned = redis.call('HGET', KEYS[3], id)
      if owned then
        for key in string.gmatch(owned, '[^\\n]+') do
          if redis.call('HGET', KEYS[2], key) == id then redis.call('HDEL', KEYS[2], key) end
        end
      end
      local json = redis.call('HGET', KEYS[1], id)
      redis.call('HDEL', KEYS[1], id)
      redis.call('HDEL', KEYS[3], id)
      return json
      """;

  private final RedisClusterAsyncCommands<String, String> redis;
  private final RedisCalls calls;
  private final String profilesKey;
  private final String identitiesKey;
  private final String ownedKey;
  private final String erasures;
  private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();
  private final StatefulRedisPubSubConnection<String, String> subscription;

  private RedisCustomerStore(RedisConnection connection, String namespace) {
    this.redis = connection.commands();
    this.calls = new RedisCalls(redis);
    String prefix = "{" + namespace + ":customers}:";
    this.profilesKey = prefix + "profiles";
    this.identitiesKey = prefix + "identities";
    this.ownedKey = prefix + "owned";
    this.erasures = namespace + ":customers:erased";
    this.subscription = connection.openPubSub();
    subscription.addListener(new RedisPubSubAdapter<>() {
      @Override
      public void message(String channel, String customerId) {
        listeners.forEach(listener -> listener.accept(customerId));
      }
    });
    try {
      subscription.async().subscribe(erasures).get(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      subscription.close();
      throw new IllegalStateException("cannot subscribe to " + erasures + ": " + e.getMessage(), e);
    }
  }

  /**
   * A store whose keys are in {@code namespace} ({@link RedisConnection#DEFAULT_NAMESPACE} for the
   * engine) on {@code connection}, which it does not close.
   */
  public static RedisCustomerStore open(RedisConnection connection, String namespace) {
    return new RedisCustomerStore(connection, namespace);
  }

  @Override
  public Future<Saved> put(CustomerProfile profile) {
    List<String> args = new ArrayList<>();
    args.add(profile.id());
    args.add(CustomerProfiles.write(profile).toString());
    profile.identities().forEach(identity -> args.add(identity.key()));
    return RedisCalls.future(calls.<List<Object>>script(PUT, ScriptOutputType.MULTI,
        new String[] {profilesKey, identitiesKey, ownedKey}, args.toArray(String[]::new)))
        .compose(result -> (Long) result.get(0) == 1L
            ? Future.succeededFuture(new Saved(profile, (Long) result.get(1) == 1L))
            : Future.failedFuture(new IdentityConflictException(
                Identity.ofKey((String) result.get(1)), (String) result.get(2))));
  }

  @Override
  public Future<Optional<CustomerProfile>> get(String id) {
    return RedisCalls.future(redis.hget(profilesKey, id))
        .map(json -> json == null ? Optional.empty() : Optional.of(decode(id, json)));
  }

  @Override
  public Future<Optional<CustomerProfile>> findByIdentity(Identity identity) {
    return identify(null, List.of(identity));
  }

  /** One round trip: a read-only script looks the id up, then each identity in turn. */
  @Override
  public Future<Optional<CustomerProfile>> identify(String id, List<Identity> identities) {
    String[] args = new String[identities.size() + 1];
    args[0] = id == null ? "" : id;
    for (int i = 0; i < identities.size(); i++) {
      args[i + 1] = identities.get(i).key();
    }
    return RedisCalls.future(calls.<List<Object>>script(LOOKUP, ScriptOutputType.MULTI,
        new String[] {profilesKey, identitiesKey}, args))
        .map(found -> found.isEmpty()
            ? Optional.empty()
            : Optional.of(decode((String) found.get(0), (String) found.get(1))));
  }

  @Override
  public Future<Optional<CustomerProfile>> erase(String id) {
    return RedisCalls.future(calls.<String>script(ERASE, ScriptOutputType.VALUE,
        new String[] {profilesKey, identitiesKey, ownedKey}, id)
        .thenCompose(json -> json == null
            ? CompletableFuture.completedFuture(null)
            : redis.publish(erasures, id).thenApply(receivers -> json)))
        .map(json -> json == null ? Optional.empty() : Optional.of(decode(id, json)));
  }

  /** Every node's store hears of every erasure on the channel {@code NS:customers:erased}. */
  @Override
  public void onErasure(Consumer<String> listener) {
    listeners.add(listener);
  }

  @Override
  public Future<Long> count() {
    return RedisCalls.future(redis.hlen(profilesKey));
  }

  /** Closes the erasure subscription; the connection belongs to the queue store. */
  @Override
  public void close() {
    subscription.close();
  }

  private static CustomerProfile decode(String id, String json) {
    try {
      return CustomerProfiles.read(id, JSON.readTree(json));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the stored profile of customer " + id + " is not JSON", e);
    }
  }
}
