package io.omniroute.engine.redis;

import static io.omniroute.engine.support.StreamFixtures.MUNICH_MAIL;
import static io.omniroute.engine.support.StreamFixtures.SEPP;
import static io.omniroute.engine.support.StreamFixtures.contact;
import static io.omniroute.engine.support.StreamFixtures.offer;
import static org.assertj.core.api.Assertions.assertThat;

import io.omniroute.engine.StoreOptions;
import io.omniroute.engine.customer.RedisCustomerStore;
import io.omniroute.engine.delivery.RedisAgentStore;
import io.omniroute.engine.queue.ContactRecord;
import io.omniroute.engine.queue.redis.RedisQueueStore;
import io.omniroute.engine.rules.RedisRuleStore;
import io.omniroute.engine.stream.RedisEventStreams;
import io.omniroute.engine.support.RedisForTests;
import io.omniroute.engine.support.RunningEngine;
import io.omniroute.engine.support.SseStream;
import io.omniroute.engine.support.StreamFixtures;
import io.omniroute.engine.support.SseStream.Event;
import io.omniroute.engine.support.WebSocketStream;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two engine nodes on one Redis: an event that happens on one node reaches a client connected to
 * the other, and a client that reconnects to the other node resumes after its last event id with
 * nothing lost and nothing twice, also while events keep happening on both nodes. Each node appends
 * the events that happen on it, so events of two nodes are ordered as Redis received them: by id.
 */
class EventStreamsAcrossNodesIT {
  private RunningEngine nodeA;
  private RunningEngine nodeB;

  @BeforeEach
  void start() {
    String namespace = "streams-" + UUID.randomUUID();
    nodeA = node(namespace);
    nodeB = node(namespace);
    assertThat(nodeA.as("demo-dealer-de-muc-001").put("/v1/agents/sepp", SEPP).statusCode()).isEqualTo(201);
  }

  @AfterEach
  void stop() {
    try {
      nodeA.close();
    } finally {
      nodeB.close();
    }
  }

  private static RunningEngine node(String namespace) {
    RedisConnection connection = RedisConnection.open(RedisForTests.url(), Duration.ofSeconds(5));
    StoreOptions.Stores stores = new StoreOptions.Stores(RedisQueueStore.open(connection, namespace, 1, Duration.ofHours(1)),
        new RedisRuleStore(connection, namespace), RedisCustomerStore.open(connection, namespace),
        RedisAgentStore.open(connection, namespace),
        RedisEventStreams.open(RedisForTests.url(), Duration.ofSeconds(5), namespace));
    return RunningEngine.start(RunningEngine.testOptions().withEscalationInterval(Duration.ofHours(1)), stores,
        Clock.systemUTC());
  }

  @Test
  void anOfferMadeOnOneNodeReachesTheAgentConnectedToTheOther() {
    ContactRecord contact = contact(nodeA, nodeA.as("demo-telephony").createContact(MUNICH_MAIL).getString("id"));
    try (SseStream agentOnB = nodeB.as("demo-agent-sepp").events("/v1/agents/sepp/events");
        WebSocketStream agentOnBySocket = WebSocketStream.open(nodeB.port(), "/v1/agents/sepp/events", null,
            "omniroute.events", "bearer.demo-agent-sepp")) {
      String offerId = offer(nodeA.engine(), contact, "sepp").id();

      Event offered = agentOnB.next();
      JsonObject message = agentOnBySocket.next();

      assertThat(offered.type()).isEqualTo("offer.offered");
      assertThat(offered.json().getString("offerId")).isEqualTo(offerId);
      assertThat(message.getString("id")).isEqualTo(offered.id());
      assertThat(agentOnB.drain(Duration.ofMillis(300))).as("once per connection").isEmpty();
    }
  }

