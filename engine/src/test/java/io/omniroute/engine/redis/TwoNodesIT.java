package io.omniroute.engine.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.omniroute.engine.support.EngineClient;
import io.omniroute.engine.support.EngineProcess;
import io.omniroute.engine.support.IntakeLoad;
import io.omniroute.engine.support.IntakeLoad.Outcome;
import io.omniroute.engine.support.RedisForTests;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.embedded.RedisServer;

/**
 * Two engine processes share one Redis: 10,000 contacts are created over both, deadlines of two
 * seconds make both escalation schedulers race for the same due contacts, and ten agents spread
 * over both nodes claim while contacts keep escalating. Every contact is claimed exactly once and
 * every escalation happens once. Chat messages of the same sessions, posted to either node at
 * once, all join the one conversation of their session.
 */
class TwoNodesIT {
  private static final int CONTACTS = 10_000;
  private static final int AGENTS = 10;
  private static final List<String> QUEUES = List.of("central", "country:DE", "dealer:DE-MUC-001");
  private static final List<String> LADDER = List.of("dealer:DE-MUC-001", "country:DE", "central");
  private static final Pattern ESCALATIONS =
      Pattern.compile("^omniroute_escalations_total\\{[^}]*} ([0-9.E]+)$", Pattern.MULTILINE);

  @TempDir Path work;

  @Test
  void everyContactIsClaimedOnceAndEscalatedOncePerStepAcrossTwoNodes() throws Exception {
    int redisPort = RedisForTests.freePort();
    RedisServer redis = RedisForTests.newServer(redisPort);
    redis.start();
    Path config = Files.writeString(work.resolve("two-nodes.yaml"), """
        escalationIntervalMillis: 100
        serviceLevels: {voice: 2, chat: 2, email: 2, sms: 2, social: 2}
        """);
    String[] args = {"--config", config.toString(), "--store", "redis", "--redis-url", "redis://127.0.0.1:" + redisPort};
    try (EngineProcess a = EngineProcess.start(work, "node-a", args);
         EngineProcess b = EngineProcess.start(work, "node-b", args)) {
      List<EngineProcess> nodes = List.of(a, b);
      Map<String, Outcome> created;
      try (IntakeLoad load = IntakeLoad.start(nodes, 8, "two-nodes", CONTACTS)) {
        load.join();
        assertThat(load.outcomes()).as("every contact answered 201")
            .allSatisfy(outcome -> assertThat(outcome.status()).as(outcome.key()).isEqualTo(201));
        created = load.created();
      }
      assertThat(created).hasSize(CONTACTS);
      Thread.sleep(2_500);

      Claimed claimed = claimAll(nodes, CONTACTS);
      assertThat(claimed.duplicates()).as("contacts handed to two agents").isEmpty();
      assertThat(claimed.ids()).as("every contact claimed")
          .containsExactlyInAnyOrderElementsOf(created.values().stream().map(Outcome::id).toList());

      int escalationEvents = 0;
      for (Outcome outcome : created.values()) {
        JsonObject contact = new JsonObject(a.get("/v1/contacts/" + outcome.id()).body());
        assertThat(contact.getString("status")).isEqualTo("ASSIGNED");
        List<String> steps = escalationSteps(contact);
        assertThat(steps).as("escalations of %s, routed to %s", outcome.id(), outcome.queue())
            .isEqualTo(ladderSteps(outcome.queue(), steps.size()));
        escalationEvents += steps.size();
      }
      double countedA = escalationsCounted(a);
      double countedB = escalationsCounted(b);
      System.out.printf("two nodes: %d contacts claimed once each; %d escalations (node a %.0f, node b %.0f)%n",
          claimed.ids().size(), escalationEvents, countedA, countedB);
      assertThat(countedA).as("node a escalated some contacts").isPositive();
      assertThat(countedB).as("node b escalated some contacts").isPositive();
      assertThat(countedA + countedB).as("escalations counted by the nodes = escalations in the histories")
          .isEqualTo(escalationEvents);
    } finally {
      redis.stop();
    }
  }

