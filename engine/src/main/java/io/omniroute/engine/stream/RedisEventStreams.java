package io.omniroute.engine.stream;

import io.lettuce.core.ScriptOutputType;
import io.omniroute.engine.redis.ChannelSubscription;
import io.omniroute.engine.redis.RedisCalls;
import io.omniroute.engine.redis.RedisConnection;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Event streams in Redis (standalone, Sentinel or Cluster), shared by every engine node: one Redis
 * Stream per event stream, with its own hash tag so that streams spread over a cluster's shards,
 * and one pub/sub channel through which every node hears every event:
 *
 * <pre>
 * NS:events:{agent:sepp}                  stream: field t = type, field d = data (one line of JSON)
 * NS:events:{queue:dealer:DE-MUC-001}     ...
 * NS:events                               channel: id, type, stream and data, one per line
 * </pre>
 *
 * An append is one Lua script on the stream's key: {@code XADD} with an id Redis gives
 * ({@code <milliseconds>-<sequence>}, see {@link EventId}), then, when the stream holds more
 * events than the {@link Retention} keeps, {@code XTRIM MINID ~} below the retention's age with a
 * {@code LIMIT} of the excess, so an event goes only when it is both beyond the last N and older
 * than the age (approximate trimming drops whole nodes of the stream, so a stream may keep a
 * hundred or so events more); then {@code PUBLISH} of the event with its id. Because the script
 * runs atomically, the events of one stream are published in the order of their ids.
 *
 * <p>A node hears the channel on its own pub/sub connection and hands each event to {@link
 * LiveEvents}. When that connection was lost and Lettuce has subscribed again, events published
 * meanwhile were missed: {@link LiveEvents#gap()} tells every listener to resume from its last id.
 *
 * <p>Uses its own connection (not the queue store's), so appends, sent after intake has answered,
 * never wait in front of an intake's commands; {@link #close()} closes it. Thread-safe.
 */
public final class RedisEventStreams implements EventStreams {
  private static final Logger LOG = LoggerFactory.getLogger(RedisEventStreams.class);

  /**
   * KEYS: the stream. ARGV: type, data, events kept, milliseconds kept, channel, stream name.
   * Returns the new event's id.
   */
  private static final String APPEND = """
      local id = redis.call('XADD', KEYS[1], '*', 't', ARGV[1], 'd', ARGV[2])
      local excess = redis.call('XLEN', KEYS[1]) - tonumber(ARGV[3])
      if excess > 0 then
        local now = redis.call('TIME')
        local cutoff = tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000) - tonumber(ARGV[4])
        if cutoff > 0 then
          redis.call('XTRIM', KEYS[1], 'MINID', '~', cutoff, 'LIMIT', excess)
        end
      end
      redis.call('PUBLISH', ARGV[5], id .. '\\n' .. ARGV[1] .. '\\n' .. ARGV[6] .. '\\n' .. ARGV[2])
      return id
      """;

  /**
   * KEYS: the stream. ARGV: an id, how many. Reads only. Returns {0} when the stream does not keep
   * the id, else {1, id, type, data, id, type, data, ...} of the events after it.
   */
  private static final String AFTER = """
      if #redis.call('XRANGE', KEYS[1], ARGV[1], ARGV[1]) == 0 then return {0} end
      local out = {1}
      local rest = redis.call('XRANGE', KEYS[1], '(' .. ARGV[1], '+', 'COUNT', tonumber(ARGV[2]))
      for i = 1, #rest do
        local fields = rest[i][2]
        out[#out + 1] = rest[i][1]
        out[#out + 1] = fields[2]
        out[#out + 1] = fields[4]
      end
      return out
      """;

  /** KEYS: the stream. Reads only. Returns {} when the stream is empty, else {id} of its latest event. */
  private static final String LAST = """
      local last = redis.call('XREVRANGE', KEYS[1], '+', '-', 'COUNT', 1)
      if #last == 0 then return {} end
      return {last[1][1]}
      """;

  private final RedisConnection connection;
  private final RedisCalls calls;
  private final String prefix;
  private final String channel;
  private final ChannelSubscription subscription;
  private volatile LiveEvents live = LiveEvents.NONE;

  private RedisEventStreams(RedisConnection connection, String namespace) {
    this.connection = connection;
    this.calls = new RedisCalls(connection.commands());
    this.prefix = namespace + ":events:";
    this.channel = namespace + ":events";
    this.subscription = ChannelSubscription.open(connection, channel, this::received, () -> {
      LOG.warn("the event channel {} was subscribed again after its connection was lost:"
          + " every event stream connection of this node resumes from its last event", channel);
      live.gap();
    });
  }

  /**
   * Connects to {@code url} (a connection of its own, closed by {@link #close()}) and subscribes
   * to the events of {@code namespace} ({@link RedisConnection#DEFAULT_NAMESPACE} for the engine).
   *
   * @throws io.lettuce.core.RedisException when Redis cannot be reached
   */
  public static RedisEventStreams open(String url, Duration timeout, String namespace) {
    RedisConnection connection = RedisConnection.open(url, timeout);
    try {
      return new RedisEventStreams(connection, namespace);
    } catch (RuntimeException e) {
      connection.close();
      throw e;
    }
  }

  /** The key of {@code stream}: hash-tagged by the stream's name, so each stream has its own slot. */
  String key(String stream) {
    return prefix + "{" + stream + "}";
  }

  @Override
  public Future<StreamEvent> append(String stream, String type, String data, Retention retention) {
    if (stream.indexOf('\n') >= 0 || type.indexOf('\n') >= 0) {
      return Future.failedFuture(new IllegalArgumentException("stream names and types are one line: " + stream));
    }
    return RedisCalls.future(calls.<String>script(APPEND, ScriptOutputType.VALUE, new String[] {key(stream)},
            type, data, Integer.toString(retention.events()), Long.toString(retention.age().toMillis()), channel, stream))
        .map(id -> new StreamEvent(id, type, data));
  }

  @Override
  public Future<Replay> after(String stream, String afterId, int limit) {
    Optional<EventId> from = EventId.parse(afterId);
    if (from.isEmpty()) {
      return Future.succeededFuture(new Replay.NotKept());
    }
    return RedisCalls.future(calls.<List<Object>>script(AFTER, ScriptOutputType.MULTI, new String[] {key(stream)},
            from.get().toString(), Integer.toString(limit)))
        .map(found -> {
          if (((Long) found.get(0)) == 0L) {
            return new Replay.NotKept();
          }
          List<StreamEvent> events = new ArrayList<>((found.size() - 1) / 3);
          for (int i = 1; i + 2 < found.size(); i += 3) {
            events.add(new StreamEvent((String) found.get(i), (String) found.get(i + 1), (String) found.get(i + 2)));
          }
          return new Replay.Events(events);
        });
  }

  @Override
  public Future<Optional<String>> lastId(String stream) {
    return RedisCalls.future(calls.<List<Object>>script(LAST, ScriptOutputType.MULTI, new String[] {key(stream)}))
        .map(found -> found.isEmpty() ? Optional.empty() : Optional.of((String) found.get(0)));
  }

  @Override
  public void deliverTo(LiveEvents live) {
    this.live = live;
  }

  /** Closes the subscription, then the connection. */
  @Override
  public void close() {
    live = LiveEvents.NONE;
    try {
      subscription.close();
    } finally {
      connection.close();
    }
  }

  private void received(String message) {
    int first = message.indexOf('\n');
    int second = first < 0 ? -1 : message.indexOf('\n', first + 1);
    int third = second < 0 ? -1 : message.indexOf('\n', second + 1);
    if (third < 0) {
      LOG.warn("ignored a malformed message on {}: {}", channel, message.length() > 200 ? message.substring(0, 200) : message);
      return;
    }
    live.event(message.substring(second + 1, third),
        new StreamEvent(message.substring(0, first), message.substring(first + 1, second), message.substring(third + 1)));
  }
}
