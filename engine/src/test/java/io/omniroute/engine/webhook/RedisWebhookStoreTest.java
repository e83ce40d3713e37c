package io.omniroute.engine.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.omniroute.engine.redis.RedisConnection;
import io.omniroute.engine.support.RedisForTests;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The Redis store passes the webhook store contract against a real Redis, each test in its own
 * namespace; its keys share one hash tag, pending deliveries outlive the store and its connection,
 * and two nodes claiming at once never get the same delivery.
 */
class RedisWebhookStoreTest extends WebhookStoreContract {
  private String namespace;
  private RedisConnection connection;

  @Override
  protected WebhookStore newStore() {
    namespace = "test-" + UUID.randomUUID();
    connection = RedisConnection.open(RedisForTests.url(), Duration.ofSeconds(2));
    return RedisWebhookStore.open(connection, namespace);
  }

  @Override
  protected void afterClose() {
    connection.close();
  }

  @Test
  void keepsItsKeysUnderOneHashTag() throws Exception {
    await(store.put(webhook("crm")));
    Delivery delivery = delivery("crm", "e-1");
    await(store.enqueue(List.of(delivery, delivery("crm", "e-2")), NOW));
    await(store.claim(NOW, NOW.plus(LEASE), 1, "node-a"));
    await(store.deadLetter(delivery.dead(NOW), "node-a"));

    List<String> keys = connection.commands().keys("*" + namespace + "*").get(5, TimeUnit.SECONDS);

    String tag = "{" + namespace + ":webhooks}:";
    assertThat(keys).containsExactlyInAnyOrder(tag + "hooks", tag + "due", tag + "deliveries", tag + "dead:crm");
  }

  @Test
  void pendingDeliveriesOutliveTheStoreAndItsConnection() {
    await(store.put(webhook("crm")));
    await(store.enqueue(List.of(delivery("crm", "e-1")), NOW));
    store.close();
    connection.close();

    connection = RedisConnection.open(RedisForTests.url(), Duration.ofSeconds(2));
    store = RedisWebhookStore.open(connection, namespace);

    assertThat(await(store.claim(NOW, NOW.plus(LEASE), 10, "node-a")).claimed())
        .extracting(claim -> claim.delivery().eventId()).containsExactly("e-1");
  }

  @Test
  void twoNodesClaimingAtOnceNeverGetTheSameDelivery() throws Exception {
    await(store.put(webhook("crm")));
    List<Delivery> deliveries = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      deliveries.add(delivery("crm", "e-" + i));
    }
    await(store.enqueue(deliveries, NOW));
    RedisConnection first = RedisConnection.open(RedisForTests.url(), Duration.ofSeconds(5));
    RedisConnection second = RedisConnection.open(RedisForTests.url(), Duration.ofSeconds(5));
    List<Future<WebhookStore.Claims>> claims = new ArrayList<>();
    try (RedisWebhookStore nodeA = RedisWebhookStore.open(first, namespace);
        RedisWebhookStore nodeB = RedisWebhookStore.open(second, namespace)) {
      for (int i = 0; i < 60; i++) {
        claims.add(nodeA.claim(NOW, NOW.plus(LEASE), 7, "a-" + i));
        claims.add(nodeB.claim(NOW, NOW.plus(LEASE), 7, "b-" + i));
      }
      Set<String> claimed = new HashSet<>();
      int total = 0;
      for (Future<WebhookStore.Claims> claim : claims) {
        for (WebhookStore.Claimed one : claim.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS).claimed()) {
          claimed.add(one.delivery().eventId());
          total++;
        }
      }
      assertThat(total).isEqualTo(claimed.size()).isEqualTo(500);
    } finally {
      first.close();
      second.close();
    }
  }
}
