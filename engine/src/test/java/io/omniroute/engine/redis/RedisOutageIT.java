package io.omniroute.engine.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.omniroute.engine.support.EngineProcess;
import io.omniroute.engine.support.IntakeLoad;
import io.omniroute.engine.support.IntakeLoad.Outcome;
import io.omniroute.engine.support.RedisForTests;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.embedded.RedisServer;

/**
 * Redis goes away under load and comes back: a real redis-server with an append-only file is
 * stopped and restarted on the same port while four clients keep creating contacts on an engine
 * process. Intake answers 503 problem+json with Retry-After within a second instead of hanging,
 * readiness turns false, the engine serves again without a restart, and every contact answered
 * 201 is still there.
 */
class RedisOutageIT {
  private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

  @TempDir Path work;

  @Test
  void answers503WithinASecondUnderLoadAndServesAgainAfterwardsWithNothingLost() throws Exception {
    int port = RedisForTests.freePort();
    RedisServer redis = persistentServer(port);
    redis.start();
    try (EngineProcess engine = EngineProcess.start(work, "engine", "--store", "redis",
        "--redis-url", "redis://127.0.0.1:" + port, "--redis-timeout", "500")) {
      List<Outcome> outcomes;
      long stoppedAt;
      long restartedAt;
      int readyDuringOutage;
      try (IntakeLoad load = IntakeLoad.start(List.of(engine), 4, "outage", Integer.MAX_VALUE)) {
        load.awaitCreated(200, 30_000);
        stoppedAt = System.nanoTime();
        redis.stop();
        Thread.sleep(1_500);
        readyDuringOutage = engine.get("/health/ready").statusCode();

        redis = persistentServer(port);
        redis.start();
        restartedAt = System.nanoTime();
        awaitCreatedAfter(load, restartedAt);
        load.stop();
        load.join();
        outcomes = load.outcomes();
      }

      assertThat(outcomes).as("every request reached the engine").allMatch(Outcome::reached);
      assertThat(outcomes).extracting(Outcome::status).as("statuses; the engine logged:%n%s", engine.errors())
          .containsOnly(201, 503);
      List<Outcome> during = outcomes.stream()
          .filter(o -> o.sentAtNanos() >= stoppedAt && o.sentAtNanos() < restartedAt).toList();
      List<Outcome> refused = outcomes.stream().filter(o -> o.status() == 503).toList();
      assertThat(refused).as("requests refused while Redis was away").isNotEmpty();
      assertThat(during).as("answered within a second during the outage (Redis timeout 500 ms), not hanging")
          .allSatisfy(o -> assertThat(o.tookNanos()).as(o.key()).isLessThan(SECOND));
      assertThat(refused).allSatisfy(o -> {
        assertThat(o.retryAfter()).isEqualTo("1");
        assertThat(o.contentType()).startsWith("application/problem+json");
      });
      assertThat(readyDuringOutage).as("/health/ready during the outage").isEqualTo(503);
      assertThat(outcomes).as("201s after Redis came back, without restarting the engine")
          .anyMatch(o -> o.sentAtNanos() > restartedAt && o.status() == 201);
      assertThat(engine.get("/health/ready").statusCode()).isEqualTo(200);

      List<Outcome> created = outcomes.stream().filter(o -> o.status() == 201).toList();
      for (Outcome outcome : created) {
        HttpResponse<String> found = engine.get("/v1/contacts/" + outcome.id());
        assertThat(found.statusCode()).as("contact %s answered 201", outcome.id()).isEqualTo(200);
        assertThat(new JsonObject(found.body()).getString("status")).isEqualTo("QUEUED");
      }
      for (Outcome outcome : refused) {
        assertThat(engine.post("/v1/contacts", outcome.body(), outcome.key()).statusCode())
            .as("retrying %s with its key", outcome.key()).isIn(200, 201);
      }
      assertThat(engine.scrape())
          .containsPattern("omniroute_store_errors_total\\{error=\"unavailable\",operation=\"accept\"} [1-9]");
      System.out.printf("outage test: %d created, %d refused with 503, slowest answer during the outage %d ms%n",
          created.size(), refused.size(),
          during.stream().mapToLong(Outcome::tookNanos).max().orElse(0) / 1_000_000);
    } finally {
      redis.stop();
    }
  }

  private static void awaitCreatedAfter(IntakeLoad load, long restartedAt) throws InterruptedException {
    long deadline = System.nanoTime() + 20 * SECOND;
    while (System.nanoTime() < deadline
        && load.outcomes().stream().noneMatch(o -> o.sentAtNanos() > restartedAt && o.status() == 201)) {
      Thread.sleep(50);
    }
    Thread.sleep(300);
  }

  private RedisServer persistentServer(int port) throws Exception {
    Path data = Files.createDirectories(work.resolve("redis"));
    return RedisServer.newRedisServer().bind("127.0.0.1").port(port)
        .setting("dir " + data.toAbsolutePath())
        .setting("appendonly yes")
        .setting("appendfsync always")
        .setting("save \"\"")
        .build();
  }
}
