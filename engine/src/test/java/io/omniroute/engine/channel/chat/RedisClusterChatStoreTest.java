package io.omniroute.engine.channel.chat;

import io.omniroute.engine.redis.RedisConnection;
import io.omniroute.engine.support.RedisForTests;
import java.time.Duration;
import java.util.UUID;

/**
 * The Redis store passes the chat store contract on a real Redis Cluster of three masters: each
 * session is one key, and announcements reach every node through the cluster's pub/sub.
 */
class RedisClusterChatStoreTest extends ChatStoreContract {
  private RedisConnection connection;

  @Override
  protected ChatStore newStore() {
    connection = RedisConnection.open(RedisForTests.clusterUrl(), Duration.ofSeconds(2));
    return RedisChatStore.open(connection, "cluster-" + UUID.randomUUID());
  }

  @Override
  protected void afterClose() {
    connection.close();
  }
}
