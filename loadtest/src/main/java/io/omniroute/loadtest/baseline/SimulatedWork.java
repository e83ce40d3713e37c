package io.omniroute.loadtest.baseline;

import java.time.Duration;

/**
 * A fixed amount of per-request work for the baseline server: the calling thread spins for the
 * given wall-clock time without allocating or blocking, so the event loop is occupied as by a
 * request handler that computes for that long.
 *
 * <p>It spins on wall-clock time, not on the thread's CPU time: if the operating system takes the
 * core away in the middle, the spin ends sooner in CPU terms. A server with this work is therefore
 * at least as fast as one whose handler needs that much CPU, which makes the throughput measured
 * with it an upper bound for such a server.
 *
 * <p>Immutable and thread-safe.
 */
public final class SimulatedWork {
  /** No work: the baseline server's plain fixed answer. */
  public static final SimulatedWork NONE = new SimulatedWork(Duration.ZERO);

  private final long nanos;

  private SimulatedWork(Duration duration) {
    this.nanos = duration.toNanos();
  }

  /** Work of {@code duration} per request; zero for none. */
  public static SimulatedWork of(Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("simulated work cannot be negative: " + duration);
    }
    return duration.isZero() ? NONE : new SimulatedWork(duration);
  }

  /** The work per request. */
  public Duration duration() {
    return Duration.ofNanos(nanos);
  }

  /** Occupies the calling thread for the work's duration; returns at once for none. */
  public void perform() {
    if (nanos == 0) {
      return;
    }
    long end = System.nanoTime() + nanos;
    while (System.nanoTime() - end < 0) {
      Thread.onSpinWait();
    }
  }
}
