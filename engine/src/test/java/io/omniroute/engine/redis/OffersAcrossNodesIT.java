package io.omniroute.engine.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.omniroute.engine.support.EngineClient;
import io.omniroute.engine.support.EngineProcess;
import io.omniroute.engine.support.Eventually;
import io.omniroute.engine.support.RedisForTests;
import io.omniroute.engine.support.SseStream;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.embedded.RedisServer;

/**
 * Two engine processes on one Redis offer contacts to agents connected to either: each contact is
 * offered to one agent at a time and assigned to one agent only, whichever node the agents answer
 * (and complete) through; an agent listening on one node gets the offers the other makes; and when one node is killed with SIGKILL while its offers are open, the other ends each
 * of them at its timeout and offers the contact again within two seconds.
 */
class OffersAcrossNodesIT {
  private static final int OFFER_TIMEOUT_SECONDS = 4;
  private static final String QUEUE = "dealer:DE-MUC-001";
  private static final String CHAT = "{\"channel\":\"chat\",\"dealerId\":\"DE-MUC-001\",\"text\":\"Is my quote still valid?\"}";

  @TempDir Path logs;
  private RedisServer redis;
  private String redisUrl;
  private Path config;

  @BeforeEach
  void startRedis() throws Exception {
    int port = RedisForTests.freePort();
    redis = RedisForTests.newServer(port);
    redis.start();
    redisUrl = "redis://127.0.0.1:" + port;
    config = logs.resolve("offers.yaml");
    Files.writeString(config, "offerTimeouts: {chat: " + OFFER_TIMEOUT_SECONDS + "}\n");
  }

  @AfterEach
  void stopRedis() throws Exception {
    redis.stop();
  }

  private EngineProcess node(String name) {
    return EngineProcess.start(logs, name, "--store", "redis", "--redis-url", redisUrl, "--config", config.toString());
  }

  @Test
  void everyContactIsOfferedToOneAgentAtATimeAndAssignedOnceWhicheverNodeAnswers() throws Exception {
    try (EngineProcess a = node("a"); EngineProcess b = node("b")) {
      List<EngineClient> nodes = List.of(a, b);
      List<String> agents = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        agents.add("agent-" + i);
        register(a, "agent-" + i, 2);
      }
      Map<String, String> acceptedBy = new ConcurrentHashMap<>();
      Set<String> doubleAccepts = ConcurrentHashMap.newKeySet();
      AtomicBoolean running = new AtomicBoolean(true);
      ExecutorService answering = Executors.newFixedThreadPool(4);
      for (int t = 0; t < 4; t++) {
        int first = t;
        answering.submit(() -> {
          while (running.get()) {
            for (int i = first; i < agents.size(); i += 4) {
              answerOffers(nodes, agents.get(i), acceptedBy, doubleAccepts);
            }
          }
          return null;
        });
      }
      List<String> contacts = new ArrayList<>();
      for (int i = 0; i < 120; i++) {
        contacts.add(nodes.get(i % 2).createContact(CHAT).getString("id"));
      }
      Eventually.until(acceptedBy::size, size -> size == contacts.size(), Duration.ofSeconds(90));
      running.set(false);
      answering.shutdown();
      assertThat(answering.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

      assertThat(doubleAccepts).as("contacts accepted twice").isEmpty();
      for (String id : contacts) {
        JsonObject contact = new JsonObject(b.get("/v1/contacts/" + id).body());
        assertThat(contact.getString("status")).as(id).isEqualTo("COMPLETED");
        assertThat(contact.getString("agent")).isEqualTo(acceptedBy.get(id));
        assertOneOfferAtATime(contact);
      }
    }
  }

