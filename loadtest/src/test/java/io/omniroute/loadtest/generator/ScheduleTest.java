package io.omniroute.loadtest.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
  void rejectsRatesThatAreNotPositive() {
    assertThatThrownBy(() -> new Schedule(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Schedule(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Schedule(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
  }
}
