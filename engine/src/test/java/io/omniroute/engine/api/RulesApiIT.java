package io.omniroute.engine.api;

import static io.omniroute.engine.api.ContactsApiIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.omniroute.engine.support.RuleTexts;
import io.omniroute.engine.support.RunningEngine;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A supervisor's work with rules over HTTP: validate, simulate, save, activate, roll back, audit. */
class RulesApiIT {
  private static final String TAX_QUESTION = RuleTexts.TAX_QUESTION;
  private static final String DE_TAX_TO_BERLIN = RuleTexts.taxQuestionsTo("DE-BER-001");
  private static final String DE_TAX_TO_MUNICH = RuleTexts.taxQuestionsTo("DE-MUC-001");

  private RunningEngine engine;

  static String text(String drl) {
    return new JsonObject().put("text", drl).encode();
  }

  @BeforeEach
  void start() {
    engine = RunningEngine.start();
  }

  @AfterEach
  void stop() {
    engine.close();
  }

  private JsonObject ok(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return new JsonObject(response.body());
  }

  private int save(String scope, String drl, String comment) {
    return ok(engine.post("/v1/rules/" + scope + "/versions",
        new JsonObject().put("text", drl).put("comment", comment).encode()), 201).getInteger("version");
  }

  private JsonObject activate(String scope, int version) {
    return ok(engine.post("/v1/rules/" + scope + "/activate", "{\"version\":" + version + "}"), 200);
  }

  @Test
  void theBundledDefaultIsActiveGlobalVersionOne() {
    JsonObject rules = ok(engine.get("/v1/rules"), 200);

    assertThat(rules.getJsonArray("scopes")).containsExactly(
        new JsonObject().put("scope", "global").put("activeVersion", 1).put("inForce", "global:1"));
    JsonObject first = ok(engine.get("/v1/rules/global/versions/1"), 200);
    assertThat(first.getString("author")).isEqualTo("omniroute");
    assertThat(first.getBoolean("active")).isTrue();
    assertThat(first.getString("text")).contains("rule \"Route: critical to the central desk\"");
  }

  @Test
  void validateListsEveryProblemWithLineAndColumn() {
    String drl = """
        package io.omniroute.rules;

        import java.io.File;

        rule "Wipe"
        when
          $a : Assessment()
        then
          System.exit( 0 );
        end
        """;

    JsonObject answer = ok(engine.post("/v1/rules/DE/validate", text(drl)), 200);

    assertThat(answer.getBoolean("valid")).isFalse();
    JsonArray problems = answer.getJsonArray("problems");
    assertThat(problems).hasSize(2);
    assertThat(problems.getJsonObject(0).getInteger("line")).isEqualTo(3);
    assertThat(problems.getJsonObject(0).getString("message")).contains("java.io.File");
    assertThat(problems.getJsonObject(1).getInteger("line")).isEqualTo(9);
    assertThat(problems.getJsonObject(1).getInteger("column")).isPositive();
    assertThat(ok(engine.post("/v1/rules/DE/validate", text(DE_TAX_TO_BERLIN)), 200))
        .isEqualTo(new JsonObject().put("valid", true).put("problems", new JsonArray()));
  }

  @Test
  void refusesToSaveRulesThatDoNotCompile() {
    HttpResponse<String> refused = engine.post("/v1/rules/DE/versions", text("package io.omniroute.rules;\nrule \"x\" when then"));

    assertProblem(refused, 422);
    JsonObject error = new JsonObject(refused.body()).getJsonArray("errors").getJsonObject(0);
    assertThat(error.getString("field")).isEqualTo("/text");
    assertThat(error.getInteger("line")).isPositive();
    assertThat(ok(engine.get("/v1/rules/DE/versions"), 200).getJsonArray("versions")).isEmpty();
  }

