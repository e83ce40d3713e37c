package io.omniroute.engine.api;

import static io.omniroute.engine.api.ContactsApiIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.omniroute.engine.support.RunningEngine;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The contract is read strictly: numbers in paths, queries and bodies are read one way and
 * range-checked, JSON bodies with duplicate keys or of another media type are refused, and every
 * refusal is a 400 or 415 problem that names what to fix, never a 5xx or a silently changed value.
 */
class StrictContractIT {
  private static final String CONTACT = "{\"channel\":\"email\",\"text\":\"Which colours are there?\"}";
  private static RunningEngine engine;

  @BeforeAll
  static void start() {
    engine = RunningEngine.start();
  }

  @AfterAll
  static void stop() {
    engine.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {"+5", "%205", "5%20", "05", "5.0", "1e2", "0x10", "%EF%BC%95", "-0"})
  void refusesAnIntegerQueryParameterWrittenOtherThanWithPlainDigits(String limit) {
    HttpResponse<String> response = engine.get("/v1/audit?limit=" + limit);

    assertProblem(response, 400);
    JsonObject problem = new JsonObject(response.body());
    assertThat(problem.getString("detail")).contains("limit");
    assertThat(problem.getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("limit");
  }

  @Test
  void acceptsAPlainIntegerQueryParameter() {
    assertThat(engine.get("/v1/audit?limit=5").statusCode()).isEqualTo(200);
    assertThat(engine.get("/v1/queues/central?limit=1000").statusCode()).isEqualTo(200);
  }

  @ParameterizedTest
  @ValueSource(strings = {"2147483648", "4294967297", "9223372036854775808", "99999999999999999999999999"})
  void refusesAnIntegerPathParameterBeyondItsRange(String version) {
    HttpResponse<String> response = engine.get("/v1/rules/DE/versions/" + version);

    assertProblem(response, 400);
    assertThat(new JsonObject(response.body()).getString("detail")).contains("version");
  }

  @Test
  void refusesANumberTooLargeForADoubleWhereAChannelIsExpected() {
    HttpResponse<String> response = engine.post("/v1/contacts", "{\"channel\": 1e400}");

    assertProblem(response, 400);
    assertThat(new JsonObject(response.body()).getJsonArray("errors").getJsonObject(0).getString("field"))
        .isEqualTo("channel");
  }

  @Test
  void refusesAnActivationWhoseVersionWouldWrapAndActivatesNothing() {
    HttpResponse<String> response = engine.post("/v1/rules/FR/activate", "{\"version\": 4294967297}");

    assertProblem(response, 400);
    assertThat(new JsonObject(response.body()).getString("detail")).contains("version");
    assertThat(engine.get("/v1/audit").body()).doesNotContain("\"scope\":\"FR\"");
    assertThat(engine.get("/v1/rules").body()).doesNotContain("\"FR\"");
  }

  @Test
  void refusesASimulationOfAVersionThatWouldWrap() {
    engine.createContact(CONTACT);

    assertProblem(engine.post("/v1/rules/global/simulate", "{\"version\": 4294967297, \"lastSeen\": 1}"), 400);
    assertProblem(engine.post("/v1/rules/global/simulate", "{\"version\": 1, \"lastSeen\": 4294967297}"), 400);
  }

  @Test
  void readsAnIntegerWrittenWithAZeroFraction() {
    assertThat(engine.post("/v1/rules/global/activate", "{\"version\": 1.0}").statusCode()).isEqualTo(200);
    assertProblem(engine.post("/v1/rules/global/activate", "{\"version\": 1.5}"), 400);
  }

  @Test
  void refusesDuplicateKeysNamingTheKey() {
    HttpResponse<String> response = engine.post("/v1/contacts", "{\"channel\":\"fax\",\"channel\":\"email\"}");

    assertProblem(response, 400);
    assertThat(new JsonObject(response.body()).getString("detail")).contains("channel").contains("more than once");
  }

  @Test
  void refusesDuplicateKeysInNestedObjects() {
    assertProblem(engine.post("/v1/contacts",
        "{\"channel\":\"voice\",\"from\":{\"phone\":\"+498912345678\",\"phone\":\"+431234567\"}}"), 400);
  }

  @ParameterizedTest
  @ValueSource(strings = {"application/jsonx", "application/json-patch+json", "text/json", "application/json; charset=iso-8859-1",
      "application/json; charset=utf-16", "application/json;;", "application", "*/*"})
  void refusesBodiesOfAnotherMediaType(String contentType) {
    HttpResponse<String> response = engine.send(HttpRequest.newBuilder(engine.uri("/v1/contacts"))
        .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(CONTACT)));

    assertProblem(response, 415);
    assertThat(new JsonObject(response.body()).getString("detail")).contains("application/json");
  }

