package io.omniroute.loadtest.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class ComparisonTest {
  private static JsonObject max(double throughput, long errors) {
    return new JsonObject().put("throughput", throughput).put("errors", errors);
  }

  private static JsonObject open(double rate, double p99, double p999) {
    return new JsonObject().put("targetRate", rate).put("throughput", rate).put("errors", 0L)
        .put("latencyMs", new JsonObject().put("p50", 0.5).put("p90", 0.9).put("p99", p99).put("p999", p999).put("max", 30.0));
  }

  @Test
  void halfRateRoundsHalfTheThroughput() {
    assertThat(Comparison.halfRate(max(10_001, 0))).isEqualTo(5_001);
    assertThat(Comparison.halfRate(max(0.4, 0))).isEqualTo(1);
  }

  @Test
  void tableShowsTheRatioAndTheTargetsMet() {
    String table = Comparison.table(max(50_000, 0), max(40_000, 0), open(20_000, 3.2, 12.5));

    assertThat(table)
        .contains("| baseline server, max throughput (req/s) | 50000 |")
        .contains("| engine (memory store), max throughput (req/s) | 40000 |")
        .contains("| engine / baseline | 0.80 |")
        .contains("| open model: p99 (ms) | 3.20 |")
        .contains("| open model: p99.9 (ms) | 12.50 |")
        .contains("- engine max >= 0.7 x baseline max: met")
        .contains("- open model p99 < 5 ms: met")
        .contains("- open model p99.9 < 20 ms: met");
  }

  @Test
  void tableSaysWhichTargetsAreMissed() {
    String table = Comparison.table(max(50_000, 0), max(20_000, 3), open(10_000, 7.0, 25.0));

    assertThat(table)
        .contains("| engine / baseline | 0.40 |")
        .contains("- engine max >= 0.7 x baseline max: NOT met")
        .contains("- open model p99 < 5 ms: NOT met")
        .contains("- open model p99.9 < 20 ms: NOT met")
        .contains("| errors (baseline max / engine max / open) | 0 / 3 / 0 |");
  }

  @Test
  void redisTableComparesTheRedisStoreWithTheMemoryStore() {
    assertThat(Comparison.redisTable(max(10_000, 0), max(6_000, 0)))
        .contains("| engine (Redis store), max throughput (req/s) | 6000 |")
        .contains("| Redis / memory | 0.60 |")
        .contains("- engine max on Redis >= 0.5 x on memory: met");
    assertThat(Comparison.redisTable(max(10_000, 0), max(4_000, 2)))
        .contains("| Redis / memory | 0.40 |")
        .contains("| errors (Redis max) | 2 |")
        .contains("- engine max on Redis >= 0.5 x on memory: NOT met");
  }

  @Test
  void openTablePutsTheEngineBesideTheBaselineAtTheSameRate() {
    String table = Comparison.openTable(open(9_000, 40.0, 80.0), open(9_000, 6.4, 16.0));

    assertThat(table)
        .contains("| achieved rate (req/s) | 9000 | 9000 | |")
        .contains("| p99 (ms) | 40.00 | 6.40 | 6.3 |")
        .contains("| p99.9 (ms) | 80.00 | 16.00 | 5.0 |")
        .contains("| errors (engine / baseline) | 0 / 0 |")
        .contains("- baseline server open model p99 < 5 ms (the machine's floor): NOT met")
        .contains("- baseline server open model p99.9 < 20 ms (the machine's floor): met");
  }

  @Test
  void openSummaryGivesOneRunsPercentilesAgainstTheTargets() {
    assertThat(Comparison.openSummary("baseline server, 40 us of work", open(9_000, 3.2, 25.0)))
        .contains("| open model: baseline server, 40 us of work | value |")
        .contains("| achieved rate (req/s) | 9000 |")
        .contains("| p99 (ms) | 3.20 |")
        .contains("| p99.9 (ms) | 25.00 |")
        .contains("- p99 < 5 ms: met")
        .contains("- p99.9 < 20 ms: NOT met");
  }
}
