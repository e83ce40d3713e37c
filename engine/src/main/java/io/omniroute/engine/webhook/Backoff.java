package io.omniroute.engine.webhook;

import java.time.Duration;

/**
 * When to try a failed delivery again: after the first failed attempt {@code first}, then twice as
 * long after each further one, never longer than {@code longest}; each delay is spread by up to
 * {@value #JITTER} of itself either way, so deliveries that failed together do not all come back
 * at once. Immutable and thread-safe.
 */
final class Backoff {
  /** How much of a delay the jitter may add or take. */
  static final double JITTER = 0.2;

  private final long firstMillis;
  private final long longestMillis;

  Backoff(Duration first, Duration longest) {
    this.firstMillis = first.toMillis();
    this.longestMillis = longest.toMillis();
  }

  /**
   * The delay after {@code failedAttempts} failed attempts (1 or more), jittered by {@code random}
   * from [0, 1): 0 takes the most off, values near 1 add the most.
   */
  Duration after(int failedAttempts, double random) {
    int doublings = Math.min(Math.max(failedAttempts, 1) - 1, 62);
    long base = firstMillis;
    for (int i = 0; i < doublings && base < longestMillis; i++) {
      base *= 2;
    }
    base = Math.min(base, longestMillis);
    return Duration.ofMillis(Math.max(1, Math.round(base * (1 + JITTER * (2 * random - 1)))));
  }
}