  @ParameterizedTest
  @ValueSource(strings = {"application/json", "Application/JSON", "application/json; charset=utf-8",
      "application/json;charset=\"UTF-8\""})
  void acceptsJsonInUtf8(String contentType) {
    HttpResponse<String> response = engine.send(HttpRequest.newBuilder(engine.uri("/v1/contacts"))
        .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(CONTACT)));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
  }

  @Test
  void refusesAContentEncodingItDoesNotDecode() {
    HttpResponse<String> response = engine.send(HttpRequest.newBuilder(engine.uri("/v1/contacts"))
        .header("Content-Type", "application/json").header("Content-Encoding", "gzip")
        .POST(HttpRequest.BodyPublishers.ofString(CONTACT)));

    assertProblem(response, 415);
    assertThat(new JsonObject(response.body()).getString("detail")).contains("Content-Encoding");
    HttpResponse<String> identity = engine.send(HttpRequest.newBuilder(engine.uri("/v1/contacts"))
        .header("Content-Type", "application/json").header("Content-Encoding", "identity")
        .POST(HttpRequest.BodyPublishers.ofString(CONTACT)));
    assertThat(identity.statusCode()).isEqualTo(201);
  }

  @ParameterizedTest
  @ValueSource(strings = {"{\"channel\":\"email\",\"country\":\"DE\\n\"}", "{\"channel\":\"email\",\"language\":\"de\\n\"}",
      "{\"channel\":\"voice\",\"from\":{\"phone\":\"+498912345678\\n\"}}",
      "{\"channel\":\"email\",\"from\":{\"email\":\"anna\u00a0x@example.com\"}}",
      "{\"channel\":\"email\",\"from\":{\"email\":\"anna@example.com\\n\"}}"})
  void patternsMatchTheWholeValueAsJsonSchemaDefinesThem(String body) {
    HttpResponse<String> response = engine.post("/v1/contacts", body);

    assertProblem(response, 400);
  }

  @Test
  void aRuleTextOfEmojiIsAnsweredAtOnceWithABoundedListOfProblems() {
    String request = new JsonObject().put("text", "\uD83D\uDE00".repeat(200_000)).encode();

    HttpResponse<String> response = engine.post("/v1/rules/DE/validate", request);

    assertThat(response.statusCode()).isEqualTo(200);
    JsonObject answer = new JsonObject(response.body());
    assertThat(answer.getBoolean("valid")).isFalse();
    assertThat(answer.getJsonArray("problems")).hasSize(101);
    assertThat(response.body().length()).isLessThan(request.length() / 10);
  }

  @Test
  void aSimulationBodyOfNoneOfItsFormsIsToldTheForms() {
    HttpResponse<String> both = engine.post("/v1/rules/DE/simulate", "{\"text\":\"x\",\"version\":1,\"lastSeen\":5}");

    assertProblem(both, 400);
    JsonArray errors = new JsonObject(both.body()).getJsonArray("errors");
    assertThat(errors).hasSize(1);
    assertThat(errors.getJsonObject(0).getString("message")).contains("'text' or as a saved 'version' (not both)");
  }

  @Test
  void aSimulationBodyOfOneFormIsToldWhatIsWrongWithinIt() {
    HttpResponse<String> response = engine.post("/v1/rules/DE/simulate", "{\"text\":\"x\",\"lastSeen\":0}");

    assertProblem(response, 400);
    JsonArray errors = new JsonObject(response.body()).getJsonArray("errors");
    assertThat(errors).hasSize(1);
    assertThat(errors.getJsonObject(0).getString("field")).isEqualTo("lastSeen");
  }
}
