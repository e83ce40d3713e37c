package io.omniroute.loadtest.report;

import java.util.Map;
import java.util.TreeMap;

/**
 * The outcome of a load run: what was run and what was measured, with the figures derived from
 * it. Immutable; {@link ReportText} and {@link ReportJson} render it.
 *
 * @param mode {@code open} or {@code max}
 * @param url the target
 * @param scenario the scenario's name
 * @param seed the traffic seed
 * @param targetRate requests per second (open model), {@code null} in max mode
 * @param connections HTTP connections (pool size, or closed loops in max mode)
 * @param warmupSeconds the discarded warm-up
 * @param durationSeconds the measured time: from the end of the warm-up to the last answer, at
 *     least the configured duration
 * @param results what was measured after the warm-up
 */
public record RunReport(
    String mode,
    String url,
    String scenario,
    long seed,
    Double targetRate,
    int connections,
    double warmupSeconds,
    double durationSeconds,
    Results results) {

  /** Contacts answered (any status). */
  public long contacts() {
    return sum(results.contactStatuses());
  }

  /** Claims answered (any status). */
  public long claims() {
    return sum(results.claimStatuses());
  }

  /** Requests without an HTTP answer: timeouts, connection errors, client overload. */
  public long failures() {
    return results.failures().values().stream().mapToLong(Long::longValue).sum();
  }

  /** Every request of the measurement: answered or not. */
  public long requests() {
    return contacts() + claims() + failures();
  }

  /** Requests answered with a 2xx status. */
  public long ok() {
    long ok = 0;
    for (Map.Entry<Integer, Long> e : statuses().entrySet()) {
      if (e.getKey() >= 200 && e.getKey() < 300) {
        ok += e.getValue();
      }
    }
    return ok;
  }

  /** Requests answered with a status other than 2xx, plus requests without an answer. */
  public long errors() {
    return requests() - ok();
  }

  /** 2xx answers per second over the measured time. */
  public double throughput() {
    return durationSeconds > 0 ? ok() / durationSeconds : 0;
  }

  public LatencySummary latency() {
    return LatencySummary.ofMicros(results.latency());
  }

  public LatencySummary serviceTime() {
    return LatencySummary.ofMicros(results.serviceTime());
  }

  public LatencySummary clientLag() {
    return LatencySummary.ofMicros(results.clientLag());
  }

  /** Answers by HTTP status, contacts and claims together. */
  public Map<Integer, Long> statuses() {
    Map<Integer, Long> all = new TreeMap<>(results.contactStatuses());
    results.claimStatuses().forEach((status, n) -> all.merge(status, n, Long::sum));
    return all;
  }

  /** Answers with a status other than 2xx. */
  public Map<Integer, Long> errorsByStatus() {
    Map<Integer, Long> errors = new TreeMap<>();
    statuses().forEach((status, n) -> {
      if (status < 200 || status >= 300) {
        errors.put(status, n);
      }
    });
    return errors;
  }

  /** Requests without an answer, by kind. */
  public Map<String, Long> errorsByKind() {
    return results.failures();
  }

  private static long sum(Map<Integer, Long> counts) {
    return counts.values().stream().mapToLong(Long::longValue).sum();
  }
}