  @Test
  void anAgentListeningOnOneNodeGetsTheOffersTheOtherNodeMakes() throws Exception {
    try (EngineProcess a = node("a"); EngineProcess b = node("b")) {
      register(a, "sepp-remote", 3);
      try (SseStream stream = b.events("/v1/agents/sepp-remote/events")) {
        assertThat(stream.status()).isEqualTo(200);
        List<String> contacts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
          contacts.add(a.createContact(CHAT).getString("id"));
        }

        List<String> offered = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
          SseStream.Event event = stream.nextMatching(e -> "offer.offered".equals(e.type()));
          assertThat(event.json().getString("agentId")).isEqualTo("sepp-remote");
          assertThat(event.json().getString("expiresAt")).isNotNull();
          offered.add(event.json().getString("contactId"));
        }
        assertThat(offered).containsExactlyInAnyOrderElementsOf(contacts);
      }
    }
  }

  @Test
  void theOffersOfAKilledNodeAreOfferedAgainByTheOtherWithinTheirTimeoutAndTwoSeconds() throws Exception {
    EngineProcess a = node("a");
    try (EngineProcess b = node("b")) {
      for (int i = 0; i < 20; i++) {
        register(a, "agent-" + i, 1);
      }
      List<String> contacts = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        contacts.add(a.createContact(CHAT).getString("id"));
      }
      Map<String, Instant> expiries = new HashMap<>();
      for (String id : contacts) {
        JsonObject offered = Eventually.until(() -> new JsonObject(b.get("/v1/contacts/" + id).body()),
            contact -> "OFFERED".equals(contact.getString("status")));
        String detail = last(offered.getJsonArray("history"), "offered").getString("detail");
        expiries.put(id, Instant.parse(detail.substring(detail.indexOf(", expires ") + ", expires ".length())));
      }

      a.kill();

      Duration slowest = Duration.ZERO;
      for (String id : contacts) {
        JsonObject reoffered = Eventually.until(() -> new JsonObject(b.get("/v1/contacts/" + id).body()),
            contact -> count(contact.getJsonArray("history"), "offered") == 2, Duration.ofSeconds(30));
        Instant timedOut = Instant.parse(last(reoffered.getJsonArray("history"), "timedout").getString("at"));
        Instant offeredAgain = Instant.parse(last(reoffered.getJsonArray("history"), "offered").getString("at"));
        assertThat(timedOut).isAfterOrEqualTo(expiries.get(id));
        Duration late = Duration.between(expiries.get(id), offeredAgain);
        assertThat(late).as(id).isLessThanOrEqualTo(Duration.ofSeconds(2));
        slowest = late.compareTo(slowest) > 0 ? late : slowest;
        assertOneOfferAtATime(reoffered);
      }
      System.out.printf("after kill -9: %d open offers re-offered by the other node at most %d ms after their expiry%n",
          contacts.size(), slowest.toMillis());
      JsonArray agents = new JsonObject(b.get("/v1/agents").body()).getJsonArray("agents");
      long openOffers = agents.stream().mapToLong(agent -> ((JsonObject) agent).getJsonArray("offers").size()).sum();
      assertThat(openOffers).isLessThanOrEqualTo(contacts.size());
    } finally {
      a.close();
    }
  }

  private static void register(EngineClient node, String id, int chatCapacity) {
    assertThat(node.put("/v1/agents/" + id, "{\"name\":\"" + id + "\",\"queues\":[\"" + QUEUE + "\"],"
        + "\"capacity\":{\"chat\":" + chatCapacity + "}}").statusCode()).isEqualTo(201);
    assertThat(node.put("/v1/agents/" + id + "/presence", "{\"presence\":\"available\"}").statusCode()).isEqualTo(200);
  }

  /** One agent looks at its offers on a random node and accepts or rejects each, as often through either node. */
  private static void answerOffers(
      List<EngineClient> nodes, String agent, Map<String, String> acceptedBy, Set<String> doubleAccepts) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    JsonArray offers = new JsonObject(nodes.get(random.nextInt(2)).get("/v1/agents/" + agent).body()).getJsonArray("offers");
    for (Object open : offers) {
      JsonObject offer = (JsonObject) open;
      String path = "/v1/offers/" + offer.getString("offerId");
      if (random.nextInt(4) == 0) {
        nodes.get(random.nextInt(2)).post(path + "/reject", "{\"reason\":\"busy\"}");
        continue;
      }
      EngineClient first = nodes.get(random.nextInt(2));
      EngineClient second = nodes.get(random.nextInt(2));
      int one = first.post(path + "/accept", "").statusCode();
      int two = second.post(path + "/accept", "").statusCode();
      if (one == 200 && two == 200) {
        doubleAccepts.add(offer.getString("contactId"));
      }
      if (one == 200 || two == 200) {
        String previous = acceptedBy.putIfAbsent(offer.getString("contactId"), agent);
        if (previous != null) {
          doubleAccepts.add(offer.getString("contactId"));
        }
        assertThat(nodes.get(random.nextInt(2)).post("/v1/contacts/" + offer.getString("contactId") + "/complete", "")
            .statusCode()).isEqualTo(200);
      }
    }
  }

  /** Every offer in the history ends before the next begins, and the contact is assigned once at most. */
  private static void assertOneOfferAtATime(JsonObject contact) {
    boolean open = false;
    int assigned = 0;
    for (Object step : contact.getJsonArray("history")) {
      String type = ((JsonObject) step).getString("type");
      if ("offered".equals(type)) {
        assertThat(open).as("a second offer while one is open: %s", contact.encodePrettily()).isFalse();
        open = true;
      } else if (Set.of("accepted", "rejected", "timedout", "withdrawn").contains(type)) {
        assertThat(open).as("an offer ended twice: %s", contact.encodePrettily()).isTrue();
        open = false;
      } else if ("assigned".equals(type)) {
        assigned++;
      }
    }
    assertThat(assigned).as(contact.encodePrettily()).isLessThanOrEqualTo(1);
  }

  private static long count(JsonArray history, String type) {
    return history.stream().filter(step -> type.equals(((JsonObject) step).getString("type"))).count();
  }

  private static JsonObject last(JsonArray history, String type) {
    JsonObject found = null;
    for (Object step : history) {
      if (type.equals(((JsonObject) step).getString("type"))) {
        found = (JsonObject) step;
      }
    }
    assertThat(found).as("a %s step in %s", type, history).isNotNull();
    return found;
  }
}
