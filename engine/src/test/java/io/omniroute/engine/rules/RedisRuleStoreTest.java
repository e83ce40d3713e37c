package io.omniroute.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.omniroute.engine.redis.RedisConnection;
import io.omniroute.engine.support.RedisForTests;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The Redis rule store passes the contract on a real Redis, and tells other nodes of activations. */
class RedisRuleStoreTest extends RuleStoreContract {
  private RedisConnection connection;
  private String namespace;

  @Override
  protected RuleStore newStore() {
    connection = RedisConnection.open(RedisForTests.url(), Duration.ofSeconds(2));
    namespace = "test-" + UUID.randomUUID();
    return new RedisRuleStore(connection, namespace);
  }

  @AfterEach
  void closeConnection() {
    connection.close();
  }

  @Test
  void anotherNodeHearsOfAnActivation() throws Exception {
    try (RedisConnection other = RedisConnection.open(RedisForTests.url(), Duration.ofSeconds(2));
        RedisRuleStore otherNode = new RedisRuleStore(other, namespace)) {
      CountDownLatch heard = new CountDownLatch(1);
      otherNode.onActivation(heard::countDown);
      await(store.seedDefault("v1", Instant.now()));
      await(store.save("DE", "de1", "jonas", "", Instant.now()));

      await(store.activate("DE", 1, "jonas", "", Instant.now()));

      assertThat(heard.await(2, TimeUnit.SECONDS)).isTrue();
      assertThat(await(otherNode.active())).containsEntry("DE", 1);
      assertThat(await(otherNode.version("DE", 1)).orElseThrow().text()).isEqualTo("de1");
    }
  }
}
