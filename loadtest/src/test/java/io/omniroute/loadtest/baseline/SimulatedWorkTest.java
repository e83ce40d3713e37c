package io.omniroute.loadtest.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SimulatedWorkTest {

  @Test
  void occupiesTheCallerForAtLeastItsDuration() {
    SimulatedWork work = SimulatedWork.of(Duration.ofMillis(3));
    long start = System.nanoTime();
    work.perform();
    assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(Duration.ofMillis(3).toNanos());
    assertThat(work.duration()).isEqualTo(Duration.ofMillis(3));
  }

  @Test
  void zeroIsNone() {
    assertThat(SimulatedWork.of(Duration.ZERO)).isSameAs(SimulatedWork.NONE);
    assertThat(SimulatedWork.NONE.duration()).isZero();
  }

  @Test
  void refusesNegativeWork() {
    assertThatThrownBy(() -> SimulatedWork.of(Duration.ofNanos(-1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");
  }
}
