package io.omniroute.loadtest.generator;

/**
 * The open model's timetable: request {@code i} is intended to be sent {@code i * 1e9 / rate}
 * nanoseconds after the start, whatever happened to earlier requests. Immutable and thread-safe.
 */
public final class Schedule {
  private final double ratePerSecond;
  private final double intervalNanos;

  public Schedule(double ratePerSecond) {
    if (!(ratePerSecond > 0) || Double.isInfinite(ratePerSecond)) {
      throw new IllegalArgumentException("rate must be positive, got " + ratePerSecond);
    }
    this.ratePerSecond = ratePerSecond;
    this.intervalNanos = 1e9 / ratePerSecond;
  }

  public double ratePerSecond() {
    return ratePerSecond;
  }

  /** Nanoseconds between two intended send times. */
  public double intervalNanos() {
    return intervalNanos;
  }

  /** The intended send time of request {@code i}, in nanoseconds after the start. */
  public long offsetNanos(long i) {
    return Math.round(i * intervalNanos);
  }

  /** How many requests are intended in the first {@code windowNanos} nanoseconds (offsets below it). */
  public long countWithin(long windowNanos) {
    if (windowNanos <= 0) {
      return 0;
    }
    long n = (long) Math.ceil(windowNanos / intervalNanos - 1e-9);
    while (n > 0 && offsetNanos(n - 1) >= windowNanos) {
      n--;
    }
    while (offsetNanos(n) < windowNanos) {
      n++;
    }
    return n;
  }
}
