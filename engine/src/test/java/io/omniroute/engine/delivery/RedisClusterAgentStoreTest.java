package io.omniroute.engine.delivery;

import io.omniroute.engine.redis.RedisConnection;
import io.omniroute.engine.support.RedisForTests;
import java.time.Duration;
import java.util.UUID;

/**
 * The Redis store passes the agent store contract on a real Redis Cluster of three masters: every
 * script stays in the one hash slot of its namespace's agents.
 */
class RedisClusterAgentStoreTest extends AgentStoreContract {
  private RedisConnection connection;

  @Override
  protected AgentStore newStore() {
    connection = RedisConnection.open(RedisForTests.clusterUrl(), Duration.ofSeconds(2));
    return RedisAgentStore.open(connection, "cluster-" + UUID.randomUUID());
  }

  @Override
  protected void afterClose() {
    connection.close();
  }
}
