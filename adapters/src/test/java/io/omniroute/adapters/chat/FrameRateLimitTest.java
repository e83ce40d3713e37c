package io.omniroute.adapters.chat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FrameRateLimitTest {
  private static final long SECOND = 1_000_000_000L;
  private static final ChatLimits LIMITS = new ChatLimits(16 * 1024, 4000, 3, 1.0);

  @Test
  void allowsABurstThenRefusesAFlood() {
    FrameRateLimit rate = new FrameRateLimit(LIMITS, 0);

    assertThat(rate.tryTake(0)).isTrue();
    assertThat(rate.tryTake(0)).isTrue();
    assertThat(rate.tryTake(0)).isTrue();
    assertThat(rate.tryTake(0)).isFalse();
  }

  @Test
  void refillsAtTheRateUpToTheBurst() {
    FrameRateLimit rate = new FrameRateLimit(LIMITS, 0);
    for (int i = 0; i < 3; i++) {
      rate.tryTake(0);
    }

    assertThat(rate.tryTake(SECOND)).isTrue();
    assertThat(rate.tryTake(SECOND)).isFalse();
    assertThat(rate.tryTake(100 * SECOND)).isTrue();
    assertThat(rate.tryTake(100 * SECOND)).isTrue();
    assertThat(rate.tryTake(100 * SECOND)).isTrue();
    assertThat(rate.tryTake(100 * SECOND)).isFalse();
  }

  @Test
  void aClockThatGoesBackRefillsNothing() {
    FrameRateLimit rate = new FrameRateLimit(LIMITS, 10 * SECOND);
    for (int i = 0; i < 3; i++) {
      rate.tryTake(10 * SECOND);
    }

    assertThat(rate.tryTake(5 * SECOND)).isFalse();
  }
}
