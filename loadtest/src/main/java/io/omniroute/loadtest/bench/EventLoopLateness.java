package io.omniroute.loadtest.bench;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.HdrHistogram.Histogram;

/**
 * How late the event loops of a Vert.x instance run their tasks: a periodic timer every {@value
 * #PERIOD_MILLIS} ms on contexts spread over every event loop measures how much later than its
 * period it ran. A task that holds an event loop for 30 ms makes the next tick of that loop 30 ms
 * late; so does a garbage collection pause, which stops every loop. Only public Vert.x API is used:
 * a verticle with twice as many instances as Vert.x has event loops by default (instances are
 * spread over the loops in turn) ticks on each, and the lateness is recorded per event-loop thread.
 *
 * <p>Thread-safe: ticks record on their own loops, {@link #snapshot()} reads from any thread.
 */
public final class EventLoopLateness implements AutoCloseable {
  static final long PERIOD_MILLIS = 5;

  private final Vertx vertx;
  private final Map<String, Histogram> byLoop = new ConcurrentHashMap<>();
  private final List<Long> timers = new ArrayList<>();
  /** Ticks more than 10 ms late: when (epoch milliseconds) and how late (microseconds). */
  private final List<long[]> late = new ArrayList<>();
  private volatile boolean recording;

  private EventLoopLateness(Vertx vertx) {
    this.vertx = vertx;
  }

  /** Starts ticking on every event loop of {@code vertx}; nothing is recorded until {@link #record()}. */
  public static EventLoopLateness start(Vertx vertx) {
    EventLoopLateness lateness = new EventLoopLateness(vertx);
    vertx.deployVerticle(() -> new VerticleBase() {
      @Override
      public Future<?> start() {
        lateness.tick();
        return Future.succeededFuture();
      }
    }, new DeploymentOptions().setInstances(2 * VertxOptions.DEFAULT_EVENT_LOOP_POOL_SIZE))
        .toCompletionStage().toCompletableFuture().join();
    return lateness;
  }

  private void tick() {
    long[] last = {System.nanoTime()};
    long timer = vertx.setPeriodic(PERIOD_MILLIS, id -> {
      long now = System.nanoTime();
      long lateMicros = Math.max(0, (now - last[0]) / 1_000 - PERIOD_MILLIS * 1_000);
      last[0] = now;
      if (recording) {
        if (lateMicros > 10_000) {
          synchronized (late) {
            late.add(new long[] {System.currentTimeMillis(), lateMicros});
          }
        }
        Histogram histogram = byLoop.computeIfAbsent(Thread.currentThread().getName(), name -> new Histogram(3));
        synchronized (histogram) {
          histogram.recordValue(lateMicros);
        }
      }
    });
    synchronized (timers) {
      timers.add(timer);
    }
  }

  /** Forgets what was recorded and records from now on. */
  public void record() {
    byLoop.clear();
    synchronized (late) {
      late.clear();
    }
    recording = true;
  }

  /** Stops recording; what was recorded stays for {@link #snapshot()}. */
  public void pause() {
    recording = false;
  }

  /** The lateness recorded over every event loop, in microseconds, how many loops ticked, and each loop's own. */
  public Snapshot snapshot() {
    Histogram all = new Histogram(3);
    Map<String, Histogram> copies = new java.util.TreeMap<>();
    for (Map.Entry<String, Histogram> loop : byLoop.entrySet()) {
      synchronized (loop.getValue()) {
        all.add(loop.getValue());
        copies.put(loop.getKey(), loop.getValue().copy());
      }
    }
    return new Snapshot(all, byLoop.size(), copies);
  }

  /** The late ticks over {@code millis} of each window in {@code windows} (start and end, epoch milliseconds) of any loop. */
  public long lateTicksDuring(List<long[]> windows, long millis) {
    synchronized (late) {
      return late.stream().filter(tick -> tick[1] > millis * 1_000 && windows.stream()
          .anyMatch(window -> tick[0] - tick[1] / 1_000 - PERIOD_MILLIS <= window[1] && tick[0] >= window[0])).count();
    }
  }

  @Override
  public void close() {
    synchronized (timers) {
      timers.forEach(vertx::cancelTimer);
    }
  }

  /** The lateness of every tick over {@code loops} event loops, in microseconds, and of each loop by thread name. */
  public record Snapshot(Histogram micros, int loops, Map<String, Histogram> byLoop) {
    /** How many ticks ran more than {@code millis} late. */
    public long over(long millis) {
      return over(micros, millis);
    }

    /** How many ticks of {@code histogram} ran more than {@code millis} late. */
    public static long over(Histogram histogram, long millis) {
      long count = 0;
      for (var value : histogram.recordedValues()) {
        if (value.getValueIteratedTo() > millis * 1_000) {
          count += value.getCountAtValueIteratedTo();
        }
      }
      return count;
    }

    public double maxMillis() {
      return micros.getMaxValue() / 1_000.0;
    }

    public double p99Millis() {
      return micros.getValueAtPercentile(99) / 1_000.0;
    }

    public double p999Millis() {
      return micros.getValueAtPercentile(99.9) / 1_000.0;
    }
  }
}
