package io.omniroute.loadtest.generator;

/**
 * The time line of a run in {@link System#nanoTime()} terms: warm-up from {@code startNanos},
 * measurement from {@code measureStartNanos} to {@code endNanos}. Immutable.
 *
 * @param startNanos when the first request is intended
 * @param measureStartNanos when the warm-up ends and the measurement begins
 * @param endNanos when no further request is intended
 */
public record Phases(long startNanos, long measureStartNanos, long endNanos) {

  /** Whether a request intended (or sent) at this time belongs to the warm-up. */
  public boolean inWarmup(long nanos) {
    return nanos < measureStartNanos;
  }
}