  @Test
  void simulatesADraftAgainstTheContactsTheEngineSaw() {
    engine.createContact(TAX_QUESTION);
    engine.createContact(TAX_QUESTION);
    engine.createContact("{\"channel\":\"email\",\"country\":\"DE\",\"text\":\"Welche Farben gibt es?\"}");
    engine.createContact("{\"channel\":\"email\",\"country\":\"AT\",\"text\":\"Wie hoch ist die Kfz-Steuer?\"}");

    JsonObject simulation = ok(engine.post("/v1/rules/DE/simulate",
        new JsonObject().put("text", DE_TAX_TO_BERLIN).put("lastSeen", 10).encode()), 200);

    assertThat(simulation.getInteger("contacts")).isEqualTo(4);
    assertThat(simulation.getInteger("moved")).isEqualTo(2);
    assertThat(simulation.getString("draft")).isEqualTo("DE:draft");
    assertThat(simulation.getJsonObject("active").getMap()).containsEntry("global", "global:1");
    assertThat(simulation.getJsonArray("summary")).contains("2 contacts move from country:DE to dealer:DE-BER-001.");
    assertThat(simulation.getJsonArray("moves")).containsExactly(
        new JsonObject().put("from", "country:DE").put("to", "dealer:DE-BER-001").put("count", 2));
    JsonObject first = simulation.getJsonArray("results").getJsonObject(0);
    assertThat(first.getString("id")).isNotBlank();
    assertThat(first.getBoolean("moved")).isTrue();
    assertThat(first.getJsonObject("active").getString("queue")).isEqualTo("country:DE");
    assertThat(first.getJsonObject("draft").getString("queue")).isEqualTo("dealer:DE-BER-001");
    assertThat(first.getJsonObject("draft").getString("rulesVersion")).isEqualTo("global:1+DE:draft");
    assertThat(ok(engine.get("/v1/rules"), 200).getJsonArray("scopes")).hasSize(1);
  }

  @Test
  void simulatesASavedVersionAgainstGivenContactsAndGroupsMovesByLevel() {
    String spread = """
        package io.omniroute.rules;

        rule "Tax to Berlin"
        when
          $a : Assessment( mentionsAny("kfz-steuer") )
        then
          $a.routeDealer( "DE-BER-001" );
        end

        rule "Colours to Munich"
        when
          $a : Assessment( mentionsAny("farben") )
        then
          $a.routeDealer( "DE-MUC-001" );
        end
        """;
    int version = save("DE", spread, "two dealers");
    JsonArray contacts = new JsonArray()
        .add(new JsonObject(TAX_QUESTION))
        .add(new JsonObject().put("channel", "chat").put("country", "DE").put("text", "Welche Farben gibt es?"))
        .add(new JsonObject().put("channel", "chat").put("country", "DE").put("text", "Wann habt ihr offen?"));

    JsonObject simulation = ok(engine.post("/v1/rules/DE/simulate",
        new JsonObject().put("version", version).put("contacts", contacts).encode()), 200);

    assertThat(simulation.getString("draft")).isEqualTo("DE:1");
    assertThat(simulation.getJsonArray("summary").getList()).containsExactly(
        "3 contacts simulated: 2 move, 1 keeps its queue.",
        "2 contacts move from country:DE to dealer queues (dealer:DE-BER-001 1, dealer:DE-MUC-001 1).");
    assertThat(simulation.getJsonArray("results").getJsonObject(2).getBoolean("moved")).isFalse();
  }

  @Test
  void simulateNeedsExactlyOneDraftAndOneSetOfContacts() {
    assertProblem(engine.post("/v1/rules/DE/simulate", "{\"lastSeen\":5}"), 400);
    assertProblem(engine.post("/v1/rules/DE/simulate",
        new JsonObject().put("text", DE_TAX_TO_BERLIN).put("version", 1).put("lastSeen", 5).encode()), 400);
    assertProblem(engine.post("/v1/rules/DE/simulate", text(DE_TAX_TO_BERLIN)), 400);
    assertProblem(engine.post("/v1/rules/DE/simulate", "{\"version\":3,\"lastSeen\":5}"), 404);
    assertProblem(engine.post("/v1/rules/DE/simulate",
        new JsonObject().put("text", "rule").put("lastSeen", 5).encode()), 422);
  }

