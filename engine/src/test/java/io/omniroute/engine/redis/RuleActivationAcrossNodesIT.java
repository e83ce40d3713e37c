package io.omniroute.engine.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.omniroute.engine.support.EngineProcess;
import io.omniroute.engine.support.RedisForTests;
import io.omniroute.engine.support.RuleTexts;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.embedded.RedisServer;

/**
 * Two engine processes on one Redis share rule versions: a version saved on one node is
 * activated there, and the other node decides with it within a second (pub/sub); a rollback on
 * the other node travels back the same way; a node started later decides with the active
 * versions at once and sees the same audit log.
 */
class RuleActivationAcrossNodesIT {
  private static final String TAX_QUESTION = RuleTexts.TAX_QUESTION;
  private static final Duration SWAP_LIMIT = Duration.ofSeconds(1);

  @TempDir Path work;

  @Test
  void anActivationOnOneNodeReachesTheOthersWithinASecond() throws Exception {
    int redisPort = RedisForTests.freePort();
    RedisServer redis = RedisForTests.newServer(redisPort);
    redis.start();
    String[] args = {"--store", "redis", "--redis-url", "redis://127.0.0.1:" + redisPort};
    try (EngineProcess a = EngineProcess.start(work, "node-a", args);
         EngineProcess b = EngineProcess.start(work, "node-b", args)) {
      assertThat(version(b)).isEqualTo("global:1");
      save(a, RuleTexts.taxQuestionsTo("DE-BER-001"), "tax questions to Berlin");
      save(b, RuleTexts.taxQuestionsTo("DE-MUC-001"), "tax questions to Munich");

      activate(a, 1, "go live");
      Duration toB = timeUntil(b, "global:1+DE:1");
      activate(b, 2, "try Munich");
      Duration toA = timeUntil(a, "global:1+DE:2");
      activate(a, 1, "roll back to Berlin");
      Duration rollbackToB = timeUntil(b, "global:1+DE:1");

      System.out.printf("rule activation reached the other node after %d ms, %d ms, %d ms (rollback)%n",
          toB.toMillis(), toA.toMillis(), rollbackToB.toMillis());
      assertThat(toB).isLessThan(SWAP_LIMIT);
      assertThat(toA).isLessThan(SWAP_LIMIT);
      assertThat(rollbackToB).isLessThan(SWAP_LIMIT);
      JsonObject decided = new JsonObject(b.post("/v1/contacts", TAX_QUESTION).body());
      assertThat(decided.getJsonObject("route").getString("queue")).isEqualTo("dealer:DE-BER-001");

      try (EngineProcess late = EngineProcess.start(work, "node-late", args)) {
        assertThat(version(late)).isEqualTo("global:1+DE:1");
        JsonObject audit = new JsonObject(late.get("/v1/audit?limit=1").body());
        assertThat(audit.getJsonArray("entries").getJsonObject(0).getString("comment")).isEqualTo("roll back to Berlin");
        JsonObject versions = new JsonObject(late.get("/v1/rules/DE/versions").body());
        assertThat(versions.getInteger("activeVersion")).isEqualTo(1);
        assertThat(versions.getJsonArray("versions")).hasSize(2);
      }
    } finally {
      redis.stop();
    }
  }

  private static void save(EngineProcess node, String drl, String comment) {
    HttpResponse<String> saved = node.post("/v1/rules/DE/versions",
        new JsonObject().put("text", drl).put("comment", comment).encode());
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
  }

  private static void activate(EngineProcess node, int version, String comment) {
    HttpResponse<String> activated = node.post("/v1/rules/DE/activate",
        new JsonObject().put("version", version).put("comment", comment).encode());
    assertThat(activated.statusCode()).as(activated.body()).isEqualTo(200);
  }

  /** The rules version a new contact is decided with on {@code node}. */
  private static String version(EngineProcess node) {
    HttpResponse<String> answer = node.post("/v1/contacts", TAX_QUESTION);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
    return new JsonObject(answer.body()).getString("rulesVersion");
  }

  /** How long until {@code node} decides with {@code expected}; gives up after ten seconds. */
  private static Duration timeUntil(EngineProcess node, String expected) throws InterruptedException {
    long start = System.nanoTime();
    while (System.nanoTime() - start < Duration.ofSeconds(10).toNanos()) {
      if (version(node).equals(expected)) {
        return Duration.ofNanos(System.nanoTime() - start);
      }
      Thread.sleep(10);
    }
    throw new AssertionError(expected + " did not reach the node within ten seconds");
  }
}
