package io.omniroute.engine.channel.social;

import io.lettuce.core.SetArgs;
import io.omniroute.engine.redis.RedisCalls;
import io.omniroute.engine.redis.RedisConnection;
import io.vertx.core.Future;
import java.util.Optional;

/**
 * The posts received, in Redis, shared by every engine node: one key per post, {@code
 * {NS:social-posts}:post:<network>:<postId>} holding {@code <contactId> <rootPostId>}, written once
 * ({@code SET NX}) and expiring after {@link SocialPostStore#RETENTION}. Thread-safe; Redis
 * failures and timeouts arrive as {@link io.omniroute.engine.StoreUnavailableException}. Uses the
 * queue store's connection, which it does not close; {@link #close()} does nothing.
 */
public final class RedisSocialPostStore implements SocialPostStore {
  private final RedisConnection connection;
  private final String prefix;

  private RedisSocialPostStore(RedisConnection connection, String namespace) {
    this.connection = connection;
    this.prefix = "{" + namespace + ":social-posts}:post:";
  }

  /** A store whose keys are in {@code namespace} on {@code connection}, which it does not close. */
  public static RedisSocialPostStore open(RedisConnection connection, String namespace) {
    return new RedisSocialPostStore(connection, namespace);
  }

  @Override
  public Future<Void> remember(String network, String postId, Entry entry) {
    return RedisCalls.future(connection.commands().set(key(network, postId),
        entry.contactId() + " " + entry.rootPostId(), SetArgs.Builder.nx().ex(RETENTION.toSeconds()))).mapEmpty();
  }

  @Override
  public Future<Optional<Entry>> find(String network, String postId) {
    return RedisCalls.future(connection.commands().get(key(network, postId))).map(value -> {
      if (value == null) {
        return Optional.empty();
      }
      int space = value.indexOf(' ');
      return Optional.of(new Entry(value.substring(0, space), value.substring(space + 1)));
    });
  }

  /** Nothing to release: the connection belongs to the queue store. */
  @Override
  public void close() {}

  private String key(String network, String postId) {
    return prefix + network + ":" + postId;
  }
}
