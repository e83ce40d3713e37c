package io.omniroute.loadtest.report;

import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/** Renders a {@link RunReport} for people, one figure per line. Stateless and thread-safe. */
public final class ReportText {
  private ReportText() {}

  public static String format(RunReport report) {
    StringBuilder out = new StringBuilder();
    boolean open = "open".equals(report.mode());
    line(out, "mode", open
        ? String.format(Locale.ROOT, "open model, target %s/s, %d connections", number(report.targetRate()), report.connections())
        : String.format(Locale.ROOT, "max (closed loop), %d connections", report.connections()));
    line(out, "target", report.url());
    line(out, "scenario", report.scenario() + ", seed " + report.seed());
    line(out, "duration", String.format(Locale.ROOT, "%.2f s measured after %.2f s warm-up",
        report.durationSeconds(), report.warmupSeconds()));
    line(out, "requests", String.format(Locale.ROOT, "%d (contacts %d, claims %d, not answered %d)",
        report.requests(), report.contacts(), report.claims(), report.failures()));
    line(out, "throughput", String.format(Locale.ROOT, "%.1f/s (2xx answers)", report.throughput()));
    out.append(open ? "latency ms (from the intended send time)\n" : "latency ms (from the send time)\n");
    LatencySummary latency = report.latency();
    percentile(out, "p50", latency.p50());
    percentile(out, "p90", latency.p90());
    percentile(out, "p99", latency.p99());
    percentile(out, "p99.9", latency.p999());
    percentile(out, "max", latency.max());
    percentile(out, "mean", latency.mean());
    LatencySummary service = report.serviceTime();
    line(out, "service time", String.format(Locale.ROOT, "p50 %.3f  p99 %.3f  max %.3f ms (from the moment a connection carried it)",
        service.p50(), service.p99(), service.max()));
    LatencySummary lag = report.clientLag();
    if (open) {
      line(out, "client lag", String.format(Locale.ROOT, "p99 %.3f  max %.3f ms (intended time to sending; high means the generator was behind)",
          lag.p99(), lag.max()));
    }
    line(out, "answers", counts(report.statuses()));
    line(out, "contacts", counts(report.results().contactStatuses()));
    line(out, "claims", counts(report.results().claimStatuses()));
    line(out, "errors", Long.toString(report.errors()));
    if (!report.errorsByStatus().isEmpty()) {
      line(out, "  by status", counts(report.errorsByStatus()));
    }
    if (!report.errorsByKind().isEmpty()) {
      line(out, "  by kind", counts(report.errorsByKind()));
    }
    return out.toString();
  }

  private static void line(StringBuilder out, String label, String value) {
    out.append(String.format(Locale.ROOT, "%-14s %s%n", label, value));
  }

  private static void percentile(StringBuilder out, String label, double ms) {
    out.append(String.format(Locale.ROOT, "  %-6s %12.3f%n", label, ms));
  }

  private static String counts(Map<?, Long> counts) {
    if (counts.isEmpty()) {
      return "none";
    }
    StringJoiner joined = new StringJoiner("  ");
    counts.forEach((key, n) -> joined.add(key + ": " + n));
    return joined.toString();
  }

  private static String number(Double value) {
    if (value == null) {
      return "-";
    }
    return value == Math.rint(value) ? Long.toString(value.longValue()) : String.format(Locale.ROOT, "%.1f", value);
  }
}