  @Test
  void activatesASavedVersionAtOnceAndRollsBack() {
    assertThat(engine.createContact(TAX_QUESTION).getString("rulesVersion")).isEqualTo("global:1");
    int berlin = save("DE", DE_TAX_TO_BERLIN, "tax questions to Berlin");
    int munich = save("DE", DE_TAX_TO_MUNICH, "tax questions to Munich");

    JsonObject activated = activate("DE", berlin);
    JsonObject first = engine.createContact(TAX_QUESTION);
    activate("DE", munich);
    JsonObject second = engine.createContact(TAX_QUESTION);
    activate("DE", berlin);
    JsonObject rolledBack = engine.createContact(TAX_QUESTION);

    assertThat(activated.getJsonObject("inForce").getMap()).containsEntry("DE", "DE:1").containsEntry("global", "global:1");
    assertThat(first.getJsonObject("route").getString("queue")).isEqualTo("dealer:DE-BER-001");
    assertThat(first.getString("rulesVersion")).isEqualTo("global:1+DE:1");
    assertThat(second.getJsonObject("route").getString("queue")).isEqualTo("dealer:DE-MUC-001");
    assertThat(second.getString("rulesVersion")).isEqualTo("global:1+DE:2");
    assertThat(rolledBack.getString("rulesVersion")).isEqualTo("global:1+DE:1");
    JsonObject versions = ok(engine.get("/v1/rules/DE/versions"), 200);
    assertThat(versions.getInteger("activeVersion")).isEqualTo(1);
    assertThat(versions.getJsonArray("versions").getJsonObject(1).getString("comment")).isEqualTo("tax questions to Munich");
    assertThat(versions.getJsonArray("versions").getJsonObject(1).containsKey("text")).isFalse();
  }

  @Test
  void anActivationKeepsTheGlobalSafetyRouteForEmergencies() {
    String everythingToMunich = """
        package io.omniroute.rules;

        rule "Everything to Munich"
        when
          $a : Assessment()
        then
          $a.routeDealer( "DE-MUC-001" );
        end
        """;
    activate("DE", save("DE", everythingToMunich, "all to Munich"));

    JsonObject accident = engine.createContact(
        "{\"channel\":\"voice\",\"country\":\"DE\",\"text\":\"Ich hatte einen Unfall, das Auto brennt\"}");

    assertThat(accident.getJsonObject("route").getString("queue")).isEqualTo("central");
    assertThat(accident.getString("rulesVersion")).isEqualTo("global:1");
  }

  @Test
  void answersUnknownScopesAndVersionsWithProblems() {
    assertProblem(engine.get("/v1/rules/XX/versions"), 404);
    assertProblem(engine.get("/v1/rules/germany/versions"), 400);
    assertProblem(engine.get("/v1/rules/DE/versions/4"), 404);
    assertProblem(engine.post("/v1/rules/DE/activate", "{\"version\":4}"), 404);
    assertProblem(engine.post("/v1/rules/DE/activate", "{\"version\":\"latest\"}"), 400);
    assertThat(ok(engine.get("/v1/rules"), 200).getJsonArray("scopes")).hasSize(1);
  }

  @Test
  void auditsEverySaveAndActivationNewestFirst() {
    int version = save("DE", DE_TAX_TO_BERLIN, "tax questions to Berlin");
    engine.post("/v1/rules/DE/activate", "{\"version\":" + version + ",\"comment\":\"go live\"}");

    JsonArray entries = ok(engine.get("/v1/audit?limit=3"), 200).getJsonArray("entries");

    assertThat(entries).hasSize(3);
    List<String> actions = entries.stream().map(e -> ((JsonObject) e).getString("action") + " "
        + ((JsonObject) e).getString("scope") + ":" + ((JsonObject) e).getInteger("version") + " "
        + ((JsonObject) e).getString("comment")).toList();
    assertThat(actions).containsExactly(
        "activated DE:1 go live", "saved DE:1 tax questions to Berlin", "activated global:1 bundled default policy");
    assertThat(entries.getJsonObject(0).getString("at")).isNotBlank();
    assertThat(entries.getJsonObject(0).getString("actor")).isNotBlank();
  }
}
