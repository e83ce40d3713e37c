package io.omniroute.engine.channel.social;

import io.lettuce.core.ScriptOutputType;
import io.omniroute.engine.redis.RedisCalls;
import io.omniroute.engine.redis.RedisConnection;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Partner channels in Redis (standalone, Sentinel or Cluster), shared by every engine node and
 * kept across restarts. Both keys carry the hash tag {@code {NS:partner-channels}}, so every
 * script runs in one hash slot:
 *
 * <pre>
 * {NS:partner-channels}:channels   hash: channel id -> channel JSON ({@link PartnerChannelJson#stored})
 * {NS:partner-channels}:pages      hash: "network page" -> channel id, the index a post's look-up reads
 * </pre>
 *
 * Registering, replacing and deleting change a channel and its index entry in one script; a post's
 * look-up of all its pages is one read-only script.
 *
 * <p>Thread-safe. Futures complete on the calling Vert.x context when there is one; Redis failures
 * and timeouts arrive as {@link io.omniroute.engine.StoreUnavailableException}. Uses the queue
 * store's connection, which it does not close; {@link #close()} does nothing.
 */
public final class RedisPartnerChannelStore implements PartnerChannelStore {
  /**
   * KEYS: channels, pages. ARGV: id, JSON, page key. Returns 'taken:' and the owner's id when
   * another channel has the page, else 'created' or 'replaced'.
   */
  private static final String PUT = """
      local owner = redis.call('HGET', KEYS[2], ARGV[3])
      if owner and owner ~= ARGV[1] then return 'taken:' .. owner end
      local old = redis.call('HGET', KEYS[1], ARGV[1])
      if old then
        local previous = cjson.decode(old)
        local key = previous.network .. ' ' .. previous.page
        if key ~= ARGV[3] then redis.call('HDEL', KEYS[2], key) end
      end
      redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
      redis.call('HSET', KEYS[2], ARGV[3], ARGV[1])
      if old then return 'replaced' end
      return 'created'
      """;

  /** KEYS: channels, pages. ARGV: id. Returns 1 when there was such a channel. */
  private static final String DELETE = """
      local old = redis.call('HGET', KEYS[1], ARGV[1])
      if not old then return 0 end
      local previous = cjson.decode(old)
      redis.call('HDEL', KEYS[2], previous.network .. ' ' .. previous.page)
      redis.call('HDEL', KEYS[1], ARGV[1])
      return 1
      """;

  /** KEYS: channels, pages. ARGV: page keys. Reads only. Returns the JSON of each page's channel, in order. */
  private static final String ON_PAGES = """
      local out = {}
      for i = 1, #ARGV do
        local id = redis.call('HGET', KEYS[2], ARGV[i])
        if id then
          local json = redis.call('HGET', KEYS[1], id)
          if json then out[#out + 1] = json end
        end
      end
      return out
      """;

  private final RedisConnection connection;
  private final RedisCalls calls;
  private final String channels;
  private final String pages;

  private RedisPartnerChannelStore(RedisConnection connection, String namespace) {
    this.connection = connection;
    this.calls = new RedisCalls(connection.commands());
    String prefix = "{" + namespace + ":partner-channels}:";
    this.channels = prefix + "channels";
    this.pages = prefix + "pages";
  }

  /**
   * A store whose keys are in {@code namespace} ({@link RedisConnection#DEFAULT_NAMESPACE} for the
   * engine) on {@code connection}, which it does not close.
   */
  public static RedisPartnerChannelStore open(RedisConnection connection, String namespace) {
    return new RedisPartnerChannelStore(connection, namespace);
  }

  @Override
  public Future<Boolean> put(PartnerChannel channel) {
    return RedisCalls.future(calls.<String>script(PUT, ScriptOutputType.VALUE, new String[] {channels, pages},
        channel.id(), PartnerChannelJson.stored(channel), channel.pageKey())).compose(answer -> {
          if (answer.startsWith("taken:")) {
            return Future.failedFuture(new PartnerPageTakenException(channel.network(), channel.page(),
                answer.substring("taken:".length())));
          }
          return Future.succeededFuture(answer.equals("created"));
        });
  }

  @Override
  public Future<Optional<PartnerChannel>> get(String id) {
    return RedisCalls.future(connection.commands().hget(channels, id))
        .map(json -> Optional.ofNullable(json).map(PartnerChannelJson::fromStored));
  }

  @Override
  public Future<List<PartnerChannel>> list() {
    return RedisCalls.future(connection.commands().hvals(channels)).map(values -> {
      List<PartnerChannel> all = new ArrayList<>(values.size());
      values.forEach(json -> all.add(PartnerChannelJson.fromStored(json)));
      all.sort(Comparator.comparing(PartnerChannel::id));
      return all;
    });
  }

  @Override
  public Future<Boolean> delete(String id) {
    return RedisCalls.future(calls.<Long>script(DELETE, ScriptOutputType.INTEGER, new String[] {channels, pages}, id))
        .map(existed -> existed == 1L);
  }

  @Override
  public Future<List<PartnerChannel>> onPages(String network, List<String> wanted) {
    if (wanted.isEmpty()) {
      return Future.succeededFuture(List.of());
    }
    String[] keys = wanted.stream().map(page -> PartnerChannel.pageKey(network, page)).toArray(String[]::new);
    return RedisCalls.future(calls.<List<Object>>script(ON_PAGES, ScriptOutputType.MULTI, new String[] {channels, pages},
        keys)).map(found -> {
          List<PartnerChannel> channelsFound = new ArrayList<>(found.size());
          found.forEach(json -> channelsFound.add(PartnerChannelJson.fromStored((String) json)));
          return channelsFound;
        });
  }

  /** Nothing to release: the connection belongs to the queue store. */
  @Override
  public void close() {}
}
