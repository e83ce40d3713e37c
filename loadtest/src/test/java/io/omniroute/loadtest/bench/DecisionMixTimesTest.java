package io.omniroute.loadtest.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DecisionMixTimesTest {

  @Test
  void timesEveryContactOfTheMixInOrder() {
    var rows = DecisionMixTimes.measure(50);
    assertThat(rows).extracting(DecisionMixTimes.Row::label)
        .containsExactlyElementsOf(DecisionBenchmark.MIX.stream().map(DecisionBenchmark.Case::label).toList());
    assertThat(rows).allSatisfy(row -> {
      assertThat(row.p50()).isPositive();
      assertThat(row.p50()).isLessThanOrEqualTo(row.p90());
      assertThat(row.p90()).isLessThanOrEqualTo(row.p99());
    });
  }

  @Test
  void rejectsNoSamples() {
    assertThatThrownBy(() -> DecisionMixTimes.measure(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
