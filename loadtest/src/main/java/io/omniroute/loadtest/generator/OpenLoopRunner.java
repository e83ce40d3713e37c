package io.omniroute.loadtest.generator;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The open model: request {@code i} is intended at {@code start + schedule.offsetNanos(i)} and
 * handed to lane {@code i % lanes} at that time, whether or not earlier requests were answered. If
 * the generator falls behind, it sends the late requests at once; their latency still counts from
 * the intended time, so a stall of the server shows in the percentiles (no coordinated omission).
 * At most {@code maxInFlight} requests are outstanding; beyond that a request is not sent and
 * counts as {@link ErrorKinds#CLIENT_OVERLOAD}.
 *
 * <p>Threading: {@link #run} blocks the calling thread, which must not be an event loop; it is
 * the only thread that schedules. Lanes send and record on their own event loops.
 */
public final class OpenLoopRunner {
  private final List<ClientLane> lanes;
  private final Schedule schedule;
  private final int maxInFlight;
  private final long drainNanos;
  private final AtomicInteger inFlight = new AtomicInteger();

  /**
   * @param drainNanos how long to wait for outstanding answers after the last intended time
   */
  public OpenLoopRunner(List<ClientLane> lanes, Schedule schedule, int maxInFlight, long drainNanos) {
    if (lanes.isEmpty()) {
      throw new IllegalArgumentException("no lanes");
    }
    this.lanes = List.copyOf(lanes);
    this.schedule = schedule;
    this.maxInFlight = maxInFlight;
    this.drainNanos = drainNanos;
  }

  /** Requests sent and not yet answered. */
  public int inFlight() {
    return inFlight.get();
  }

  /**
   * Runs the schedule over the phases, recording warm-up requests in {@code warmup} and the others
   * in {@code measured}; returns when every request was answered or failed, or the drain time is
   * over (requests still outstanding then are left out of the results).
   */
  public void run(Phases phases, Measurements warmup, Measurements measured) {
    long total = schedule.countWithin(phases.endNanos() - phases.startNanos());
    int laneCount = lanes.size();
    for (long i = 0; i < total; i++) {
      long intended = phases.startNanos() + schedule.offsetNanos(i);
      sleepUntil(intended);
      Measurements into = phases.inWarmup(intended) ? warmup : measured;
      if (inFlight.get() >= maxInFlight) {
        into.recordFailure(ErrorKinds.CLIENT_OVERLOAD, intended, System.nanoTime());
        continue;
      }
      inFlight.incrementAndGet();
      ClientLane lane = lanes.get((int) (i % laneCount));
      lane.context().runOnContext(v -> lane.sendNext(intended, into, done -> inFlight.decrementAndGet()));
    }
    long deadline = Math.max(System.nanoTime(), phases.endNanos()) + drainNanos;
    while (inFlight.get() > 0 && System.nanoTime() < deadline) {
      LockSupport.parkNanos(1_000_000);
    }
  }

  private static void sleepUntil(long nanos) {
    long wait;
    while ((wait = nanos - System.nanoTime()) > 0) {
      LockSupport.parkNanos(wait);
    }
  }
}
