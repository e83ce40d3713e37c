package io.omniroute.engine.channel.chat;

import io.lettuce.core.SetArgs;
import io.omniroute.engine.redis.ChannelSubscription;
import io.omniroute.engine.redis.RedisCalls;
import io.omniroute.engine.redis.RedisConnection;
import io.omniroute.engine.stream.LiveEvents;
import io.omniroute.engine.stream.StreamEvent;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chat sessions in Redis (standalone, Sentinel or Cluster), shared by every engine node and kept
 * across restarts, and announcements over one pub/sub channel:
 *
 * <pre>
 * NS:chat:session:{&lt;sha-256 of the token&gt;}   string: the session as JSON, expiring after {@link ChatStore#SESSION_TTL}
 * NS:chat                                     channel: the conversation id of each announcement
 * </pre>
 *
 * Each session key is hash-tagged by its own token hash: sessions spread over a cluster's shards,
 * and every command touches one key. A node hears the channel on its own pub/sub connection; when
 * Lettuce subscribed again after that connection was lost, announcements may have been missed, so
 * {@link LiveEvents#gap()} makes every chat socket of the node read its conversation again.
 *
 * <p>Uses the given connection for the sessions and a pub/sub connection of its own, which {@link
 * #close()} closes (the given connection is the caller's). Thread-safe.
 */
public final class RedisChatStore implements ChatStore {
  private static final Logger LOG = LoggerFactory.getLogger(RedisChatStore.class);

  private final RedisConnection connection;
  private final String sessionPrefix;
  private final String channel;
  private final ChannelSubscription subscription;
  private volatile LiveEvents live = LiveEvents.NONE;

  private RedisChatStore(RedisConnection connection, String namespace) {
    this.connection = connection;
    this.sessionPrefix = namespace + ":chat:session:";
    this.channel = namespace + ":chat";
    this.subscription = ChannelSubscription.open(connection, channel,
        conversationId -> live.event(ChatStore.stream(conversationId), new StreamEvent(null, ANSWERED, "{}")),
        () -> {
          LOG.warn("the chat channel {} was subscribed again after its connection was lost:"
              + " every chat socket of this node reads its conversation again", channel);
          live.gap();
        });
  }

  /**
   * A store on {@code connection} in {@code namespace} ({@link RedisConnection#DEFAULT_NAMESPACE}
   * for the engine), subscribed to its channel.
   *
   * @throws IllegalStateException when the channel cannot be subscribed
   */
  public static RedisChatStore open(RedisConnection connection, String namespace) {
    return new RedisChatStore(connection, namespace);
  }

  /** The key of the session under {@code tokenHash}. */
  String key(String tokenHash) {
    return sessionPrefix + "{" + tokenHash + "}";
  }

  @Override
  public Future<Void> save(String tokenHash, ChatSession session) {
    String value = new JsonObject()
        .put("conversationId", session.conversationId())
        .put("dealerId", session.dealerId())
        .put("threadKey", session.threadKey())
        .put("openedAt", session.openedAt().toString())
        .encode();
    return RedisCalls.future(connection.commands().set(key(tokenHash), value,
            SetArgs.Builder.ex(SESSION_TTL.toSeconds())))
        .mapEmpty();
  }

  @Override
  public Future<Optional<ChatSession>> find(String tokenHash) {
    return RedisCalls.future(connection.commands().get(key(tokenHash))).map(value -> {
      if (value == null) {
        return Optional.empty();
      }
      JsonObject json = new JsonObject(value);
      return Optional.of(new ChatSession(json.getString("conversationId"), json.getString("dealerId"),
          json.getString("threadKey"), Instant.parse(json.getString("openedAt"))));
    });
  }

  @Override
  public Future<Void> announce(String conversationId) {
    return RedisCalls.future(connection.commands().publish(channel, conversationId)).mapEmpty();
  }

  @Override
  public void deliverTo(LiveEvents live) {
    this.live = live;
  }

  /** Closes the subscription; the session connection stays the caller's. */
  @Override
  public void close() {
    live = LiveEvents.NONE;
    subscription.close();
  }
}
