package io.omniroute.engine.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.omniroute.engine.support.EngineClient;
import io.omniroute.engine.support.RunningEngine;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The access matrix on a real engine with the demo tokens: who may call which endpoint, 401 before
 * validation, and a dealer working its own queue only.
 */
class ApiAccessIT {
  static final String DEALER_MAIL = "{\"channel\":\"email\",\"from\":{\"email\":\"anna@example.com\"},"
      + "\"dealerId\":\"DE-MUC-001\",\"references\":{\"vin\":\"WNW12345678901234\"},\"text\":\"Wann ist mein Auto fertig?\"}";

  RunningEngine engine;

  @BeforeEach
  void start() {
    engine = RunningEngine.start();
  }

  @AfterEach
  void stop() {
    engine.close();
  }

  @Test
  void withoutATokenOnlyHealthAndTheContractAreServed() {
    EngineClient anonymous = engine.anonymous();

    HttpResponse<String> queues = anonymous.get("/v1/queues");
    assertThat(queues.statusCode()).isEqualTo(401);
    assertThat(queues.headers().firstValue("WWW-Authenticate")).contains("Bearer realm=\"omniroute\"");
    assertThat(queues.headers().firstValue("Content-Type")).contains("application/problem+json");
    assertThat(anonymous.get("/metrics").statusCode()).isEqualTo(401);
    assertThat(anonymous.get("/health/live").statusCode()).isEqualTo(200);
    assertThat(anonymous.get("/health/ready").statusCode()).isEqualTo(200);
    assertThat(anonymous.get("/openapi.yaml").statusCode()).isEqualTo(200);
  }

  @Test
  void anUnknownTokenIs401AndComesBeforeValidation() {
    assertThat(engine.as("guessed").get("/v1/queues").statusCode()).isEqualTo(401);
    assertThat(engine.anonymous().post("/v1/contacts", "{\"channel\":\"fax\"}").statusCode()).isEqualTo(401);
    assertThat(engine.as("demo-ops").post("/v1/contacts", "{\"channel\":\"fax\"}").statusCode()).isEqualTo(403);
  }

  @Test
  void intakeIsForTelephonyAndAdaptersAndReadingForOps() {
    assertThat(engine.as("demo-telephony").post("/v1/contacts", DEALER_MAIL).statusCode()).isEqualTo(201);
    assertThat(engine.as("demo-adapter").post("/v1/contacts", DEALER_MAIL).statusCode()).isEqualTo(201);
    assertThat(engine.as("demo-supervisor").post("/v1/contacts", DEALER_MAIL).statusCode()).isEqualTo(403);
    assertThat(engine.as("demo-telephony").get("/v1/queues").statusCode()).isEqualTo(403);
    assertThat(engine.as("demo-ops").get("/v1/queues").statusCode()).isEqualTo(200);
    assertThat(engine.as("demo-ops").get("/metrics").statusCode()).isEqualTo(200);
    assertThat(engine.as("demo-supervisor").get("/metrics").statusCode()).isEqualTo(403);
    HttpResponse<String> forbidden = engine.as("demo-ops").post("/v1/queues/central/claim", "{\"agent\":\"x\"}");
    assertThat(forbidden.statusCode()).isEqualTo(403);
    assertThat(new JsonObject(forbidden.body()).getString("detail")).contains("admin, supervisor (global)");
  }

  @Test
  void aDealerClaimsAndCompletesInItsOwnQueueOnly() {
    String id = engine.as("demo-telephony").createContact(DEALER_MAIL).getString("id");
    EngineClient munich = engine.as("demo-dealer-de-muc-001");
    EngineClient berlin = engine.as("demo-dealer-de-ber-001");

    assertThat(berlin.get("/v1/queues/dealer:DE-MUC-001").statusCode()).isEqualTo(403);
    assertThat(berlin.post("/v1/queues/dealer:DE-MUC-001/claim", "{\"agent\":\"b\"}").statusCode()).isEqualTo(403);
    assertThat(munich.get("/v1/queues/dealer:DE-MUC-001").statusCode()).isEqualTo(200);
    assertThat(munich.get("/v1/queues/central").statusCode()).isEqualTo(403);
    HttpResponse<String> claimed = munich.post("/v1/queues/dealer:DE-MUC-001/claim", "{\"agent\":\"sepp\"}");
    assertThat(claimed.statusCode()).isEqualTo(200);
    assertThat(new JsonObject(claimed.body()).getString("id")).isEqualTo(id);

    assertThat(berlin.post("/v1/contacts/" + id + "/complete", "{}").statusCode()).isEqualTo(404);
    assertThat(munich.post("/v1/contacts/" + id + "/complete", "{}").statusCode()).isEqualTo(200);
  }

  @Test
  void aDealerCannotTellAnotherQueuesContactFromAnUnknownId() {
    String id = engine.as("demo-telephony").createContact(
        "{\"channel\":\"email\",\"country\":\"DE\",\"text\":\"Welche Farben gibt es?\"}").getString("id");
    assertThat(engine.post("/v1/queues/country:DE/claim", "{\"agent\":\"desk\"}").statusCode()).isEqualTo(200);
    String unknown = "00000000-0000-4000-8000-000000000000";
    EngineClient munich = engine.as("demo-dealer-de-muc-001");

    HttpResponse<String> notYours = munich.post("/v1/contacts/" + id + "/complete", "{}");
    HttpResponse<String> notKnown = munich.post("/v1/contacts/" + unknown + "/complete", "{}");

    assertThat(notYours.statusCode()).isEqualTo(404).isEqualTo(notKnown.statusCode());
    assertThat(notYours.body().replace(id, unknown)).isEqualTo(notKnown.body());
    assertThat(notYours.headers().map().keySet()).isEqualTo(notKnown.headers().map().keySet());
    assertThat(engine.get("/v1/contacts/" + id).body()).contains("\"status\":\"ASSIGNED\"");
  }

  @Test
  void aDealerCannotTellAnotherDealersQueueFromAnUnknownOne() {
    EngineClient munich = engine.as("demo-dealer-de-muc-001");

    HttpResponse<String> notYours = munich.get("/v1/queues/dealer:DE-BER-001");
    HttpResponse<String> notKnown = munich.get("/v1/queues/dealer:DE-XYZ-999");

    assertThat(notYours.statusCode()).isEqualTo(403).isEqualTo(notKnown.statusCode());
    assertThat(notYours.body().replace("DE-BER-001", "DE-XYZ-999")).isEqualTo(notKnown.body());
  }
}
