package io.omniroute.loadtest.report;

import io.vertx.core.json.JsonObject;
import java.util.Map;

/**
 * Renders a {@link RunReport} as JSON for scripts (field names in {@code loadtest/README.md}).
 * Stateless and thread-safe.
 */
public final class ReportJson {
  private ReportJson() {}

  public static JsonObject toJson(RunReport report) {
    return new JsonObject()
        .put("mode", report.mode())
        .put("url", report.url())
        .put("scenario", report.scenario())
        .put("seed", report.seed())
        .put("targetRate", report.targetRate())
        .put("connections", report.connections())
        .put("warmupSeconds", report.warmupSeconds())
        .put("durationSeconds", report.durationSeconds())
        .put("requests", report.requests())
        .put("contacts", report.contacts())
        .put("claims", report.claims())
        .put("ok", report.ok())
        .put("errors", report.errors())
        .put("throughput", report.throughput())
        .put("latencyMs", latency(report.latency()))
        .put("serviceTimeMs", latency(report.serviceTime()))
        .put("clientLagMs", latency(report.clientLag()))
        .put("statuses", counts(report.statuses()))
        .put("contactStatuses", counts(report.results().contactStatuses()))
        .put("claimStatuses", counts(report.results().claimStatuses()))
        .put("errorsByStatus", counts(report.errorsByStatus()))
        .put("errorsByKind", counts(report.errorsByKind()));
  }

  private static JsonObject latency(LatencySummary summary) {
    return new JsonObject()
        .put("count", summary.count())
        .put("p50", summary.p50())
        .put("p90", summary.p90())
        .put("p99", summary.p99())
        .put("p999", summary.p999())
        .put("p9999", summary.p9999())
        .put("max", summary.max())
        .put("mean", summary.mean());
  }

  private static JsonObject counts(Map<?, Long> counts) {
    JsonObject json = new JsonObject();
    counts.forEach((key, n) -> json.put(String.valueOf(key), n));
    return json;
  }
}
