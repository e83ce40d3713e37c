package io.omniroute.engine.channel.social;

import io.omniroute.engine.redis.RedisConnection;
import java.util.Objects;

/**
 * The stores of the social media channel: the partner channels and the posts received. Immutable;
 * {@link #close()} closes both.
 */
public record SocialStores(PartnerChannelStore partnerChannels, SocialPostStore posts) implements AutoCloseable {
  public SocialStores {
    Objects.requireNonNull(partnerChannels, "partnerChannels");
    Objects.requireNonNull(posts, "posts");
  }

  /** Both in this process's memory. */
  public static SocialStores inMemory() {
    return new SocialStores(new MemoryPartnerChannelStore(), new MemorySocialPostStore());
  }

  /** Both in Redis under {@code namespace}, on {@code connection}, which they do not close. */
  public static SocialStores redis(RedisConnection connection, String namespace) {
    return new SocialStores(RedisPartnerChannelStore.open(connection, namespace),
        RedisSocialPostStore.open(connection, namespace));
  }

  @Override
  public void close() {
    partnerChannels.close();
    posts.close();
  }
}
