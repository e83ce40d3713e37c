package io.omniroute.engine.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.omniroute.engine.queue.redis.RedisQueueStore;
import io.omniroute.engine.redis.RedisConnection;
import io.omniroute.engine.support.RedisForTests;
import io.omniroute.engine.support.RunningEngine;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The engine's HTTP API on the Redis store: intake, idempotency, claim, complete, readiness. */
class RedisEngineIT {

  @Test
  void routesClaimsAndCompletesAContactStoredInRedis() {
    String namespace = "engine-it-" + UUID.randomUUID();
    try (RunningEngine engine = RunningEngine.start(
        RedisQueueStore.open(RedisConnection.open(RedisForTests.url(), Duration.ofSeconds(2)), namespace, 1, Duration.ofHours(1)))) {
      String body = "{\"channel\":\"email\",\"from\":{\"email\":\"anna@example.de\"},\"dealerId\":\"DE-MUC-001\","
          + "\"text\":\"Is my car ready?\",\"references\":{\"vin\":\"WNW1\"}}";
      HttpResponse<String> created = engine.post("/v1/contacts", body, "redis-it-1");
      HttpResponse<String> repeated = engine.post("/v1/contacts", body, "redis-it-1");

      assertThat(created.statusCode()).isEqualTo(201);
      assertThat(repeated.statusCode()).isEqualTo(200);
      String id = new JsonObject(created.body()).getString("id");
      assertThat(new JsonObject(repeated.body()).getString("id")).isEqualTo(id);
      assertThat(new JsonObject(created.body()).getJsonObject("route").getString("queue")).isEqualTo("dealer:DE-MUC-001");

      HttpResponse<String> claimed = engine.post("/v1/queues/dealer:DE-MUC-001/claim", "{\"agent\":\"agent-1\"}");
      assertThat(claimed.statusCode()).isEqualTo(200);
      assertThat(new JsonObject(claimed.body()).getString("id")).isEqualTo(id);

      HttpResponse<String> completed = engine.post("/v1/contacts/" + id + "/complete", "{}");
      assertThat(completed.statusCode()).as(completed.body()).isEqualTo(200);
      JsonObject stored = new JsonObject(engine.get("/v1/contacts/" + id).body());
      assertThat(stored.getString("status")).isEqualTo("COMPLETED");
      assertThat(engine.get("/health/ready").statusCode()).isEqualTo(200);
    }
  }
}
