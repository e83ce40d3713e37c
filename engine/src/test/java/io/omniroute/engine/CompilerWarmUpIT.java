package io.omniroute.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.omniroute.engine.support.EngineProcess;
import io.omniroute.engine.support.RuleTexts;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine warms up its rule compiler after start, while it already serves requests. */
class CompilerWarmUpIT {
  private static final String WARMED_UP = "Rule compiler warmed up: 10 compiles in ";

  @TempDir Path logs;

  @Test
  void warmsUpTheRuleCompilerAfterStartWhileServing() throws InterruptedException {
    try (EngineProcess engine = EngineProcess.start(logs, "engine", "--compiler-warm-up", "10")) {
      List<Integer> readyWhileWarming = new ArrayList<>();
      long deadline = System.currentTimeMillis() + 60_000;
      while (!engine.log().contains(WARMED_UP) && System.currentTimeMillis() < deadline) {
        readyWhileWarming.add(engine.get("/health/ready").statusCode());
        Thread.sleep(20);
      }

      assertThat(engine.log()).contains(WARMED_UP);
      assertThat(readyWhileWarming).as("/health/ready while the compiler warmed up").isNotEmpty().containsOnly(200);
      String rules = new JsonObject().put("text", RuleTexts.taxQuestionsTo("DE-BER-001")).encode();
      assertThat(engine.post("/v1/rules/DE/validate", rules).statusCode()).isEqualTo(200);
    }
  }
}
