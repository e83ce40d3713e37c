package io.omniroute.engine.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.omniroute.engine.StoreOptions;
import io.omniroute.engine.customer.RedisCustomerStore;
import io.omniroute.engine.delivery.RedisAgentStore;
import io.omniroute.engine.queue.redis.RedisQueueStore;
import io.omniroute.engine.redis.RedisConnection;
import io.omniroute.engine.rules.RedisRuleStore;
import io.omniroute.engine.support.EngineClient;
import io.omniroute.engine.support.RedisForTests;
import io.omniroute.engine.support.RunningEngine;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Webhooks on the Redis store: a pending delivery outlives the engine that enqueued it and is
 * delivered by the next engine on the same Redis, and two nodes on one Redis share the work.
 */
class RedisWebhooksIT {
  private static final Duration WAIT = Duration.ofSeconds(30);

  private String namespace;
  private WebhookReceiver receiver;

  @BeforeEach
  void start() {
    namespace = "webhooks-" + UUID.randomUUID();
    receiver = WebhookReceiver.start();
  }

  @AfterEach
  void stop() {
    receiver.close();
  }

  private RunningEngine node(WebhookOptions webhooks) {
    RedisConnection connection = RedisConnection.open(RedisForTests.url(), Duration.ofSeconds(2));
    StoreOptions.Stores stores = new StoreOptions.Stores(RedisQueueStore.open(connection, namespace, 1, Duration.ofHours(1)),
        new RedisRuleStore(connection, namespace), RedisCustomerStore.open(connection, namespace),
        RedisAgentStore.open(connection, namespace), RedisWebhookStore.open(connection, namespace));
    return RunningEngine.start(RunningEngine.testOptions().withWebhooks(webhooks)
        .withEscalationInterval(Duration.ofHours(1)), stores, Clock.systemUTC());
  }

  @Test
  void aPendingDeliveryIsDeliveredByTheNextEngineOnTheSameRedis() {
    WebhookOptions slowRetries = WebhooksIT.fastPolling()
        .withRetries(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofHours(1));
    receiver.answer(503);
    String contact;
    try (RunningEngine first = node(slowRetries)) {
      first.put("/v1/webhooks/crm", WebhooksIT.webhook(receiver.url("/crm"), "io.omniroute.contact.queued", null));
      contact = first.as("demo-telephony").createContact(WebhooksIT.MUNICH_MAIL).getString("id");
      receiver.await(all -> !all.isEmpty(), WAIT, "the first attempt");
    }
    String eventId = receiver.requests().get(0).eventId();
    receiver.answer(200);

    try (RunningEngine second = node(slowRetries)) {
      List<WebhookReceiver.Request> delivered = receiver.awaitDelivered(1, WAIT);

      assertThat(delivered.get(0).eventId()).isEqualTo(eventId);
      assertThat(delivered.get(0).subject()).isEqualTo(contact);
      assertThat(delivered.get(0).body()).isEqualTo(receiver.requests().get(0).body());
    }
  }

  @Test
  void twoNodesOnOneRedisDeliverEveryEventOfBoth() {
    WebhookOptions options = WebhooksIT.fastPolling();
    try (RunningEngine nodeA = node(options); RunningEngine nodeB = node(options)) {
      nodeA.put("/v1/webhooks/crm", WebhooksIT.webhook(receiver.url("/crm"), "io.omniroute.contact.received", null));
      awaitWebhookOn(nodeB);
      List<String> contacts = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        EngineClient intake = (i % 2 == 0 ? nodeA : nodeB).as("demo-telephony");
        contacts.add(intake.createContact(WebhooksIT.MUNICH_MAIL.replace("anna@", "anna" + i + "@")).getString("id"));
      }

      receiver.await(all -> all.stream().map(WebhookReceiver.Request::subject).filter(contacts::contains).distinct()
          .count() == contacts.size(), WAIT, "every contact of both nodes");

      Set<String> subjects = new HashSet<>();
      receiver.delivered().forEach(request -> subjects.add(request.subject()));
      assertThat(subjects).containsAll(contacts);
    }
  }

  /** Waits until {@code node} has reread the webhook: a probe contact made there reaches the receiver. */
  private void awaitWebhookOn(RunningEngine node) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (true) {
      String probe = node.as("demo-telephony").createContact(WebhooksIT.ACCIDENT).getString("id");
      long probeDeadline = System.nanoTime() + Duration.ofMillis(500).toNanos();
      while (System.nanoTime() < probeDeadline) {
        if (receiver.requests().stream().anyMatch(request -> probe.equals(request.subject()))) {
          return;
        }
        sleep();
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the second node never saw the webhook");
      }
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(20);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
