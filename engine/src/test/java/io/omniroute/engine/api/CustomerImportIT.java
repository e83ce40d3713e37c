package io.omniroute.engine.api;

import static io.omniroute.engine.api.ContactsApiIT.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import io.omniroute.engine.support.EngineClient;
import io.omniroute.engine.support.RunningEngine;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bulk imports of customer profiles through the running engine, as JSON Lines and as CSV. */
class CustomerImportIT {
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
  void importsTheGoodRowsAndReportsEachRejectedOneWithItsLine() {
    String rows = """
        {"id": "C-1", "name": "Anna", "identities": {"phones": ["+49891234567"]}, "ownerDealerId": "DE-MUC-001", "country": "DE"}
        {"id": "C-2", "identities": {"phones": ["12"]}, "country": "DE"}

        not json
        {"id": "C-3", "identities": {"emails": ["ben@example.com"]}, "ownerDealerId": "XX-NOPE-1"}
        {"id": "C-4", "identities": {"phones": ["+49 89 1234567"]}, "country": "DE"}
        {"id": "C-1", "name": "Anna Berger", "identities": {"phones": ["+49891234567"]}, "country": "DE"}
        {"id": "C-5", "identities": {"emails": ["Cleo@Example.com"]}, "country": "FR", "language": "fr"}
        """;

    JsonObject report = imported(engine, "application/x-ndjson", rows);

    assertThat(report.getLong("imported")).isEqualTo(2);
    assertThat(report.getLong("updated")).isEqualTo(1);
    assertThat(report.getLong("rejected")).isEqualTo(4);
    JsonArray rejects = report.getJsonArray("rejects");
    assertThat(rejects.stream().map(r -> ((JsonObject) r).getLong("line")).toList()).containsExactly(2L, 4L, 5L, 6L);
    assertThat(rejects.getJsonObject(0).getString("problem")).contains("identities.phones[0]");
    assertThat(rejects.getJsonObject(2).getString("problem")).contains("XX-NOPE-1");
    assertThat(rejects.getJsonObject(3).getString("id")).isEqualTo("C-4");
    assertThat(rejects.getJsonObject(3).getString("problem")).contains("C-1");
    assertThat(new JsonObject(engine.get("/v1/customers/C-1").body()).getString("name")).isEqualTo("Anna Berger");
    assertThat(new JsonObject(engine.get("/v1/customers?email=cleo%40example.com").body()).getString("id")).isEqualTo("C-5");
  }

  @Test
  void importsCsvWithAHeaderInAnyOrderQuotedCellsAndSeveralIdentitiesPerCell() {
    String rows = "country,id,name,phones,emails,handles,ownerDealerId,relationship\r\n"
        + "DE,C-10,\"Berger, Anna\",+49891234567;089 7654321,anna@example.com,instagram:@Anna.B,DE-MUC-001,\r\n"
        + "DE,C-11,\"Fleet \"\"Nord\"\"\nGmbH\",,fleet@example.de,,,direct\r\n"
        + "DE,C-12,too,few\r\n";

    JsonObject report = imported(engine, "text/csv; charset=utf-8", rows);

    assertThat(report.getLong("imported")).as(report.encode()).isEqualTo(2);
    assertThat(report.getJsonArray("rejects").getJsonObject(0).getLong("line")).isEqualTo(5);
    JsonObject anna = new JsonObject(engine.get("/v1/customers/C-10").body());
    assertThat(anna.getString("name")).isEqualTo("Berger, Anna");
    assertThat(anna.getJsonObject("identities").getJsonArray("phones")).containsExactly("+49891234567", "+49897654321");
    assertThat(anna.getJsonObject("identities").getJsonArray("handles").getJsonObject(0).getString("handle")).isEqualTo("anna.b");
    assertThat(anna.getString("relationship")).isEqualTo("indirect");
    JsonObject fleet = new JsonObject(engine.get("/v1/customers/C-11").body());
    assertThat(fleet.getString("name")).isEqualTo("Fleet \"Nord\"\nGmbH");
    assertThat(fleet.getString("relationship")).isEqualTo("direct");
  }

  @Test
  void aCsvHeaderWithAnUnknownColumnImportsNothing() {
    HttpResponse<String> response = post(engine, "text/csv", "id,mobile\nC-1,+49891234567\n");

    assertProblem(response, 400);
    assertThat(response.body()).contains("mobile");
    assertProblem(engine.get("/v1/customers/C-1"), 404);
  }

  @Test
  void aBodyThatIsNeitherJsonLinesNorCsvIsRefused() {
    assertProblem(post(engine, "application/json", "{\"id\":\"C-1\"}"), 415);
    assertProblem(post(engine, "text/csv; charset=latin-1", "id\nC-1\n"), 415);
  }

  @Test
  void aCountrySupervisorImportsOnlyItsCountrysCustomers() {
    String rows = "{\"id\":\"C-1\",\"country\":\"AT\"}\n{\"id\":\"C-2\",\"country\":\"DE\"}\n";

    JsonObject report = imported(engine.as("demo-supervisor-at"), "application/x-ndjson", rows);

    assertThat(report.getLong("imported")).isEqualTo(1);
    assertThat(report.getJsonArray("rejects").getJsonObject(0).getString("problem")).contains("AT");
    assertProblem(engine.get("/v1/customers/C-2"), 404);
  }

  @Test
  void importsABodyFarLargerThanTheJsonBodyLimitInBatches() {
    int rows = 20_000;
    StringBuilder body = new StringBuilder();
    for (int n = 0; n < rows; n++) {
      body.append("{\"id\":\"S-").append(n).append("\",\"identities\":{\"phones\":[\"+4930").append(1_000_000 + n)
          .append("\"],\"emails\":[\"s").append(n).append("@example.com\"]},\"country\":\"DE\"}\n");
    }
    assertThat(body.length()).isGreaterThan(30 * (int) ApiRouter.BODY_LIMIT_BYTES);

    JsonObject report = imported(engine, "application/x-ndjson", body.toString());

    assertThat(report.getLong("imported")).isEqualTo(rows);
    assertThat(report.getLong("rejected")).isZero();
    assertThat(new JsonObject(engine.get("/v1/customers?phone=%2B4930" + (1_000_000 + rows - 1)).body()).getString("id"))
        .isEqualTo("S-" + (rows - 1));
  }

  private static JsonObject imported(EngineClient client, String contentType, String rows) {
    HttpResponse<String> response = post(client, contentType, rows);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return new JsonObject(response.body());
  }

  private static HttpResponse<String> post(EngineClient client, String contentType, String rows) {
    return client.send(HttpRequest.newBuilder(client.uri("/v1/customers/import"))
        .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(rows)));
  }
}