  @Test
  void chatFollowUpsPostedToEitherNodeJoinTheOneConversationOfTheirSession() throws Exception {
    int redisPort = RedisForTests.freePort();
    RedisServer redis = RedisForTests.newServer(redisPort);
    redis.start();
    String[] args = {"--store", "redis", "--redis-url", "redis://127.0.0.1:" + redisPort};
    try (EngineProcess a = EngineProcess.start(work, "chat-a", args);
         EngineProcess b = EngineProcess.start(work, "chat-b", args)) {
      List<Outcome> outcomes;
      try (IntakeLoad load = IntakeLoad.start(List.of(a, b), List.of(IntakeLoad.SESSION_CHAT), 8, "sessions", 1_000)) {
        load.join();
        outcomes = load.outcomes();
      }
      assertThat(outcomes).hasSize(1_000).allSatisfy(outcome -> assertThat(outcome.status()).isEqualTo(201));

      Map<String, Set<String>> conversationsBySession = new java.util.HashMap<>();
      Map<String, Set<String>> contactsByConversation = new java.util.HashMap<>();
      for (Outcome outcome : outcomes) {
        String session = new JsonObject(outcome.body()).getJsonObject("thread").getString("key");
        conversationsBySession.computeIfAbsent(session, s -> new java.util.HashSet<>()).add(outcome.conversationId());
        contactsByConversation.computeIfAbsent(outcome.conversationId(), c -> new java.util.HashSet<>()).add(outcome.id());
      }
      assertThat(conversationsBySession).hasSize(IntakeLoad.SESSIONS)
          .allSatisfy((session, conversations) -> assertThat(conversations).as(session).hasSize(1));
      assertThat(outcomes.stream().filter(o -> o.contactStatus().equals("JOINED")).count())
          .as("every message but the first of each session joined its conversation")
          .isEqualTo(1_000 - IntakeLoad.SESSIONS);
      for (Map.Entry<String, Set<String>> conversation : contactsByConversation.entrySet()) {
        EngineProcess reader = conversation.getKey().hashCode() % 2 == 0 ? a : b;
        List<String> messageContacts = new JsonObject(reader.get("/v1/conversations/" + conversation.getKey()).body())
            .getJsonArray("messages").stream().map(m -> ((JsonObject) m).getString("contactId")).toList();
        assertThat(messageContacts).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(conversation.getValue());
      }
    } finally {
      redis.stop();
    }
  }

  /** What agents on both nodes claimed: each id once, and any id that came a second time. */
  private record Claimed(Set<String> ids, List<String> duplicates) {}

  private static Claimed claimAll(List<EngineProcess> nodes, int expected) throws InterruptedException {
    Set<String> ids = ConcurrentHashMap.newKeySet();
    ConcurrentLinkedQueue<String> duplicates = new ConcurrentLinkedQueue<>();
    ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
    AtomicBoolean done = new AtomicBoolean();
    long deadline = System.currentTimeMillis() + 180_000;
    List<Thread> agents = new ArrayList<>();
    for (int agent = 0; agent < AGENTS; agent++) {
      EngineClient node = nodes.get(agent % nodes.size());
      String body = "{\"agent\":\"agent-" + agent + "\"}";
      Thread thread = new Thread(() -> {
        for (int n = 0; !done.get() && System.currentTimeMillis() < deadline; n++) {
          HttpResponse<String> response = node.post("/v1/queues/" + QUEUES.get(n % QUEUES.size()) + "/claim", body);
          if (response.statusCode() == 200) {
            String id = new JsonObject(response.body()).getString("id");
            if (!ids.add(id)) {
              duplicates.add(id);
            }
            if (ids.size() >= expected) {
              done.set(true);
            }
          } else if (response.statusCode() != 204) {
            failures.add(response.statusCode() + " " + response.body());
          }
        }
      }, "agent-" + agent);
      agents.add(thread);
      thread.start();
    }
    for (Thread agent : agents) {
      agent.join();
    }
    assertThat(failures).as("claims that failed").isEmpty();
    return new Claimed(ids, List.copyOf(duplicates));
  }

  private static List<String> escalationSteps(JsonObject contact) {
    return contact.getJsonArray("history").stream()
        .map(event -> (JsonObject) event)
        .filter(event -> event.getString("type").equals("escalated"))
        .map(event -> event.getString("detail"))
        .toList();
  }

  /** The first {@code count} steps up the ladder from {@code queue}, as history details. */
  private static List<String> ladderSteps(String queue, int count) {
    List<String> steps = new ArrayList<>();
    for (int i = LADDER.indexOf(queue); i + 1 < LADDER.size() && steps.size() < count; i++) {
      steps.add("from " + LADDER.get(i) + " to " + LADDER.get(i + 1));
    }
    return steps;
  }

  private static double escalationsCounted(EngineClient node) {
    Matcher counters = ESCALATIONS.matcher(node.scrape());
    double total = 0;
    while (counters.find()) {
      total += Double.parseDouble(counters.group(1));
    }
    return total;
  }
}
