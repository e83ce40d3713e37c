package io.omniroute.loadtest.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.omniroute.rules.Decision;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the benchmark's set-up and every benchmark method once per contact, so the benchmark
 * cannot silently measure a broken path (a fallback, a wrong route, a missing directory).
 */
class DecisionBenchmarkTest {
  static DecisionBenchmark benchmark;

  @BeforeAll
  static void setUp() {
    benchmark = new DecisionBenchmark();
    benchmark.setUp();
  }

  @Test
  void mixHasSixteenContacts() {
    assertThat(DecisionBenchmark.MIX).hasSize(16);
    assertThat(benchmark.mix).hasSize(16).doesNotContainNull();
  }

  @Test
  void decideMixRoutesEveryContactToItsExpectedQueue() {
    assertCyclesThroughMix(benchmark::decideMix);
  }

  @Test
  void decideMixTwoThreadsRoutesEveryContactToItsExpectedQueue() {
    assertCyclesThroughMix(benchmark::decideMixTwoThreads);
  }

  @Test
  void mixCoversEveryRoutingBranchOfThePolicy() {
    assertThat(DecisionBenchmark.MIX)
        .extracting(DecisionBenchmark.Case::expectedQueue)
        .contains("central", "expert:ev-battery", "expert:classic-cars", "dealer:DE-MUC-001",
            "dealer:GB-LON-001", "country:FR", "country:GB", "country:DE", "country:CH");
  }

  @Test
  void decideSingleRoutesToTheDealer() {
    Decision decision = benchmark.decideSingle();

    assertThat(decision.fallback()).isFalse();
    assertThat(decision.rulesVersion()).isEqualTo("global:1");
    assertThat(decision.route().queue()).isEqualTo(DecisionBenchmark.SINGLE.expectedQueue());
    assertThat(decision.trace()).contains("Route: specification to the dealer named on the contact");
  }

  @Test
  void annotationProcessingRegisteredTheBenchmarks() throws IOException {
    try (InputStream in = getClass().getClassLoader().getResourceAsStream("META-INF/BenchmarkList")) {
      assertThat(in).as("META-INF/BenchmarkList (JMH annotation processor output)").isNotNull();
      String list = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      String generated = DecisionBenchmark.class.getPackageName() + ".jmh_generated.DecisionBenchmark_";
      assertThat(list).contains(
          generated + "decideMix_jmhTest",
          generated + "decideSingle_jmhTest",
          generated + "decideMixTwoThreads_jmhTest");
    }
  }

  private interface Mix {
    Decision decide(DecisionBenchmark.Cursor cursor);
  }

  private static void assertCyclesThroughMix(Mix mix) {
    DecisionBenchmark.Cursor cursor = new DecisionBenchmark.Cursor();
    int size = DecisionBenchmark.MIX.size();
    // Twice round: the cursor must wrap back to the first contact.
    for (int i = 0; i < 2 * size; i++) {
      DecisionBenchmark.Case expected = DecisionBenchmark.MIX.get(i % size);
      Decision decision = mix.decide(cursor);

      assertThat(decision.fallback()).as(expected.label()).isFalse();
      assertThat(decision.route().queue()).as(expected.label()).isEqualTo(expected.expectedQueue());
    }
  }
}
