package io.omniroute.engine.contact;

import static org.assertj.core.api.Assertions.assertThat;

import io.omniroute.engine.support.RunningEngine;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How {@code Idempotency-Key} behaves, whatever the store: a key belongs to the caller that sent
 * it, and reusing it with another body is refused. Subclasses start the engine on their store.
 */
abstract class IdempotencyContract {
  private static final String ANNA = "{\"channel\":\"email\",\"from\":{\"email\":\"anna@example.de\"},"
      + "\"country\":\"DE\",\"text\":\"When is my service due?\"}";
  private static final String ANNA_REORDERED = "{\"text\":\"When is my service due?\",\"country\":\"DE\","
      + "\"from\":{\"email\":\"anna@example.de\"},\"channel\":\"email\"}";
  private static final String BEN = "{\"channel\":\"voice\",\"from\":{\"phone\":\"+498912345678\"},\"country\":\"DE\"}";

  private RunningEngine engine;

  protected abstract RunningEngine startEngine();

  @BeforeEach
  void start() {
    engine = startEngine();
  }

  @AfterEach
  void stop() {
    engine.close();
  }

  @Test
  void aKeyBelongsToTheCallerThatSentIt() {
    HttpResponse<String> first = engine.as("demo-adapter").post("/v1/contacts", ANNA, "order-1");
    HttpResponse<String> otherCaller = engine.as("demo-telephony").post("/v1/contacts", BEN, "order-1");
    HttpResponse<String> otherCallerAgain = engine.as("demo-telephony").post("/v1/contacts", BEN, "order-1");

    assertThat(first.statusCode()).isEqualTo(201);
    assertThat(otherCaller.statusCode()).as(otherCaller.body()).isEqualTo(201);
    assertThat(id(otherCaller)).isNotEqualTo(id(first));
    assertThat(new JsonObject(otherCaller.body()).getJsonObject("route").getString("queue")).isEqualTo("country:DE");
    assertThat(otherCallerAgain.statusCode()).isEqualTo(200);
    assertThat(id(otherCallerAgain)).isEqualTo(id(otherCaller));
  }

  @Test
  void aKeyReusedWithAnotherBodyIsRefusedAndStoresNothing() {
    HttpResponse<String> first = engine.post("/v1/contacts", ANNA, "order-2");
    int depth = depth();

    HttpResponse<String> reused = engine.post("/v1/contacts", BEN, "order-2");

    assertThat(reused.statusCode()).as(reused.body()).isEqualTo(422);
    assertThat(reused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(new JsonObject(reused.body()).getString("detail")).contains("Idempotency-Key", id(first));
    assertThat(depth()).isEqualTo(depth);
  }

  @Test
  void aRepeatedBodyIsTheSameWhateverTheOrderOfItsKeys() {
    HttpResponse<String> first = engine.post("/v1/contacts", ANNA, "order-3");
    HttpResponse<String> repeated = engine.post("/v1/contacts", ANNA_REORDERED, "order-3");

    assertThat(repeated.statusCode()).isEqualTo(200);
    assertThat(id(repeated)).isEqualTo(id(first));
  }

  private int depth() {
    return new JsonObject(engine.get("/v1/queues/country:DE").body()).getInteger("depth");
  }

  private static String id(HttpResponse<String> response) {
    return new JsonObject(response.body()).getString("id");
  }
}
