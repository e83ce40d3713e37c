package io.omniroute.engine.channel.social;

import static org.assertj.core.api.Assertions.assertThat;

import io.omniroute.engine.redis.RedisConnection;
import io.omniroute.engine.support.RedisForTests;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The Redis store passes the partner channel store contract against a real Redis, each test in
 * its own namespace; channels outlive the store and its connection, under one hash tag.
 */
class RedisPartnerChannelStoreTest extends PartnerChannelStoreContract {
  private String namespace;
  private RedisConnection connection;

  @Override
  protected PartnerChannelStore newStore() {
    namespace = "test-" + UUID.randomUUID();
    connection = RedisConnection.open(RedisForTests.url(), Duration.ofSeconds(2));
    return RedisPartnerChannelStore.open(connection, namespace);
  }

  @Override
  protected void afterClose() {
    connection.close();
  }

  @Test
  void channelsOutliveTheStoreAndItsConnectionUnderOneHashTag() throws Exception {
    PartnerChannel muc = channel("muc", "mastodon", "autohaus_muenchen@social.example", "DE-MUC-001");
    await(store.put(muc));
    store.close();
    connection.close();

    connection = RedisConnection.open(RedisForTests.url(), Duration.ofSeconds(2));
    store = RedisPartnerChannelStore.open(connection, namespace);

    assertThat(await(store.onPages("mastodon", List.of("autohaus_muenchen@social.example")))).containsExactly(muc);
    assertThat(connection.commands().keys("*" + namespace + "*").get(5, TimeUnit.SECONDS)).containsExactlyInAnyOrder(
        "{" + namespace + ":partner-channels}:channels", "{" + namespace + ":partner-channels}:pages");
  }
}
