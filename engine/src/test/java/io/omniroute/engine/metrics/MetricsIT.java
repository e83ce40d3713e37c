package io.omniroute.engine.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.omniroute.engine.support.RunningEngine;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MetricsIT {
  private static RunningEngine engine;

  @BeforeAll
  static void start() {
    engine = RunningEngine.start();
    engine.createContact("{\"channel\":\"voice\",\"country\":\"DE\",\"text\":\"Unfall auf der A8\"}");
    engine.createContact("{\"channel\":\"email\",\"dealerId\":\"DE-MUC-001\",\"text\":\"Mein Angebot\"}");
    engine.createContact("{\"channel\":\"email\",\"dealerId\":\"DE-MUC-001\",\"text\":\"Mein Termin\"}");
    engine.post("/v1/queues/central/claim", "{\"agent\":\"eva\"}");
  }

  @AfterAll
  static void stop() {
    engine.close();
  }

  @Test
  void countsContactsByChannelLevelAndRelationshipSector() {
    assertThat(scrape())
        .contains("omniroute_contacts_received_total{channel=\"voice\",identification=\"UNIDENTIFIED\",level=\"CENTRAL\","
            + "relationship=\"direct\"} 1.0")
        .contains("omniroute_contacts_received_total{channel=\"email\",identification=\"UNIDENTIFIED\",level=\"DEALER\","
            + "relationship=\"indirect\"} 2.0");
  }

  @Test
  void recordsDecisionDurationAsAHistogram() {
    assertThat(scrape())
        .contains("# TYPE omniroute_routing_decision_duration_seconds histogram")
        .containsPattern("omniroute_routing_decision_duration_seconds_bucket\\{le=\"[0-9.E-]+\"} [0-9.]+")
        .containsPattern("omniroute_routing_decision_duration_seconds_count [3-9]");
  }

  @Test
  void showsDepthPerQueue() {
    assertThat(scrape())
        .contains("omniroute_queue_depth{level=\"DEALER\",queue=\"dealer:DE-MUC-001\"} 2.0")
        .contains("omniroute_queue_depth{level=\"CENTRAL\",queue=\"central\"} 0.0")
        .contains("omniroute_queue_depth{level=\"EXPERT\",queue=\"expert:ev-battery\"} 0.0")
        .contains("omniroute_queue_oldest_wait_seconds{level=\"DEALER\",queue=\"dealer:DE-MUC-001\"}");
  }

  @Test
  void recordsWaitUntilClaimByLevel() {
    assertThat(scrape())
        .contains("# TYPE omniroute_queue_wait_seconds histogram")
        .contains("omniroute_queue_wait_seconds_count{level=\"CENTRAL\"} 1");
  }

  @Test
  void declaresEscalationCounter() {
    engine.createContact("{\"channel\":\"voice\",\"country\":\"DE\",\"text\":\"Hallo\"}");
    assertThat(scrape()).contains("# TYPE omniroute_routing_fallbacks_total counter");
  }

  @Test
  void answersLivenessAndReadiness() {
    HttpResponse<String> live = engine.get("/health/live");
    HttpResponse<String> ready = engine.get("/health/ready");

    assertThat(live.statusCode()).isEqualTo(200);
    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(new JsonObject(ready.body()).getString("store")).isEqualTo("UP");
  }

  private static String scrape() {
    HttpResponse<String> response = engine.get("/metrics");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
    return response.body();
  }
}
