package io.omniroute.engine.api;

import static io.omniroute.engine.api.ContactsApiIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.omniroute.engine.support.EngineClient;
import io.omniroute.engine.support.RunningEngine;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class QueuesApiIT {
  private RunningEngine engine;

  @BeforeEach
  void start() {
    engine = RunningEngine.start();
  }

  @AfterEach
  void stop() {
    engine.close();
  }

  @Test
  void listsEveryQueueOfTheDirectoryWithLevelDepthAndOldestWait() {
    engine.createContact("{\"channel\":\"email\",\"country\":\"DE\",\"text\":\"Opening hours?\"}");

    JsonArray queues = new JsonObject(engine.get("/v1/queues").body()).getJsonArray("queues");

    assertThat(queues.stream().map(q -> ((JsonObject) q).getString("queue")).toList())
        .contains("central", "country:DE", "country:AT", "expert:ev-battery", "expert:classic-cars", "dealer:DE-MUC-001",
            "dealer:FR-LYO-001");
    JsonObject germany = find(queues, "country:DE");
    assertThat(germany.getString("level")).isEqualTo("COUNTRY");
    assertThat(germany.getInteger("depth")).isEqualTo(1);
    assertThat(germany.getLong("oldestWaitSeconds")).isGreaterThanOrEqualTo(0);
    assertThat(find(queues, "dealer:DE-MUC-001").getString("level")).isEqualTo("DEALER");
    assertThat(find(queues, "dealer:DE-MUC-001").getInteger("depth")).isZero();
  }

  @Test
  void showsWaitingContactsInServeOrder() {
    String normal = engine.createContact("{\"channel\":\"email\",\"country\":\"AT\",\"text\":\"Welche Farben gibt es?\"}").getString("id");
    String low = engine.createContact("{\"channel\":\"email\",\"country\":\"AT\",\"text\":\"Danke für den tollen Service\"}").getString("id");
    String high = engine.createContact("{\"channel\":\"email\",\"country\":\"AT\",\"text\":\"Dringend: Rückruf bitte\"}").getString("id");

    JsonObject queue = new JsonObject(engine.get("/v1/queues/country:AT").body());

    assertThat(queue.getInteger("depth")).isEqualTo(3);
    assertThat(queue.getString("level")).isEqualTo("COUNTRY");
    assertThat(queue.getJsonArray("contacts").stream().map(c -> ((JsonObject) c).getString("id")).toList())
        .containsExactly(high, normal, low);
    assertThat(new JsonObject(engine.get("/v1/queues/country:AT?limit=1").body()).getJsonArray("contacts")).hasSize(1);
  }

  @Test
  void aDealersAgentSeesAPreviewOfEachWaitingContactAndReadsOnlyItsOwnContacts() {
    engine.as("demo-admin").put("/v1/customers/C-1001", "{\"name\":\"Anna Berger\",\"identities\":{\"emails\":"
        + "[\"anna@example.com\"]},\"country\":\"DE\",\"ownerDealerId\":\"DE-MUC-001\"}");
    String longText = "Is my car ready? " + "The noise is still there. ".repeat(20);
    String known = engine.as("demo-telephony").createContact(new JsonObject().put("channel", "email")
        .put("from", new JsonObject().put("email", "anna@example.com")).put("subject", "Noise")
        .put("references", new JsonObject().put("vin", "WNW12345678901234")).put("text", longText).encode()).getString("id");
    String unknown = engine.as("demo-telephony").createContact("{\"channel\":\"chat\",\"dealerId\":\"DE-MUC-001\","
        + "\"text\":\"Is my quote still valid?\"}").getString("id");
    EngineClient munich = engine.as("demo-dealer-de-muc-001");

    JsonObject queue = new JsonObject(munich.get("/v1/queues/dealer:DE-MUC-001").body());

    JsonObject first = queue.getJsonArray("contacts").getJsonObject(0);
    assertThat(first.getString("id")).isEqualTo(known);
    assertThat(first.getJsonObject("preview").getString("customerName")).isEqualTo("Anna Berger");
    assertThat(first.getJsonObject("preview").getString("subject")).isEqualTo("Noise");
    assertThat(first.getJsonObject("preview").getString("text")).hasSize(200).isEqualTo(longText.substring(0, 200));
    JsonObject second = queue.getJsonArray("contacts").getJsonObject(1);
    assertThat(second.getJsonObject("preview").getValue("customerName")).isNull();
    assertThat(second.getJsonObject("preview").getString("channel")).isEqualTo("chat");
    assertThat(munich.get("/v1/contacts/" + unknown).statusCode()).isEqualTo(200);
    assertThat(engine.as("demo-dealer-de-ber-001").get("/v1/contacts/" + unknown).statusCode()).isEqualTo(404);
    String elsewhere = engine.createContact("{\"channel\":\"chat\",\"country\":\"DE\",\"text\":\"Opening hours?\"}").getString("id");
    assertThat(munich.get("/v1/contacts/" + elsewhere).statusCode()).isEqualTo(404);
  }

  @Test
  void claimsHighestPriorityFirstThenOldest() {
    String older = engine.createContact("{\"channel\":\"chat\",\"country\":\"GB\",\"text\":\"Question one\"}").getString("id");
    String newer = engine.createContact("{\"channel\":\"chat\",\"country\":\"GB\",\"text\":\"Question two\"}").getString("id");
    String urgent = engine.createContact("{\"channel\":\"chat\",\"country\":\"GB\",\"text\":\"I want to cancel my contract\"}").getString("id");

    List<String> order = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      HttpResponse<String> claimed = engine.post("/v1/queues/country:GB/claim", "{\"agent\":\"sam\"}");
      assertThat(claimed.statusCode()).isEqualTo(200);
      JsonObject body = new JsonObject(claimed.body());
      assertThat(body.getString("status")).isEqualTo("ASSIGNED");
      order.add(body.getString("id"));
    }

    assertThat(order).containsExactly(urgent, older, newer);
    assertThat(engine.post("/v1/queues/country:GB/claim", "{\"agent\":\"sam\"}").statusCode()).isEqualTo(204);
  }

  @Test
  void claimingAnEmptyQueueAnswersNoContent() {
    HttpResponse<String> response = engine.post("/v1/queues/dealer:GB-EDI-001/claim", "{\"agent\":\"fiona\"}");

    assertThat(response.statusCode()).isEqualTo(204);
    assertThat(response.body()).isEmpty();
  }

  @Test
  void unknownQueueIsNotFound() {
    assertProblem(engine.get("/v1/queues/dealer:NOPE"), 404);
    assertProblem(engine.post("/v1/queues/country:XX/claim", "{\"agent\":\"a\"}"), 404);
  }

  @Test
  void claimNeedsAnAgent() {
    HttpResponse<String> response = engine.post("/v1/queues/central/claim", "{}");

    assertProblem(response, 400);
    assertThat(new JsonObject(response.body()).getString("detail")).contains("agent");
  }

  @Test
  void rejectsAnInvalidLimit() {
    assertProblem(engine.get("/v1/queues/central?limit=0"), 400);
    assertProblem(engine.get("/v1/queues/central?limit=many"), 400);
  }

  @Test
  void concurrentClaimsNeverGetTheSameContact() throws Exception {
    int contacts = 200;
    Set<String> created = new HashSet<>();
    for (int i = 0; i < contacts; i++) {
      created.add(engine.createContact("{\"channel\":\"email\",\"country\":\"CH\",\"text\":\"Frage " + i + "\"}").getString("id"));
    }
    ConcurrentLinkedQueue<String> claimed = new ConcurrentLinkedQueue<>();
    ExecutorService claimers = Executors.newFixedThreadPool(16);
    List<Future<?>> running = new ArrayList<>();
    for (int t = 0; t < 16; t++) {
      String agent = "agent-" + t;
      running.add(claimers.submit(() -> {
        while (true) {
          HttpResponse<String> response = engine.post("/v1/queues/country:CH/claim", "{\"agent\":\"" + agent + "\"}");
          if (response.statusCode() == 204) {
            return null;
          }
          assertThat(response.statusCode()).isEqualTo(200);
          claimed.add(new JsonObject(response.body()).getString("id"));
        }
      }));
    }
    for (Future<?> future : running) {
      future.get(60, TimeUnit.SECONDS);
    }
    claimers.shutdown();

    assertThat(claimed).hasSize(contacts).doesNotHaveDuplicates();
    assertThat(new HashSet<>(claimed)).isEqualTo(created);
  }

  private static JsonObject find(JsonArray queues, String name) {
    return queues.stream().map(JsonObject.class::cast).filter(q -> q.getString("queue").equals(name)).findFirst()
        .orElseThrow();
  }
}
