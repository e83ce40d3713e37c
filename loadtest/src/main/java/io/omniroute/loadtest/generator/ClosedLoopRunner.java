package io.omniroute.loadtest.generator;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Max mode: a closed loop per connection. Each loop sends a request, waits for its answer and
 * sends the next, until the end of the run; the achieved throughput is the server's capacity at
 * this concurrency. Latency counts from the actual send time (a closed loop cannot measure
 * anything else). A request belongs to the warm-up when it was sent before the measurement began.
 *
 * <p>Threading: {@link #run} blocks the calling thread, which must not be an event loop. Each
 * loop runs on its lane's event loop.
 */
public final class ClosedLoopRunner {
  private final List<ClientLane> lanes;
  private final int[] loopsPerLane;
  private final long drainNanos;

  /**
   * @param loopsPerLane closed loops (connections) on each lane, in lane order
   * @param drainNanos how long to wait for the last answers after the end
   */
  public ClosedLoopRunner(List<ClientLane> lanes, int[] loopsPerLane, long drainNanos) {
    if (lanes.size() != loopsPerLane.length) {
      throw new IllegalArgumentException("one loop count per lane");
    }
    this.lanes = List.copyOf(lanes);
    this.loopsPerLane = loopsPerLane.clone();
    this.drainNanos = drainNanos;
  }

  /** Splits {@code connections} as evenly as possible over {@code lanes}. */
  public static int[] spread(int connections, int lanes) {
    int[] loops = new int[lanes];
    for (int i = 0; i < lanes; i++) {
      loops[i] = connections / lanes + (i < connections % lanes ? 1 : 0);
    }
    return loops;
  }

  /** Runs the loops until the end of the phases, then waits for the last answers. */
  public void run(Phases phases, Measurements warmup, Measurements measured) {
    int loops = 0;
    for (int n : loopsPerLane) {
      loops += n;
    }
    CountDownLatch finished = new CountDownLatch(loops);
    for (int i = 0; i < lanes.size(); i++) {
      ClientLane lane = lanes.get(i);
      int count = loopsPerLane[i];
      lane.context().runOnContext(v -> {
        for (int k = 0; k < count; k++) {
          loop(lane, phases, warmup, measured, finished);
        }
      });
    }
    long waitNanos = Math.max(0, phases.endNanos() - System.nanoTime()) + drainNanos;
    try {
      finished.await(waitNanos, TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void loop(ClientLane lane, Phases phases, Measurements warmup, Measurements measured, CountDownLatch finished) {
    long now = System.nanoTime();
    if (now >= phases.endNanos()) {
      finished.countDown();
      return;
    }
    Measurements into = phases.inWarmup(now) ? warmup : measured;
    // the next request goes through the task queue, so that a failure reported at once cannot
    // recurse without bound
    lane.sendNext(now, into, done -> lane.context().runOnContext(v -> loop(lane, phases, warmup, measured, finished)));
  }
}
