package io.omniroute.engine.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.omniroute.engine.queue.redis.RedisConnection;
import io.omniroute.engine.support.RedisForTests;
import io.omniroute.engine.support.RunningEngine;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.embedded.RedisServer;

/**
 * Redis goes away and comes back (a real redis-server with an append-only file, stopped and
 * restarted on the same port): intake answers 503 with Retry-After quickly instead of hanging,
 * readiness turns false, and afterwards the engine serves again without a restart and every
 * contact answered 201 is still there.
 */
class RedisOutageIT {
  private static final String BODY =
      "{\"channel\":\"chat\",\"from\":{\"handle\":\"@anna\",\"network\":\"x\"},\"country\":\"DE\",\"text\":\"Hallo %d\"}";

  @TempDir Path data;

  @Test
  void answers503DuringAnOutageAndServesAgainAfterwardsWithNothingLost() throws Exception {
    int port = RedisForTests.freePort();
    RedisServer redis = persistentServer(port);
    redis.start();
    try (RunningEngine engine = RunningEngine.start(
        RedisConnection.open("redis://127.0.0.1:" + port, Duration.ofMillis(500)).store("outage", 1, Duration.ofHours(1)))) {
      List<String> accepted = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        accepted.add(create(engine, i, 201));
      }

      redis.stop();
      long start = System.nanoTime();
      HttpResponse<String> during = engine.post("/v1/contacts", BODY.formatted(100), "outage-" + UUID.randomUUID());
      long tookMillis = (System.nanoTime() - start) / 1_000_000;

      assertThat(during.statusCode()).isEqualTo(503);
      assertThat(tookMillis).as("answered within a second (redis timeout 500 ms), not hanging").isLessThan(1_000);
      assertThat(during.headers().firstValue("Retry-After")).contains("1");
      assertThat(during.headers().firstValue("Content-Type")).hasValueSatisfying(
          type -> assertThat(type).startsWith("application/problem+json"));
      assertThat(engine.get("/health/ready").statusCode()).isEqualTo(503);

      redis = persistentServer(port);
      redis.start();
      HttpResponse<String> after = null;
      for (int attempt = 0; attempt < 100; attempt++) {
        after = engine.post("/v1/contacts", BODY.formatted(200), "after-outage");
        if (after.statusCode() == 201) {
          break;
        }
        Thread.sleep(100);
      }
      assertThat(after.statusCode()).as("serves again without a restart").isEqualTo(201);
      assertThat(engine.get("/health/ready").statusCode()).isEqualTo(200);
      for (String id : accepted) {
        HttpResponse<String> found = engine.get("/v1/contacts/" + id);
        assertThat(found.statusCode()).as(id).isEqualTo(200);
        assertThat(new JsonObject(found.body()).getString("status")).isEqualTo("QUEUED");
      }
    } finally {
      redis.stop();
    }
  }

  private String create(RunningEngine engine, int i, int expectedStatus) {
    HttpResponse<String> response = engine.post("/v1/contacts", BODY.formatted(i), "before-" + i);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
    return new JsonObject(response.body()).getString("id");
  }

  private RedisServer persistentServer(int port) throws Exception {
    return RedisServer.newRedisServer().bind("127.0.0.1").port(port)
        .setting("dir " + data.toAbsolutePath())
        .setting("appendonly yes")
        .setting("appendfsync always")
        .setting("save \"\"")
        .build();
  }
}
