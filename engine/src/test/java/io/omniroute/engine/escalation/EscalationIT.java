package io.omniroute.engine.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import io.omniroute.engine.support.RunningEngine;
import io.omniroute.engine.support.TestClock;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EscalationIT {
  private final TestClock clock = new TestClock(Instant.parse("2026-03-02T09:00:00Z"));
  private RunningEngine engine;

  @BeforeEach
  void start() {
    engine = RunningEngine.start(clock);
  }

  @AfterEach
  void stop() {
    engine.close();
  }

  @Test
  void escalatesAnUnclaimedDealerContactToTheCountryThenToTheCentralDesk() {
    JsonObject created = engine.createContact("{\"channel\":\"chat\",\"dealerId\":\"DE-HAM-001\","
        + "\"references\":{\"orderId\":\"A-77\"},\"text\":\"Where is my order?\"}");
    String id = created.getString("id");
    assertThat(created.getJsonObject("route").getString("queue")).isEqualTo("dealer:DE-HAM-001");
    assertThat(created.getJsonObject("route").getString("deadline")).isEqualTo("2026-03-02T09:01:00Z");

    clock.advance(Duration.ofSeconds(59));
    assertThat(runOnce()).isZero();

    clock.advance(Duration.ofSeconds(1));
    assertThat(runOnce()).isEqualTo(1);
    JsonObject atCountry = contact(id);
    assertThat(atCountry.getJsonObject("current").getString("queue")).isEqualTo("country:DE");
    assertThat(atCountry.getJsonObject("current").getString("level")).isEqualTo("COUNTRY");
    assertThat(atCountry.getJsonObject("current").getInteger("priority")).isGreaterThan(20);
    assertThat(atCountry.getJsonObject("current").getString("deadline")).isEqualTo("2026-03-02T09:02:00Z");
    assertThat(queueIds("dealer:DE-HAM-001")).doesNotContain(id);
    assertThat(queueIds("country:DE")).contains(id);

    clock.advance(Duration.ofSeconds(60));
    assertThat(runOnce()).isEqualTo(1);
    JsonObject atCentral = contact(id);
    assertThat(atCentral.getJsonObject("current").getString("queue")).isEqualTo("central");
    JsonArray history = atCentral.getJsonArray("history");
    assertThat(history.stream().map(e -> ((JsonObject) e).getString("type")).toList())
        .containsExactly("received", "routed", "escalated", "escalated");
    assertThat(history.getJsonObject(2).getString("detail")).isEqualTo("from dealer:DE-HAM-001 to country:DE");
    assertThat(history.getJsonObject(2).getString("at")).isEqualTo("2026-03-02T09:01:00Z");

    clock.advance(Duration.ofHours(1));
    assertThat(runOnce()).as("the central desk is the top of the ladder").isZero();
  }

  @Test
  void escalatedContactIsServedBeforeContactsOfTheSameUrgencyAtItsNewLevel() {
    String first = engine.createContact("{\"channel\":\"chat\",\"dealerId\":\"AT-GRZ-001\",\"text\":\"My quote, please\"}")
        .getString("id");
    clock.advance(Duration.ofSeconds(30));
    String waitingAtCountry = engine.createContact("{\"channel\":\"chat\",\"country\":\"AT\",\"text\":\"Opening hours?\"}")
        .getString("id");
    clock.advance(Duration.ofSeconds(31));
    runOnce();

    assertThat(queueIds("country:AT")).containsExactly(first, waitingAtCountry);
  }

  @Test
  void claimedContactsDoNotEscalate() {
    engine.createContact("{\"channel\":\"voice\",\"dealerId\":\"GB-MAN-001\",\"text\":\"About my car\"}");
    engine.post("/v1/queues/dealer:GB-MAN-001/claim", "{\"agent\":\"jo\"}");

    clock.advance(Duration.ofMinutes(5));

    assertThat(runOnce()).isZero();
  }

  @Test
  void countsEscalationsByLevelsInMetrics() {
    engine.createContact("{\"channel\":\"voice\",\"dealerId\":\"FR-PAR-001\",\"text\":\"Mon rendez-vous\",\"references\":{\"appointmentId\":\"R1\"}}");
    clock.advance(Duration.ofSeconds(21));
    runOnce();

    String metrics = engine.get("/metrics").body();

    assertThat(metrics).containsPattern("omniroute_escalations_total\\{from=\"DEALER\",to=\"COUNTRY\"} 1\\.0");
  }

  private int runOnce() {
    try {
      return engine.engine().escalation().runOnce().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private JsonObject contact(String id) {
    return new JsonObject(engine.get("/v1/contacts/" + id).body());
  }

  private java.util.List<String> queueIds(String queue) {
    return new JsonObject(engine.get("/v1/queues/" + queue).body()).getJsonArray("contacts").stream()
        .map(c -> ((JsonObject) c).getString("id")).toList();
  }
}
