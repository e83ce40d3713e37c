package io.omniroute.engine.channel.social;

import io.omniroute.engine.redis.RedisConnection;
import io.omniroute.engine.support.RedisForTests;
import java.time.Duration;
import java.util.UUID;

/**
 * The Redis store passes the partner channel store contract on a real Redis Cluster of three
 * masters: every script stays in the one hash slot of its namespace's partner channels.
 */
class RedisClusterPartnerChannelStoreTest extends PartnerChannelStoreContract {
  private RedisConnection connection;

  @Override
  protected PartnerChannelStore newStore() {
    connection = RedisConnection.open(RedisForTests.clusterUrl(), Duration.ofSeconds(2));
    return RedisPartnerChannelStore.open(connection, "cluster-" + UUID.randomUUID());
  }

  @Override
  protected void afterClose() {
    connection.close();
  }
}
