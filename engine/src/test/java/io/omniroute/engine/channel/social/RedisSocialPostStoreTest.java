package io.omniroute.engine.channel.social;

import static org.assertj.core.api.Assertions.assertThat;

import io.omniroute.engine.redis.RedisConnection;
import io.omniroute.engine.support.RedisForTests;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The Redis store passes the social post store contract against a real Redis; a post's key expires after the retention. */
class RedisSocialPostStoreTest extends SocialPostStoreContract {
  private String namespace;
  private RedisConnection connection;

  @Override
  protected SocialPostStore newStore() {
    namespace = "test-" + UUID.randomUUID();
    connection = RedisConnection.open(RedisForTests.url(), Duration.ofSeconds(2));
    return RedisSocialPostStore.open(connection, namespace);
  }

  @Override
  protected void afterClose() {
    connection.close();
  }

  @Test
  void aPostIsForgottenAfterTheRetention() throws Exception {
    await(store.remember("mastodon", "1", new SocialPostStore.Entry("contact-1", "1")));

    Long ttl = connection.commands().ttl("{" + namespace + ":social-posts}:post:mastodon:1").get(5, TimeUnit.SECONDS);

    assertThat(ttl).isBetween(SocialPostStore.RETENTION.toSeconds() - 60, SocialPostStore.RETENTION.toSeconds());
  }
}
