package io.omniroute.engine.webhook;

import io.omniroute.engine.redis.RedisConnection;
import io.omniroute.engine.support.RedisForTests;
import java.time.Duration;
import java.util.UUID;

/**
 * The Redis store passes the webhook store contract on a real Redis Cluster of three masters: every
 * script stays in the one hash slot of its namespace's webhooks.
 */
class RedisClusterWebhookStoreTest extends WebhookStoreContract {
  private RedisConnection connection;

  @Override
  protected WebhookStore newStore() {
    connection = RedisConnection.open(RedisForTests.clusterUrl(), Duration.ofSeconds(2));
    return RedisWebhookStore.open(connection, "cluster-" + UUID.randomUUID());
  }

  @Override
  protected void afterClose() {
    connection.close();
  }
}
