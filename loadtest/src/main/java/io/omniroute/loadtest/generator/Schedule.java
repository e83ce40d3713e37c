package io.omniroute.loadtest.generator;

import java.time.Duration;

/**
 * The open model's timetable: when request {@code i} is intended to be sent, in nanoseconds after
 * the start, whatever happened to earlier requests.
 *
 * <p>At a constant rate, request {@code i} is intended at {@code i * 1e9 / rate}. With a ramp, the
 * rate first rises linearly from a tenth of the target to the target over the ramp, then stays at
 * the target: a client or server that has not yet been compiled by the JIT is not buried under a
 * backlog that it then carries into the measurement. Request {@code i} is intended at the time
 * {@code t} when the number of requests due so far, the integral of the rate from 0 to {@code t},
 * reaches {@code i}. Immutable and thread-safe.
 */
public final class Schedule {
  /** The rate a ramp starts from, as a share of the target rate. */
  public static final double RAMP_START_SHARE = 0.1;

  private final double ratePerSecond;
  private final double intervalNanos;
  private final double rampSeconds;
  private final double rampStartRate;
  private final double acceleration;
  private final double dueByRampEnd;

  /** A constant rate from the start. */
  public Schedule(double ratePerSecond) {
    this(ratePerSecond, Duration.ZERO);
  }

  /** A rate that rises linearly from a tenth of {@code ratePerSecond} to it over {@code ramp}, then stays. */
  public Schedule(double ratePerSecond, Duration ramp) {
    if (!(ratePerSecond > 0) || Double.isInfinite(ratePerSecond)) {
      throw new IllegalArgumentException("rate must be positive, got " + ratePerSecond);
    }
    if (ramp.isNegative()) {
      throw new IllegalArgumentException("the ramp must not be negative, got " + ramp);
    }
    this.ratePerSecond = ratePerSecond;
    this.intervalNanos = 1e9 / ratePerSecond;
    this.rampSeconds = ramp.toNanos() / 1e9;
    this.rampStartRate = rampSeconds > 0 ? ratePerSecond * RAMP_START_SHARE : ratePerSecond;
    this.acceleration = rampSeconds > 0 ? (ratePerSecond - rampStartRate) / rampSeconds : 0;
    this.dueByRampEnd = rampSeconds * (rampStartRate + ratePerSecond) / 2;
  }

  /** The target rate, reached at the end of the ramp. */
  public double ratePerSecond() {
    return ratePerSecond;
  }

  /** Nanoseconds between two intended send times at the target rate. */
  public double intervalNanos() {
    return intervalNanos;
  }

  /** The intended send time of request {@code i}, in nanoseconds after the start. */
  public long offsetNanos(long i) {
    if (i >= dueByRampEnd) {
      return Math.round(rampSeconds * 1e9 + (i - dueByRampEnd) * intervalNanos);
    }
    // i = r0 t + a t^2 / 2, solved for t; written so that it does not cancel when a t is small
    double seconds = 2 * i / (rampStartRate + Math.sqrt(rampStartRate * rampStartRate + 2 * acceleration * i));
    return Math.round(seconds * 1e9);
  }

  /** How many requests are intended in the first {@code windowNanos} nanoseconds (offsets below it). */
  public long countWithin(long windowNanos) {
    if (windowNanos <= 0) {
      return 0;
    }
    long n = (long) Math.ceil(dueWithin(windowNanos / 1e9) - 1e-9);
    while (n > 0 && offsetNanos(n - 1) >= windowNanos) {
      n--;
    }
    while (offsetNanos(n) < windowNanos) {
      n++;
    }
    return n;
  }

  private double dueWithin(double seconds) {
    if (seconds >= rampSeconds) {
      return dueByRampEnd + (seconds - rampSeconds) * ratePerSecond;
    }
    return rampStartRate * seconds + acceleration * seconds * seconds / 2;
  }
}
