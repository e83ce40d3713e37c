package io.omniroute.engine.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.omniroute.engine.support.EngineClient;
import io.omniroute.engine.support.EngineProcess;
import io.omniroute.engine.support.IntakeLoad;
import io.omniroute.engine.support.IntakeLoad.Outcome;
import io.omniroute.engine.support.RedisForTests;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.embedded.RedisServer;

/**
 * An engine process on Redis is killed with SIGKILL while contacts are being created (new ones,
 * and chat follow-ups that join, or reopen, their session's conversation), claimed and completed.
 * After a restart, every contact answered 201 is there exactly once, with the status and history
 * of the last acknowledged step, nothing half-written shows in any queue, and every conversation
 * has exactly one message per contact of it: none without its contact, no contact without its
 * message.
 */
class EngineCrashIT {
  private static final List<String> QUEUES = List.of("central", "dealer:DE-MUC-001", "country:DE");

  @TempDir Path logs;
  private RedisServer redis;
  private String redisUrl;

  @BeforeEach
  void startRedis() throws Exception {
    int port = RedisForTests.freePort();
    redis = RedisForTests.newServer(port);
    redis.start();
    redisUrl = "redis://127.0.0.1:" + port;
  }

  @AfterEach
  void stopRedis() throws Exception {
    redis.stop();
  }

  @Test
  void everyContactAnswered201SurvivesAKillExactlyOnceWithItsStatusAndHistory() throws Exception {
    Map<String, String> acknowledged = new ConcurrentHashMap<>();
    AtomicInteger inFlightAtKill = new AtomicInteger();
    EngineProcess first = EngineProcess.start(logs, "first", "--store", "redis", "--redis-url", redisUrl);
    Map<String, Outcome> created;
    List<Outcome> unreached;
    List<String> bodies = new ArrayList<>(IntakeLoad.BODIES);
    bodies.add(IntakeLoad.SESSION_CHAT);
    try (IntakeLoad load = IntakeLoad.start(List.of(first), bodies, 6, "crash", 3_000)) {
      Claimers claimers = new Claimers(first, acknowledged, inFlightAtKill);
      claimers.start(2);
      load.awaitCreated(400, 60_000);
      first.kill();
      load.join();
      claimers.join();
      created = load.created();
      unreached = load.unreached();
    } finally {
      first.close();
    }
    assertThat(created).as("contacts answered 201 before the kill").hasSizeGreaterThan(200);

    try (EngineProcess second = EngineProcess.start(logs, "second", "--store", "redis", "--redis-url", redisUrl)) {
      Map<String, String> idsByKey = new HashMap<>();
      Map<String, String> answeredStatus = new HashMap<>();
      for (Outcome outcome : created.values()) {
        HttpResponse<String> again = second.post("/v1/contacts", outcome.body(), outcome.key());
        assertThat(again.statusCode()).as("repeating key %s after the crash creates nothing", outcome.key()).isEqualTo(200);
        assertThat(new JsonObject(again.body()).getString("id")).isEqualTo(outcome.id());
        idsByKey.put(outcome.key(), outcome.id());
        answeredStatus.put(outcome.id(), outcome.contactStatus());
      }
      for (Outcome lost : unreached) {
        HttpResponse<String> retried = second.post("/v1/contacts", lost.body(), lost.key());
        assertThat(retried.statusCode()).as("a request cut by the kill is either whole (200) or absent (201)")
            .isIn(200, 201);
        JsonObject answer = new JsonObject(retried.body());
        idsByKey.put(lost.key(), answer.getString("id"));
        answeredStatus.put(answer.getString("id"), answer.getString("status"));
      }

      Set<String> queuedIds = new HashSet<>();
      Map<String, Set<String>> contactsByConversation = new HashMap<>();
      int aheadOfAcknowledged = 0;
      for (String id : idsByKey.values()) {
        JsonObject contact = contact(second, id);
        contactsByConversation.computeIfAbsent(contact.getString("conversationId"), c -> new HashSet<>()).add(id);
        String status = contact.getString("status");
        String expected = acknowledged.getOrDefault(id, answeredStatus.get(id));
        if (!status.equals(expected)) {
          assertThat(List.of(expected, status)).as("contact %s moved only forward", id)
              .isIn(List.of("QUEUED", "ASSIGNED"), List.of("ASSIGNED", "COMPLETED"));
          aheadOfAcknowledged++;
        }
        assertThat(historyTypes(contact)).as("history of %s (%s)", id, status).isEqualTo(expectedHistory(status, contact));
        if (status.equals("QUEUED")) {
          queuedIds.add(id);
        }
      }
      System.out.printf("crash test: %d contacts answered 201 before the kill, %d requests cut off, %d claims"
          + " acknowledged, %d steps ahead of their answer, %d still queued%n",
          created.size(), unreached.size(), acknowledged.size(), aheadOfAcknowledged, queuedIds.size());
      assertThat(aheadOfAcknowledged).as("steps applied whose answer the kill cut off").isLessThanOrEqualTo(inFlightAtKill.get());

      List<String> waiting = new ArrayList<>();
      for (String queue : QUEUES) {
        JsonObject view = new JsonObject(second.get("/v1/queues/" + queue + "?limit=1000").body());
        JsonArray contacts = view.getJsonArray("contacts");
        assertThat(view.getInteger("depth")).as("depth of %s", queue).isEqualTo(contacts.size());
        contacts.forEach(c -> waiting.add(((JsonObject) c).getString("id")));
      }
      assertThat(waiting).as("every queued contact waits exactly once, and nothing else waits")
          .doesNotHaveDuplicates()
          .containsExactlyInAnyOrderElementsOf(queuedIds);

      int followUps = 0;
      for (Map.Entry<String, Set<String>> conversation : contactsByConversation.entrySet()) {
        HttpResponse<String> found = second.get("/v1/conversations/" + conversation.getKey());
        assertThat(found.statusCode()).as("conversation %s", conversation.getKey()).isEqualTo(200);
        List<String> messageContacts = new JsonObject(found.body()).getJsonArray("messages").stream()
            .map(m -> ((JsonObject) m).getString("contactId")).toList();
        assertThat(messageContacts).as("the messages of conversation %s: one per contact of it", conversation.getKey())
            .doesNotHaveDuplicates()
            .containsExactlyInAnyOrderElementsOf(conversation.getValue());
        followUps += conversation.getValue().size() - 1;
      }
      System.out.printf("crash test: %d conversations, %d follow-ups in them%n", contactsByConversation.size(), followUps);
      assertThat(followUps).as("chat follow-ups joined or reopened their session's conversation").isGreaterThan(20);
    }
  }

