package io.omniroute.engine.channel.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.omniroute.engine.StoreOptions;
import io.omniroute.engine.customer.RedisCustomerStore;
import io.omniroute.engine.delivery.RedisAgentStore;
import io.omniroute.engine.queue.redis.RedisQueueStore;
import io.omniroute.engine.redis.RedisConnection;
import io.omniroute.engine.rules.RedisRuleStore;
import io.omniroute.engine.stream.RedisEventStreams;
import io.omniroute.engine.support.ChatClient;
import io.omniroute.engine.support.RedisForTests;
import io.omniroute.engine.support.RunningEngine;
import io.omniroute.engine.webhook.RedisWebhookStore;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two engine nodes on one Redis: an agent's answer made on one node reaches the customer's socket
 * held by the other, and a chat opened on a node that stops is resumed on the other with its token,
 * missing nothing.
 */
class RedisChatAcrossNodesIT {
  private static final String DEALER = "DE-MUC-001";
  private String namespace;
  private RunningEngine nodeA;
  private RunningEngine nodeB;

  @BeforeEach
  void start() {
    namespace = "chat-" + UUID.randomUUID();
    nodeA = node(namespace);
    nodeB = node(namespace);
  }

  @AfterEach
  void stop() {
    try {
      if (nodeA != null) {
        nodeA.close();
      }
    } finally {
      nodeB.close();
    }
  }

  private static RunningEngine node(String namespace) {
    RedisConnection connection = RedisConnection.open(RedisForTests.url(), Duration.ofSeconds(5));
    StoreOptions.Stores stores = new StoreOptions.Stores(RedisQueueStore.open(connection, namespace, 1, Duration.ofHours(1)),
        new RedisRuleStore(connection, namespace), RedisCustomerStore.open(connection, namespace),
        RedisAgentStore.open(connection, namespace), RedisWebhookStore.open(connection, namespace),
        RedisEventStreams.open(RedisForTests.url(), Duration.ofSeconds(5), namespace))
        .withChats(RedisChatStore.open(connection, namespace));
    return RunningEngine.start(RunningEngine.testOptions().withEscalationInterval(Duration.ofHours(1)), stores,
        Clock.systemUTC());
  }

  @Test
  void anAnswerMadeOnNodeBReachesTheSocketOnNodeA() {
    try (ChatClient widget = ChatClient.open(nodeA.port(), DEALER)) {
      widget.send(UUID.randomUUID().toString(), "Is my car ready?");
      String conversationId = widget.next("opened").getString("conversationId");
      widget.next("ack");

      answer(nodeB, conversationId, "Ready at 4 pm.");

      JsonObject message = widget.next("message");
      assertThat(message.getString("text")).isEqualTo("Ready at 4 pm.");
      assertThat(message.getLong("seq")).isEqualTo(2);
    }
  }

  @Test
  void aChatOpenedOnANodeThatStopsIsResumedOnTheOtherWithNothingMissed() {
    String clientId = UUID.randomUUID().toString();
    JsonObject opened;
    try (ChatClient widget = ChatClient.open(nodeA.port(), DEALER)) {
      widget.send(clientId, "Can I bring my car in on Monday?");
      opened = widget.next("opened");
      widget.next("ack");
    }
    nodeA.close();
    nodeA = null;

    answer(nodeB, opened.getString("conversationId"), "Monday at 8 works.");

    try (ChatClient widget = ChatClient.open(nodeB.port(), DEALER)) {
      widget.resume(opened.getString("token"), 0);
      widget.send(clientId, "Can I bring my car in on Monday?");

      assertThat(widget.next("resumed").getString("conversationId")).isEqualTo(opened.getString("conversationId"));
      assertThat(widget.next("message").getString("text")).isEqualTo("Monday at 8 works.");
      assertThat(widget.next("ack").getLong("seq")).isEqualTo(1);
      assertThat(widget.drain(300)).noneMatch(frame -> frame.getString("type").equals("message"));
    }
  }

  private static void answer(RunningEngine node, String conversationId, String text) {
    assertThat(node.as("demo-dealer-de-muc-001").post("/v1/conversations/" + conversationId + "/messages",
        new JsonObject().put("agent", "sepp").put("text", text).encode()).statusCode()).isEqualTo(201);
  }
}
