package io.omniroute.loadtest.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ScheduleTest {

  @Test
  void intendedTimesAreIndexTimesIntervalFromTheStart() {
    Schedule schedule = new Schedule(100);
    assertThat(schedule.intervalNanos()).isEqualTo(10_000_000.0);
    for (long i = 0; i < 1_000; i++) {
      assertThat(schedule.offsetNanos(i)).isEqualTo(i * 10_000_000L);
    }
  }

  @Test
  void intendedTimesDoNotDriftForRatesThatDoNotDivideASecond() {
    Schedule schedule = new Schedule(3);
    assertThat(schedule.offsetNanos(1)).isEqualTo(333_333_333L);
    assertThat(schedule.offsetNanos(2)).isEqualTo(666_666_667L);
    assertThat(schedule.offsetNanos(3)).isEqualTo(1_000_000_000L);
    // a million seconds in, still exact to the nanosecond
    assertThat(schedule.offsetNanos(3_000_000)).isEqualTo(1_000_000_000_000_000L);
  }

  @Test
  void countsTheRequestsIntendedWithinAWindow() {
    assertThat(new Schedule(200).countWithin(2_000_000_000L)).isEqualTo(400);
    assertThat(new Schedule(5000).countWithin(60_000_000_000L)).isEqualTo(300_000);
    assertThat(new Schedule(3).countWithin(1_000_000_000L)).isEqualTo(3);
    assertThat(new Schedule(3).countWithin(1_000_000_001L)).isEqualTo(4);
    assertThat(new Schedule(100).countWithin(0)).isZero();
    assertThat(new Schedule(100).countWithin(1)).isEqualTo(1);
  }

  @Test
  void rampRisesLinearlyFromATenthOfTheRateToTheRate() {
    Schedule schedule = new Schedule(1_000, Duration.ofSeconds(10));
    // in the first half second: 100/s * 0.5 s + 90/s^2 * (0.5 s)^2 / 2 = 61.25 requests
    assertThat(schedule.countWithin(500_000_000L)).isEqualTo(62);
    // over the whole ramp, the average of 100/s and 1,000/s for 10 s
    assertThat(schedule.countWithin(10_000_000_000L)).isEqualTo(5_500);
    // the first gap is that of 100/s, the gaps after the ramp are those of 1,000/s
    assertThat(schedule.offsetNanos(1) - schedule.offsetNanos(0)).isBetween(9_900_000L, 10_000_000L);
    assertThat(schedule.offsetNanos(5_501) - schedule.offsetNanos(5_500)).isEqualTo(1_000_000L);
    assertThat(schedule.offsetNanos(65_500)).isEqualTo(70_000_000_000L);
  }

  @Test
  void rampedIntendedTimesRiseAndAgreeWithTheCount() {
    Schedule schedule = new Schedule(7_919, Duration.ofMillis(2_500));
    long previous = -1;
    for (long i = 0; i < 40_000; i++) {
      long offset = schedule.offsetNanos(i);
      assertThat(offset).isGreaterThanOrEqualTo(previous);
      previous = offset;
    }
    for (long window = 1; window < 5_000_000_000L; window += 12_345_679L) {
      long count = schedule.countWithin(window);
      assertThat(schedule.offsetNanos(count)).isGreaterThanOrEqualTo(window);
      if (count > 0) {
        assertThat(schedule.offsetNanos(count - 1)).isLessThan(window);
      }
    }
  }

  @Test
  void aZeroRampIsAConstantRate() {
    Schedule ramped = new Schedule(3, Duration.ZERO);
    Schedule constant = new Schedule(3);
    for (long i = 0; i < 100; i++) {
      assertThat(ramped.offsetNanos(i)).isEqualTo(constant.offsetNanos(i));
    }
  }

  @Test
  void rejectsRatesThatAreNotPositive() {
    assertThatThrownBy(() -> new Schedule(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Schedule(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Schedule(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Schedule(100, Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
  }
}