  @Test
  void aContactQueuedOnOneNodeAndClaimedOnTheOtherShowsInTheQueueStreamOfBoth() {
    try (SseStream queueOnA = nodeA.as("demo-dealer-de-muc-001").events("/v1/queues/dealer:DE-MUC-001/events");
        SseStream queueOnB = nodeB.as("demo-dealer-de-muc-001").events("/v1/queues/dealer:DE-MUC-001/events")) {
      String id = nodeA.as("demo-telephony").createContact(MUNICH_MAIL).getString("id");
      nodeB.as("demo-dealer-de-muc-001").post("/v1/queues/dealer:DE-MUC-001/claim", "{\"agent\":\"sepp\"}");
      nodeA.as("demo-dealer-de-muc-001").post("/v1/contacts/" + id + "/complete", "{}");

      for (SseStream stream : List.of(queueOnA, queueOnB)) {
        List<Event> kept = new ArrayList<>();
        while (kept.size() < 3) {
          Event event = stream.next();
          if (event.id() != null) {
            kept.add(event);
          }
        }
        assertThat(kept).extracting(Event::type).containsExactly("contact.queued", "contact.assigned", "contact.completed");
        assertThat(kept).extracting(event -> event.json().getString("contactId")).containsOnly(id);
      }
    }
  }

  @Test
  void aClientThatReconnectsToTheOtherNodeResumesWithNothingLostAndNothingTwice() {
    ContactRecord contact = contact(nodeA, nodeA.as("demo-telephony").createContact(MUNICH_MAIL).getString("id"));
    String lastSeen;
    try (SseStream onB = nodeB.as("demo-agent-sepp").events("/v1/agents/sepp/events")) {
      offer(nodeA.engine(), contact, "sepp");
      offer(nodeB.engine(), contact, "sepp");
      lastSeen = onB.next(2).get(1).id();
    }
    List<String> missed = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      missed.add(offer((i % 2 == 0 ? nodeA : nodeB).engine(), contact, "sepp").id());
    }

    try (SseStream onA = nodeA.as("demo-agent-sepp").events("/v1/agents/sepp/events", lastSeen)) {
      List<Event> replayed = onA.next(6);
      String live = offer(nodeB.engine(), contact, "sepp").id();

      assertThat(replayed).extracting(event -> event.json().getString("offerId")).containsExactlyInAnyOrderElementsOf(missed);
      assertThat(replayed).extracting(Event::id).isSortedAccordingTo(StreamFixtures::byId);
      assertThat(onA.next().json().getString("offerId")).isEqualTo(live);
      assertThat(onA.drain(Duration.ofMillis(300))).as("nothing twice").isEmpty();
    }
  }

  @Test
  void aClientHoppingBetweenNodesWhileBothMakeOffersGetsEveryOfferOnceAndInOrder() throws InterruptedException {
    ContactRecord contact = contact(nodeA, nodeA.as("demo-telephony").createContact(MUNICH_MAIL).getString("id"));
    int total = 300;
    List<String> published = new CopyOnWriteArrayList<>();
    Thread offers = new Thread(() -> {
      for (int i = 0; i < total; i++) {
        published.add(offer((i % 2 == 0 ? nodeA : nodeB).engine(), contact, "sepp").id());
        try {
          Thread.sleep(2);
        } catch (InterruptedException e) {
          return;
        }
      }
    });
    List<Event> received = new ArrayList<>();
    String lastSeen = null;
    try (SseStream first = nodeA.as("demo-agent-sepp").events("/v1/agents/sepp/events")) {
      offers.start();
      Event event = first.next();
      received.add(event);
      lastSeen = event.id();
    }
    for (int hop = 1; received.size() < total; hop++) {
      RunningEngine node = hop % 2 == 0 ? nodeA : nodeB;
      try (SseStream stream = node.as("demo-agent-sepp").events("/v1/agents/sepp/events", lastSeen)) {
        int take = Math.min(23, total - received.size());
        for (Event event : stream.next(take)) {
          received.add(event);
          lastSeen = event.id();
        }
      }
    }
    offers.join();

    assertThat(received).extracting(Event::type).containsOnly("offer.offered");
    assertThat(received).extracting(Event::id).doesNotHaveDuplicates().isSortedAccordingTo(StreamFixtures::byId);
    assertThat(received).extracting(event -> event.json().getString("offerId"))
        .doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(published);
  }
}
