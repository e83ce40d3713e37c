package io.omniroute.engine.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.omniroute.engine.support.RuleTexts;
import io.omniroute.engine.support.RunningEngine;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;

/**
 * Rules are activated again and again while contacts keep arriving: no request fails, and every
 * decision is entirely one version's (queue, topic and reported version agree).
 */
class ActivationUnderLoadIT {
  private static final int WRITERS = 6;
  private static final int ACTIVATIONS = 12;

  /** What each version decides for a tax question: queue and topic. */
  private static final Map<String, List<String>> EXPECTED = Map.of(
      "global:1", List.of("country:DE", "general"),
      "global:1+DE:1", List.of("dealer:DE-BER-001", "tax-berlin"),
      "global:1+DE:2", List.of("dealer:DE-MUC-001", "tax-munich"));

  @Test
  void everyDecisionDuringActivationsIsEntirelyOldOrNew() throws Exception {
    try (RunningEngine engine = RunningEngine.start()) {
      for (String[] version : new String[][] {{"DE-BER-001", "tax-berlin"}, {"DE-MUC-001", "tax-munich"}}) {
        HttpResponse<String> saved = engine.post("/v1/rules/DE/versions",
            new JsonObject().put("text", RuleTexts.taxQuestionsTo(version[0], version[1])).encode());
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
      }
      AtomicBoolean running = new AtomicBoolean(true);
      ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
      Map<String, LongAdder> perVersion = new ConcurrentHashMap<>();
      ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
      List<Future<?>> writers = new java.util.ArrayList<>();
      for (int w = 0; w < WRITERS; w++) {
        writers.add(pool.submit(() -> {
          while (running.get()) {
            HttpResponse<String> answer = engine.post("/v1/contacts", RuleTexts.TAX_QUESTION);
            String mismatch = mismatch(answer);
            if (mismatch != null) {
              wrong.add(mismatch);
            } else {
              perVersion.computeIfAbsent(new JsonObject(answer.body()).getString("rulesVersion"), v -> new LongAdder())
                  .increment();
            }
          }
        }));
      }
      try {
        for (int i = 0; i < ACTIVATIONS; i++) {
          int version = i % 2 + 1;
          Thread.sleep(60);
          HttpResponse<String> activated = engine.post("/v1/rules/DE/activate", "{\"version\":" + version + "}");
          assertThat(activated.statusCode()).as(activated.body()).isEqualTo(200);
          JsonObject next = new JsonObject(engine.post("/v1/contacts", RuleTexts.TAX_QUESTION).body());
          assertThat(next.getString("rulesVersion")).as("the first decision after activation %d", i)
              .isEqualTo("global:1+DE:" + version);
        }
        Thread.sleep(60);
      } finally {
        running.set(false);
        for (Future<?> writer : writers) {
          writer.get(30, TimeUnit.SECONDS);
        }
        pool.shutdownNow();
      }

      assertThat(wrong).isEmpty();
      assertThat(perVersion.keySet()).containsExactlyInAnyOrder("global:1", "global:1+DE:1", "global:1+DE:2");
      long decided = perVersion.values().stream().mapToLong(LongAdder::sum).sum();
      assertThat(decided).isGreaterThan(100);
    }
  }

  /** Why an answer is wrong, or {@code null} when it is a 201 decided entirely by one version. */
  private static String mismatch(HttpResponse<String> answer) {
    if (answer.statusCode() != 201) {
      return answer.statusCode() + " " + answer.body();
    }
    JsonObject body = new JsonObject(answer.body());
    List<String> expected = EXPECTED.get(body.getString("rulesVersion"));
    List<String> actual = List.of(body.getJsonObject("route").getString("queue"),
        body.getJsonObject("classification").getString("topic"));
    return actual.equals(expected) ? null : body.getString("rulesVersion") + " decided " + actual;
  }
}
