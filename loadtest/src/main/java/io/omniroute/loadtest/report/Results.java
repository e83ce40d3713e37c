package io.omniroute.loadtest.report;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * What one phase of a run measured: the latency histograms (values in microseconds) and the
 * counts of answers and failures. Immutable by convention: do not modify the histograms.
 *
 * @param latency latency per answered request, from the intended send time (open model) or the
 *     send time (max mode) to the end of the response; timeouts are recorded too
 * @param serviceTime from the moment a connection carried the request to the end of the response
 * @param clientLag from the intended send time to the moment the client's event loop began sending
 *     it: how far the generator itself was behind
 * @param contactStatuses HTTP status to count for {@code POST /v1/contacts}
 * @param claimStatuses HTTP status to count for claims
 * @param failures requests without an HTTP answer, by kind (timeout, connection-refused,
 *     client-overload, ...)
 */
public record Results(
    Histogram latency,
    Histogram serviceTime,
    Histogram clientLag,
    Map<Integer, Long> contactStatuses,
    Map<Integer, Long> claimStatuses,
    Map<String, Long> failures) {

  public Results {
    contactStatuses = Collections.unmodifiableMap(new TreeMap<>(contactStatuses));
    claimStatuses = Collections.unmodifiableMap(new TreeMap<>(claimStatuses));
    failures = Collections.unmodifiableMap(new TreeMap<>(failures));
  }

  /** A histogram for latencies in microseconds, up to one hour, three significant digits. */
  public static Histogram newHistogram() {
    return new Histogram(HIGHEST_MICROS, 3);
  }

  /** The highest latency recorded, in microseconds (one hour); longer ones are clamped to it. */
  public static final long HIGHEST_MICROS = 3_600_000_000L;
}
