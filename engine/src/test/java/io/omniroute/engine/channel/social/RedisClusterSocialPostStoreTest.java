package io.omniroute.engine.channel.social;

import io.omniroute.engine.redis.RedisConnection;
import io.omniroute.engine.support.RedisForTests;
import java.time.Duration;
import java.util.UUID;

/** The Redis store passes the social post store contract on a real Redis Cluster of three masters. */
class RedisClusterSocialPostStoreTest extends SocialPostStoreContract {
  private RedisConnection connection;

  @Override
  protected SocialPostStore newStore() {
    connection = RedisConnection.open(RedisForTests.clusterUrl(), Duration.ofSeconds(2));
    return RedisSocialPostStore.open(connection, "cluster-" + UUID.randomUUID());
  }

  @Override
  protected void afterClose() {
    connection.close();
  }
}
