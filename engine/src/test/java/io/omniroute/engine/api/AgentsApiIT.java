package io.omniroute.engine.api;

import static io.omniroute.engine.api.ContactsApiIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.omniroute.engine.support.EngineClient;
import io.omniroute.engine.support.RunningEngine;
import io.omniroute.engine.support.TestClock;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The agents registry through the running engine: dealers register their agents, agents set their presence. */
class AgentsApiIT {
  private static final String SEPP = """
      {"name": "Sepp Huber", "queues": ["dealer:DE-MUC-001"], "capacity": {"voice": 1, "chat": 3, "email": 10},
       "wrapUpSeconds": 10}""";
  private static final String BERT = """
      {"name": "Bert Berliner", "queues": ["dealer:DE-BER-001"], "capacity": {"chat": 2}}""";
  private static final Instant START = Instant.parse("2026-01-05T08:00:00Z");

  private final TestClock clock = new TestClock(START);
  private RunningEngine engine;
  private EngineClient munich;
  private EngineClient berlin;
  private EngineClient sepp;

  @BeforeEach
  void start() {
    engine = RunningEngine.start(clock);
    munich = engine.as("demo-dealer-de-muc-001");
    berlin = engine.as("demo-dealer-de-ber-001");
    sepp = engine.as("demo-agent-sepp");
  }

  @AfterEach
  void stop() {
    engine.close();
  }

  @Test
  void aDealerRegistersItsAgentWhoIsOfflineUntilThePresenceIsSet() {
    HttpResponse<String> created = munich.put("/v1/agents/sepp", SEPP);

    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(new JsonObject(created.body())).isEqualTo(new JsonObject()
        .put("id", "sepp").put("name", "Sepp Huber").put("queues", new JsonArray().add("dealer:DE-MUC-001"))
        .put("capacity", new JsonObject().put("voice", 1).put("email", 10).put("chat", 3))
        .put("wrapUpSeconds", 10).put("presence", "offline").put("presenceSince", START.toString())
        .put("load", new JsonObject().put("voice", 0).put("email", 0).put("chat", 0)).put("offers", new JsonArray())
        .put("assignments", new JsonArray()).putNull("wrapUpUntil"));
    clock.advance(Duration.ofMinutes(2));

    HttpResponse<String> available = munich.put("/v1/agents/sepp/presence", "{\"presence\":\"available\"}");

    assertThat(available.statusCode()).as(available.body()).isEqualTo(200);
    JsonObject agent = new JsonObject(munich.get("/v1/agents/sepp").body());
    assertThat(agent.getString("presence")).isEqualTo("available");
    assertThat(agent.getString("presenceSince")).isEqualTo(START.plus(Duration.ofMinutes(2)).toString());
    assertThat(agent.getJsonObject("load").getInteger("chat")).isZero();
    assertThat(munich.put("/v1/agents/sepp", SEPP.replace("\"chat\": 3", "\"chat\": 4")).statusCode()).isEqualTo(200);
    assertThat(new JsonObject(munich.get("/v1/agents/sepp").body()).getString("presence")).isEqualTo("available");
  }

  @Test
  void aDealerListsOnlyItsOwnAgents() {
    engine.put("/v1/agents/sepp", SEPP);
    engine.put("/v1/agents/bert", BERT);
    engine.put("/v1/agents/anna", """
        {"name": "Anna", "queues": ["country:DE", "dealer:DE-MUC-001"], "capacity": {"email": 20}}""");

    assertThat(ids(munich.get("/v1/agents"))).containsExactly("sepp");
    assertThat(ids(berlin.get("/v1/agents"))).containsExactly("bert");
    assertThat(ids(engine.as("demo-ops").get("/v1/agents"))).containsExactly("anna", "bert", "sepp");
    assertThat(ids(engine.as("demo-supervisor-de").get("/v1/agents"))).containsExactly("anna", "bert", "sepp");
  }

  @Test
  void aDealerCannotRegisterAnAgentOnAnotherDealersQueue() {
    HttpResponse<String> foreign = munich.put("/v1/agents/bert", BERT);
    HttpResponse<String> mixed = munich.put("/v1/agents/sepp", """
        {"name": "Sepp", "queues": ["dealer:DE-MUC-001", "dealer:DE-BER-001"], "capacity": {"chat": 1}}""");

    assertProblem(foreign, 403);
    assertThat(new JsonObject(foreign.body()).getString("detail"))
        .contains("serves dealer:DE-BER-001").contains("dealer:DE-MUC-001").contains("Nothing was stored");
    assertProblem(mixed, 403);
    assertThat(ids(engine.get("/v1/agents"))).isEmpty();
  }

  @Test
  void aDealerCannotReadOrChangeAnotherDealersAgent() {
    engine.put("/v1/agents/bert", BERT);

    assertProblem(munich.get("/v1/agents/bert"), 404);
    assertProblem(munich.get("/v1/agents/nobody"), 404);
    assertProblem(munich.put("/v1/agents/bert", SEPP), 403);
    assertProblem(munich.put("/v1/agents/bert/presence", "{\"presence\":\"busy\"}"), 403);
    JsonObject bert = new JsonObject(engine.get("/v1/agents/bert").body());
    assertThat(bert.getJsonArray("queues")).containsExactly("dealer:DE-BER-001");
    assertThat(bert.getString("presence")).isEqualTo("offline");
  }

