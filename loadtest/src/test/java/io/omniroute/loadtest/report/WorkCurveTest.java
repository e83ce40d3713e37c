package io.omniroute.loadtest.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.omniroute.loadtest.report.WorkCurve.Point;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkCurveTest {
  /** 20 us per request with no work, plus the work itself: 50,000, 40,000 and 25,000 req/s. */
  private final WorkCurve curve = new WorkCurve(List.of(new Point(20, 25_000), new Point(0, 50_000), new Point(5, 40_000)));

  @Test
  void findsTheWorkAtAThroughputByTimePerRequest() {
    assertThat(curve.reference()).isEqualTo(50_000);
    assertThat(curve.workAt(40_000).getAsDouble()).isCloseTo(5, within(1e-9));
    assertThat(curve.workAt(1e6 / 30).getAsDouble()).isCloseTo(10, within(1e-9));
    assertThat(curve.workAtShare(0.5).getAsDouble()).isCloseTo(20, within(1e-9));
  }

  @Test
  void saysNothingOutsideTheMeasuredRange() {
    assertThat(curve.workAt(60_000)).isEmpty();
    assertThat(curve.workAt(20_000)).isEmpty();
  }

  @Test
  void tablesTheCurveWithTheEngineAndBothAnswers() {
    String table = curve.table(1e6 / 30);

    assertThat(table)
        .contains("| 0 | 50000 | 1.00 |")
        .contains("| 5 | 40000 | 0.80 |")
        .contains("| 20 | 25000 | 0.50 |")
        .contains("| engine | 33333 | 0.67 |")
        .contains("- 0.7 x the no-work baseline is kept up to about 8.6 us of work per request")
        .contains("- the engine's max equals the baseline's with about 10.0 us of work per request");
    assertThat(new WorkCurve(List.of(new Point(0, 50_000), new Point(5, 45_000))).table(10_000))
        .contains("kept up to (outside the measured 0-5 us)");
  }

  @Test
  void needsARunWithoutWorkAndOneWithWork() {
    assertThatThrownBy(() -> new WorkCurve(List.of(new Point(0, 50_000))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new WorkCurve(List.of(new Point(5, 40_000), new Point(10, 30_000))))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
