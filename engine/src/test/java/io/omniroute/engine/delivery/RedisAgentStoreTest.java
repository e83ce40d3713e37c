package io.omniroute.engine.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.omniroute.engine.redis.RedisConnection;
import io.omniroute.engine.support.RedisForTests;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The Redis store passes the agent store contract against a real Redis, each test in its own
 * namespace; agents outlive the store and its connection, and two nodes writing the same agent at
 * once never lose its presence.
 */
class RedisAgentStoreTest extends AgentStoreContract {
  private String namespace;
  private RedisConnection connection;

  @Override
  protected AgentStore newStore() {
    namespace = "test-" + UUID.randomUUID();
    connection = RedisConnection.open(RedisForTests.url(), Duration.ofSeconds(2));
    return RedisAgentStore.open(connection, namespace);
  }

  @Override
  protected void afterClose() {
    connection.close();
  }

  @Test
  void agentsOutliveTheStoreAndItsConnection() {
    await(store.put(sepp(), MONDAY));
    await(store.setPresence("sepp", Presence.AVAILABLE, LATER));
    store.close();
    connection.close();

    connection = RedisConnection.open(RedisForTests.url(), Duration.ofSeconds(2));
    store = RedisAgentStore.open(connection, namespace);

    assertThat(await(store.get("sepp"))).contains(new AgentState(sepp(), Presence.AVAILABLE, LATER));
  }

  @Test
  void keepsItsKeysUnderOneHashTag() throws Exception {
    await(store.put(sepp(), MONDAY));

    List<String> keys = connection.commands().keys("*" + namespace + "*").get(5, TimeUnit.SECONDS);

    assertThat(keys).containsExactlyInAnyOrder("{" + namespace + ":agents}:profiles", "{" + namespace + ":agents}:presence");
  }

  @Test
  void twoNodesWritingTheSameAgentsAtOnceLeaveEveryAgentWithOnePresence() throws Exception {
    RedisConnection first = RedisConnection.open(RedisForTests.url(), Duration.ofSeconds(5));
    RedisConnection second = RedisConnection.open(RedisForTests.url(), Duration.ofSeconds(5));
    try (RedisAgentStore nodeA = RedisAgentStore.open(first, namespace);
        RedisAgentStore nodeB = RedisAgentStore.open(second, namespace)) {
      List<Future<?>> writes = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        writes.add(nodeA.put(agent("agent-" + i % 10, "central"), MONDAY.plusSeconds(i)));
        writes.add(nodeB.setPresence("agent-" + i % 10, Presence.values()[i % 4], LATER.plusSeconds(i)));
      }
      for (Future<?> write : writes) {
        write.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      }
    } finally {
      first.close();
      second.close();
    }

    List<AgentState> agents = await(store.list());
    assertThat(agents).hasSize(10);
    Map<String, String> presence = connection.commands().hgetall("{" + namespace + ":agents}:presence").get(5, TimeUnit.SECONDS);
    assertThat(presence).hasSize(10);
  }
}