  @Test
  void theAgentSetsItsOwnPresenceAndCannotSetAnothers() {
    engine.put("/v1/agents/sepp", SEPP);
    engine.put("/v1/agents/bert", BERT);

    HttpResponse<String> own = sepp.put("/v1/agents/sepp/presence", "{\"presence\":\"busy\"}");
    HttpResponse<String> other = sepp.put("/v1/agents/bert/presence", "{\"presence\":\"away\"}");

    assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
    assertThat(new JsonObject(own.body()).getString("presence")).isEqualTo("busy");
    assertThat(new JsonObject(sepp.get("/v1/agents/sepp").body()).getString("presence")).isEqualTo("busy");
    assertProblem(other, 403);
    assertThat(new JsonObject(other.body()).getString("detail")).contains("only its own presence");
    assertThat(new JsonObject(engine.get("/v1/agents/bert").body()).getString("presence")).isEqualTo("offline");
    assertProblem(sepp.get("/v1/agents/bert"), 404);
  }

  @Test
  void theAgentCannotRegisterAgentsNorListThem() {
    HttpResponse<String> register = sepp.put("/v1/agents/sepp", SEPP);
    HttpResponse<String> list = sepp.get("/v1/agents");

    assertProblem(register, 403);
    assertThat(new JsonObject(register.body()).getString("detail")).contains("may not call putAgent on agent sepp");
    assertProblem(list, 403);
    assertProblem(engine.as("demo-telephony").get("/v1/agents"), 403);
    assertProblem(engine.as("demo-supervisor-de").put("/v1/agents/sepp", SEPP), 403);
  }

  @Test
  void anUnknownQueueIs422NamingTheField() {
    HttpResponse<String> response = engine.put("/v1/agents/sepp", """
        {"name": "Sepp", "queues": ["dealer:DE-MUC-001", "dealer:DE-NOWHERE"], "capacity": {"chat": 1}}""");

    assertProblem(response, 422);
    assertThat(fields(response)).containsExactly("queues[1]");
    assertThat(new JsonObject(response.body()).getString("detail")).contains("'dealer:DE-NOWHERE'");
    assertProblem(engine.get("/v1/agents/sepp"), 404);
  }

  @Test
  void badInputsAre400NamingTheField() {
    assertThat(fields(badRequest("{\"queues\":[\"central\"],\"capacity\":{\"chat\":1}}"))).containsExactly("name");
    assertThat(fields(badRequest("{\"name\":\"S\",\"queues\":[\"central\"],\"capacity\":{\"fax\":1}}")))
        .containsExactly("capacity.fax");
    assertThat(fields(badRequest("{\"name\":\"S\",\"queues\":[\"central\"],\"capacity\":{\"voice\":0}}")))
        .containsExactly("capacity.voice");
    assertThat(fields(badRequest("{\"name\":\"S\",\"queues\":[\"central\"],\"capacity\":{\"chat\":101}}")))
        .containsExactly("capacity.chat");
    assertThat(fields(badRequest("{\"name\":\"S\",\"queues\":[\"central\"],\"capacity\":{\"chat\":1},\"wrapUpSeconds\":-1}")))
        .containsExactly("wrapUpSeconds");
    assertThat(fields(badRequest("{\"name\":\"S\",\"queues\":[],\"capacity\":{\"chat\":1}}"))).containsExactly("queues");
    assertThat(fields(badRequest("{\"name\":\"" + "x".repeat(201) + "\",\"queues\":[\"central\"],\"capacity\":{\"chat\":1}}")))
        .containsExactly("name");
    assertThat(fields(badRequest("{\"name\":\"  \",\"queues\":[\"central\"],\"capacity\":{\"chat\":1}}")))
        .containsExactly("name");
    assertProblem(engine.put("/v1/agents/-sepp", SEPP), 400);
    engine.put("/v1/agents/sepp", SEPP);
    HttpResponse<String> presence = engine.put("/v1/agents/sepp/presence", "{\"presence\":\"asleep\"}");
    assertProblem(presence, 400);
    assertThat(fields(presence)).containsExactly("presence");
    assertProblem(engine.put("/v1/agents/nobody/presence", "{\"presence\":\"away\"}"), 404);
  }

  private HttpResponse<String> badRequest(String body) {
    HttpResponse<String> response = engine.put("/v1/agents/sepp", body);
    assertProblem(response, 400);
    return response;
  }

  private static List<String> fields(HttpResponse<String> response) {
    JsonArray errors = new JsonObject(response.body()).getJsonArray("errors", new JsonArray());
    return errors.stream().map(error -> ((JsonObject) error).getString("field")).toList();
  }

  private static List<String> ids(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return new JsonObject(response.body()).getJsonArray("agents").stream()
        .map(agent -> ((JsonObject) agent).getString("id")).toList();
  }
}
