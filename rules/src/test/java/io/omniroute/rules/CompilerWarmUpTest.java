package io.omniroute.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CompilerWarmUpTest {

  @Test
  void compilesTheDefaultPolicyOncePerRound() {
    CompilerWarmUp.Result result = CompilerWarmUp.run(2, () -> false);

    assertThat(result.compiles()).isEqualTo(2);
    assertThat(result.took()).isPositive();
  }

  @Test
  void compilesNothingForZeroRounds() {
    assertThat(CompilerWarmUp.run(0, () -> false).compiles()).isZero();
  }

  @Test
  void stopsAtTheFirstRoundAfterItIsCancelled() {
    AtomicInteger asked = new AtomicInteger();

    CompilerWarmUp.Result result = CompilerWarmUp.run(10, () -> asked.incrementAndGet() > 1);

    assertThat(result.compiles()).isEqualTo(1);
  }

  @Test
  void refusesNegativeRounds() {
    assertThatThrownBy(() -> CompilerWarmUp.run(-1, () -> false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("rounds must not be negative, got -1");
  }
}
