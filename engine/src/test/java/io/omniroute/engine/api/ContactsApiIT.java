package io.omniroute.engine.api;

import io.omniroute.engine.http.Problem;
import static org.assertj.core.api.Assertions.assertThat;

import io.omniroute.engine.support.RunningEngine;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContactsApiIT {
  private static RunningEngine engine;

  @BeforeAll
  static void start() {
    engine = RunningEngine.start();
  }

  @AfterAll
  static void stop() {
    engine.close();
  }

  @Test
  void answersCreatedWithClassificationRouteTraceAndRulesVersion() {
    HttpResponse<String> response = engine.post("/v1/contacts",
        "{\"channel\":\"email\",\"dealerId\":\"DE-MUC-001\",\"references\":{\"vin\":\"WVW123\"},"
            + "\"text\":\"When will my car be ready?\"}");

    assertThat(response.statusCode()).isEqualTo(201);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    JsonObject body = new JsonObject(response.body());
    assertThat(body.getString("id")).isNotBlank();
    assertThat(body.getString("status")).isEqualTo("QUEUED");
    assertThat(body.getJsonObject("classification").getMap())
        .containsEntry("knowledge", "SPECIFICATION").containsEntry("urgency", "NORMAL").containsEntry("topic", "general");
    JsonObject route = body.getJsonObject("route");
    assertThat(route.getString("level")).isEqualTo("DEALER");
    assertThat(route.getString("queue")).isEqualTo("dealer:DE-MUC-001");
    assertThat(route.getInteger("priority")).isEqualTo(20);
    assertThat(route.getString("deadline")).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
    assertThat(body.getJsonArray("trace").getList()).contains("Route: specification to the dealer named on the contact");
    assertThat(body.getString("rulesVersion")).isEqualTo("global:1");
  }

  @Test
  void routesAccidentCallToTheCentralDesk() {
    JsonObject body = engine.createContact(
        "{\"channel\":\"voice\",\"from\":{\"phone\":\"+498912345678\"},\"text\":\"I had an accident on the A9\"}");

    assertThat(body.getJsonObject("route").getString("queue")).isEqualTo("central");
    assertThat(body.getJsonObject("route").getString("level")).isEqualTo("CENTRAL");
    assertThat(body.getJsonObject("classification").getString("urgency")).isEqualTo("CRITICAL");
  }

  @Test
  void routesSchemeQuestionToTheCountryOfThePhoneNumber() {
    JsonObject body = engine.createContact(
        "{\"channel\":\"chat\",\"from\":{\"phone\":\"+43123456789\"},\"text\":\"Which trims does the new model have?\"}");

    assertThat(body.getJsonObject("route").getString("queue")).isEqualTo("country:AT");
    assertThat(body.getJsonObject("route").getString("level")).isEqualTo("COUNTRY");
  }

  @Test
  void routesBatteryTopicToTheExpertTeam() {
    JsonObject body = engine.createContact(
        "{\"channel\":\"email\",\"country\":\"DE\",\"language\":\"de\",\"subject\":\"Akku\",\"text\":\"Mein Akku lädt nicht mehr voll\"}");

    assertThat(body.getJsonObject("route").getString("queue")).isEqualTo("expert:ev-battery");
    assertThat(body.getJsonObject("route").getString("level")).isEqualTo("EXPERT");
  }

  @Test
  void repeatedIdempotencyKeyAnswersTheFirstDecisionAndCreatesNothing() {
    String json = "{\"channel\":\"sms\",\"country\":\"FR\",\"text\":\"Horaires d'ouverture ?\"}";
    HttpResponse<String> first = engine.post("/v1/contacts", json, "key-repeat-1");
    int depthBefore = depth("country:FR");
    HttpResponse<String> second = engine.post("/v1/contacts", json, "key-repeat-1");

    assertThat(first.statusCode()).isEqualTo(201);
    assertThat(second.statusCode()).isEqualTo(200);
    assertThat(new JsonObject(second.body()).getString("id")).isEqualTo(new JsonObject(first.body()).getString("id"));
    assertThat(new JsonObject(second.body()).getJsonObject("route"))
        .isEqualTo(new JsonObject(first.body()).getJsonObject("route"));
    assertThat(depth("country:FR")).isEqualTo(depthBefore);
  }

  @Test
  void showsContactWithDecisionStatusAndHistory() {
    String id = engine.createContact("{\"channel\":\"social\",\"from\":{\"handle\":\"@anna\",\"network\":\"x\"},"
        + "\"country\":\"GB\",\"public\":true,\"text\":\"Does the estate have a tow bar option?\"}").getString("id");

    HttpResponse<String> response = engine.get("/v1/contacts/" + id);

    assertThat(response.statusCode()).isEqualTo(200);
    JsonObject body = new JsonObject(response.body());
    assertThat(body.getString("status")).isEqualTo("QUEUED");
    assertThat(body.getJsonObject("contact").getString("channel")).isEqualTo("social");
    assertThat(body.getJsonObject("current").getString("queue")).isEqualTo("country:GB");
    assertThat(types(body.getJsonArray("history"))).containsExactly("received", "routed");
    assertThat(body.getJsonArray("history").getJsonObject(0).getString("at")).endsWith("Z");
  }

  @Test
  void completesAClaimedContactAndRecordsEachStep() {
    engine.createContact("{\"channel\":\"chat\",\"dealerId\":\"CH-GVA-001\",\"text\":\"My appointment on Friday, can I move it?\"}");
    JsonObject claimed = new JsonObject(engine.post("/v1/queues/dealer:CH-GVA-001/claim", "{\"agent\":\"luc\"}").body());

    HttpResponse<String> completed = engine.post("/v1/contacts/" + claimed.getString("id") + "/complete", "");

    assertThat(completed.statusCode()).isEqualTo(200);
    JsonObject body = new JsonObject(completed.body());
    assertThat(body.getString("status")).isEqualTo("COMPLETED");
    assertThat(body.getString("agent")).isEqualTo("luc");
    assertThat(types(body.getJsonArray("history"))).containsExactly("received", "routed", "assigned", "completed");
  }

  @Test
  void completingAQueuedContactIsAConflict() {
    String id = engine.createContact("{\"channel\":\"email\",\"country\":\"DE\",\"text\":\"Frage zu Garantie\"}").getString("id");

    HttpResponse<String> response = engine.post("/v1/contacts/" + id + "/complete", "");

    assertProblem(response, 409);
    assertThat(new JsonObject(response.body()).getString("detail")).contains("QUEUED").contains("claim it first");
  }

  @Test
  void abandonsAQueuedContactOnceAndThenConflicts() {
    String id = engine.createContact("{\"channel\":\"voice\",\"country\":\"AT\",\"text\":\"Hallo\"}").getString("id");

    HttpResponse<String> first = engine.post("/v1/contacts/" + id + "/abandon", "");
    HttpResponse<String> again = engine.post("/v1/contacts/" + id + "/abandon", "");
    HttpResponse<String> complete = engine.post("/v1/contacts/" + id + "/complete", "");

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(new JsonObject(first.body()).getString("status")).isEqualTo("ABANDONED");
    assertProblem(again, 409);
    assertProblem(complete, 409);
  }

  @Test
  void unknownContactIsNotFound() {
    assertProblem(engine.get("/v1/contacts/no-such-contact"), 404);
    assertProblem(engine.post("/v1/contacts/no-such-contact/complete", ""), 404);
    assertProblem(engine.post("/v1/contacts/no-such-contact/abandon", ""), 404);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "{}",
      "{\"channel\":\"fax\"}",
      "{\"channel\":\"voice\",\"from\":{\"phone\":\"0049 89 123\"}}",
      "{\"channel\":\"voice\",\"country\":\"Germany\"}",
      "{\"channel\":\"voice\",\"colour\":\"blue\"}",
      "{\"channel\":\"voice\",\"references\":{\"vin\":42}}",
      "{\"channel\":\"voice\",\"public\":\"yes\"}",
      "{\"channel\":\"email\",\"from\":{\"email\":\"not an address\"}}",
      "{\"channel\":\"email\",\"language\":\"German\"}",
      "{\"channel\":7}"
  })
  void rejectsInvalidContactsNamingTheField(String json) {
    HttpResponse<String> response = engine.post("/v1/contacts", json);

    assertProblem(response, 400);
    JsonObject problem = new JsonObject(response.body());
    assertThat(problem.getJsonArray("errors")).isNotEmpty();
    assertThat(problem.getJsonArray("errors").getJsonObject(0).getString("field")).isNotBlank();
  }

  @Test
  void namesTheMissingChannel() {
    JsonObject problem = new JsonObject(engine.post("/v1/contacts", "{\"text\":\"hi\"}").body());

    assertThat(problem.getString("detail")).isEqualTo("channel: is required");
  }

  @Test
  void explainsThePhoneFormat() {
    JsonObject problem = new JsonObject(engine.post("/v1/contacts", "{\"channel\":\"voice\",\"from\":{\"phone\":\"089123\"}}").body());

    assertThat(problem.getString("detail")).contains("from.phone").contains("E.164");
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"channel\":", "not json", "[1,2]", "\"voice\"", "null", "{\"channel\":\"voice\"}}"})
  void rejectsMalformedBodies(String body) {
    assertProblem(engine.post("/v1/contacts", body), 400);
  }

  @Test
  void rejectsABodyWithoutJsonContentType() {
    HttpResponse<String> response = engine.send(HttpRequest.newBuilder(engine.uri("/v1/contacts"))
        .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("{\"channel\":\"voice\"}")));

    assertThat(response.statusCode()).isBetween(400, 415);
    assertThat(response.headers().firstValue("Content-Type")).hasValue(Problem.CONTENT_TYPE);
  }

  @Test
  void rejectsBodiesOver64KiB() {
    String text = "a".repeat(70 * 1024);

    HttpResponse<String> response = engine.post("/v1/contacts", "{\"channel\":\"email\",\"text\":\"" + text + "\"}");

    assertProblem(response, 413);
    assertThat(new JsonObject(response.body()).getString("detail")).contains("64 KiB");
  }

  @Test
  void unknownPathsAndMethodsAreProblems() {
    assertProblem(engine.get("/v1/nothing-here"), 404);
    assertProblem(engine.send(HttpRequest.newBuilder(engine.uri("/v1/contacts")).DELETE()), 405);
  }

  @Test
  void rejectsAnIdempotencyKeyLongerThan200Characters() {
    HttpResponse<String> response = engine.post("/v1/contacts", "{\"channel\":\"voice\"}", "k".repeat(201));

    assertProblem(response, 400);
    assertThat(new JsonObject(response.body()).getString("detail")).contains("Idempotency-Key");
  }

  @Test
  void servesTheOpenApiDocument() {
    HttpResponse<String> response = engine.get("/openapi.yaml");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("openapi: 3.1.0").contains("/v1/contacts");
  }

  @Test
  void noMalformedInputProducesA5xx() {
    java.util.Random random = new java.util.Random(42);
    List<String> fragments = List.of("{", "}", "[", "]", "\"channel\"", ":", ",", "\"voice\"", "null", "true", "1e999",
        "\"\\u0000\"", "\"from\"", "{\"phone\":", "\"+49\"", "\"references\"", "{\"a\":{\"b\":[]}}", "\"text\"", "\"\uD83D\"");
    for (int i = 0; i < 300; i++) {
      StringBuilder body = new StringBuilder();
      int parts = 1 + random.nextInt(12);
      for (int p = 0; p < parts; p++) {
        body.append(fragments.get(random.nextInt(fragments.size())));
      }
      HttpResponse<String> response = engine.post("/v1/contacts", body.toString());
      assertThat(response.statusCode()).as("status for body %s", body).isLessThan(500);
      if (response.statusCode() >= 400) {
        assertThat(response.headers().firstValue("Content-Type")).hasValue(Problem.CONTENT_TYPE);
      }
    }
  }

  private static int depth(String queue) {
    return new JsonObject(engine.get("/v1/queues/" + queue).body()).getInteger("depth");
  }

  private static List<Object> types(JsonArray history) {
    return history.stream().map(event -> ((JsonObject) event).getString("type")).map(Object.class::cast).toList();
  }

  static void assertProblem(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).as("status of %s", response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValue(Problem.CONTENT_TYPE);
    JsonObject problem = new JsonObject(response.body());
    assertThat(problem.getInteger("status")).isEqualTo(status);
    assertThat(problem.getString("detail")).isNotBlank();
  }
}