  private static JsonObject contact(EngineClient engine, String id) {
    HttpResponse<String> found = engine.get("/v1/contacts/" + id);
    assertThat(found.statusCode()).as("contact %s after the restart", id).isEqualTo(200);
    return new JsonObject(found.body());
  }

  private static List<String> historyTypes(JsonObject contact) {
    return contact.getJsonArray("history").stream().map(e -> ((JsonObject) e).getString("type")).toList();
  }

  /** The history a contact of this status has: one that reopened a conversation says so after it was received. */
  private static List<String> expectedHistory(String status, JsonObject contact) {
    List<String> steps = new ArrayList<>(switch (status) {
      case "QUEUED" -> List.of("received", "routed");
      case "ASSIGNED" -> List.of("received", "routed", "assigned");
      case "COMPLETED" -> List.of("received", "routed", "assigned", "completed");
      case "JOINED" -> List.of("received", "joined");
      default -> throw new AssertionError("unexpected status " + status);
    });
    if (historyTypes(contact).contains("reopened")) {
      steps.add(1, "reopened");
    }
    return steps;
  }

  /**
   * Agents that claim from the three queues in turn and complete every other contact they claim,
   * recording each acknowledged step; a step whose answer never came (the engine died) is counted.
   */
  private static final class Claimers {
    private final EngineClient engine;
    private final Map<String, String> acknowledged;
    private final AtomicInteger inFlightAtKill;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final List<Thread> threads = new ArrayList<>();

    Claimers(EngineClient engine, Map<String, String> acknowledged, AtomicInteger inFlightAtKill) {
      this.engine = engine;
      this.acknowledged = acknowledged;
      this.inFlightAtKill = inFlightAtKill;
    }

    void start(int agents) {
      for (int a = 0; a < agents; a++) {
        String agent = "agent-" + a;
        Thread thread = new Thread(() -> work(agent), "claimer-" + a);
        threads.add(thread);
        thread.start();
      }
    }

    private void work(String agent) {
      for (int n = 0; !stopped.get(); n++) {
        try {
          HttpResponse<String> claimed =
              engine.post("/v1/queues/" + QUEUES.get(n % QUEUES.size()) + "/claim", "{\"agent\":\"" + agent + "\"}");
          if (claimed.statusCode() != 200) {
            continue;
          }
          String id = new JsonObject(claimed.body()).getString("id");
          acknowledged.put(id, "ASSIGNED");
          if (n % 2 == 0 && engine.post("/v1/contacts/" + id + "/complete", "{}").statusCode() == 200) {
            acknowledged.put(id, "COMPLETED");
          }
        } catch (UncheckedIOException engineGone) {
          inFlightAtKill.incrementAndGet();
          return;
        }
      }
    }

    void join() throws InterruptedException {
      stopped.set(true);
      for (Thread thread : threads) {
        thread.join(60_000);
      }
    }
  }
}
