package io.omniroute.engine.customer;

import io.omniroute.engine.redis.RedisConnection;
import io.omniroute.engine.support.RedisForTests;
import java.time.Duration;
import java.util.UUID;

/**
 * The Redis store passes the customer store contract on a real Redis Cluster of three masters:
 * every script stays in the one hash slot of its namespace's customers.
 */
class RedisClusterCustomerStoreTest extends CustomerStoreContract {
  private RedisConnection connection;

  @Override
  protected CustomerStore newStore() {
    connection = RedisConnection.open(RedisForTests.clusterUrl(), Duration.ofSeconds(2));
    return RedisCustomerStore.open(connection, "cluster-" + UUID.randomUUID());
  }

  @Override
  protected void afterClose() {
    connection.close();
  }
}
