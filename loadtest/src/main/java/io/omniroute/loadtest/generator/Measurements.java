package io.omniroute.loadtest.generator;

import io.omniroute.loadtest.report.Results;
import io.omniroute.loadtest.scenario.Operation;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Collects the outcomes of one phase of a run (warm-up or measurement).
 *
 * <p>Thread-safe: the {@code record*} methods are wait-free and called from any event loop;
 * {@link #progress()} and {@link #results()} are called by one reporting thread (they are
 * synchronized) and move what was recorded so far into running totals.
 */
public final class Measurements {
  private static final int STATUSES = 600;

  private final Recorder latency = new Recorder(Results.HIGHEST_MICROS, 3);
  private final Recorder serviceTime = new Recorder(Results.HIGHEST_MICROS, 3);
  private final Recorder clientLag = new Recorder(Results.HIGHEST_MICROS, 3);
  private final AtomicLongArray contactStatuses = new AtomicLongArray(STATUSES);
  private final AtomicLongArray claimStatuses = new AtomicLongArray(STATUSES);
  private final Map<String, LongAdder> failures = new ConcurrentHashMap<>();
  private final LongAdder ok = new LongAdder();
  private final LongAdder errors = new LongAdder();
  private final AtomicLong lastCompletionNanos = new AtomicLong(Long.MIN_VALUE);

  // guarded by this
  private final Histogram latencyTotal = Results.newHistogram();
  private final Histogram serviceTimeTotal = Results.newHistogram();
  private final Histogram clientLagTotal = Results.newHistogram();
  private Histogram latencyInterval;
  private Histogram serviceTimeInterval;
  private Histogram clientLagInterval;

  /** Progress so far: answered with 2xx, errors, latency percentiles in microseconds. */
  public record Progress(long ok, long errors, long p50Micros, long p99Micros) {}

  /**
   * How late the generator itself was: from the intended send time to the moment the lane's event
   * loop began sending. High values mean the client, not the server, was behind.
   */
  public void recordClientLag(long intendedNanos, long dispatchedNanos) {
    clientLag.recordValue(micros(dispatchedNanos - intendedNanos));
  }

  /**
   * An HTTP answer.
   *
   * @param intendedNanos when the request should have been sent ({@link System#nanoTime()})
   * @param sentNanos when a connection carried it
   * @param doneNanos when the response body had arrived
   */
  public void recordResponse(Operation.Kind kind, int status, long intendedNanos, long sentNanos, long doneNanos) {
    latency.recordValue(micros(doneNanos - intendedNanos));
    serviceTime.recordValue(micros(doneNanos - sentNanos));
    AtomicLongArray counts = kind == Operation.Kind.CLAIM ? claimStatuses : contactStatuses;
    counts.incrementAndGet(status >= 0 && status < STATUSES ? status : 0);
    if (status >= 200 && status < 300) {
      ok.increment();
    } else {
      errors.increment();
    }
    lastCompletionNanos.accumulateAndGet(doneNanos, Math::max);
  }

  /**
   * A request without an HTTP answer. Timeouts also count in the latency histogram (from the
   * intended time to the failure), so that a server that stops answering shows in the percentiles.
   */
  public void recordFailure(String kind, long intendedNanos, long doneNanos) {
    failures.computeIfAbsent(kind, k -> new LongAdder()).increment();
    errors.increment();
    if (ErrorKinds.TIMEOUT.equals(kind)) {
      latency.recordValue(micros(doneNanos - intendedNanos));
    }
    lastCompletionNanos.accumulateAndGet(doneNanos, Math::max);
  }

  /** When the last answer or failure was recorded, or {@link Long#MIN_VALUE} when none was. */
  public long lastCompletionNanos() {
    return lastCompletionNanos.get();
  }

  /** Answered with 2xx so far (cheap, no histogram work). */
  public long okCount() {
    return ok.sum();
  }

  public long errorCount() {
    return errors.sum();
  }

  public synchronized Progress progress() {
    drain();
    return new Progress(ok.sum(), errors.sum(),
        latencyTotal.getValueAtPercentile(50), latencyTotal.getValueAtPercentile(99));
  }

  /** Everything recorded so far, as copies. */
  public synchronized Results results() {
    drain();
    return new Results(latencyTotal.copy(), serviceTimeTotal.copy(), clientLagTotal.copy(),
        counts(contactStatuses), counts(claimStatuses), failureCounts());
  }

  private void drain() {
    latencyInterval = latency.getIntervalHistogram(latencyInterval);
    latencyTotal.add(latencyInterval);
    serviceTimeInterval = serviceTime.getIntervalHistogram(serviceTimeInterval);
    serviceTimeTotal.add(serviceTimeInterval);
    clientLagInterval = clientLag.getIntervalHistogram(clientLagInterval);
    clientLagTotal.add(clientLagInterval);
  }

  private static Map<Integer, Long> counts(AtomicLongArray array) {
    Map<Integer, Long> counts = new HashMap<>();
    for (int status = 0; status < STATUSES; status++) {
      long n = array.get(status);
      if (n > 0) {
        counts.put(status, n);
      }
    }
    return counts;
  }

  private Map<String, Long> failureCounts() {
    Map<String, Long> counts = new HashMap<>();
    failures.forEach((kind, n) -> counts.put(kind, n.sum()));
    return counts;
  }

  private static long micros(long nanos) {
    long micros = Math.max(0, (nanos + 500) / 1000);
    return Math.min(micros, Results.HIGHEST_MICROS);
  }
}
