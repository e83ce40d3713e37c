package io.omniroute.loadtest.report;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the JSON reports of {@code loadtest/bench.sh} and prints what it needs: {@code half-rate
 * ENGINE_MAX.json} prints half the measured throughput as a whole rate; {@code table BASELINE_MAX.json
 * ENGINE_MAX.json ENGINE_OPEN.json [ENGINE_REDIS_MAX.json]} prints the comparison as Markdown
 * tables with the issues' targets, the second one comparing the engine on Redis with the engine on
 * the memory store; {@code open-table ENGINE_OPEN.json BASELINE_OPEN.json} puts the engine's
 * open-model percentiles beside the baseline server's at the same rate: what this machine, with the
 * load generator on the same cores, gives a server that does no work; {@code work-curve
 * ENGINE_MAX.json MICROS=BASELINE_MAX.json...} prints the baseline server's max throughput by
 * simulated work per request with the engine beside it ({@link WorkCurve}); {@code open-summary
 * LABEL OPEN.json} prints one open-model run's percentiles against the open-model targets.
 * Stateless.
 */
public final class Comparison {
  /** Engine max throughput must reach this share of the baseline's. */
  public static final double MIN_THROUGHPUT_RATIO = 0.7;
  /** Open model at half the engine's max: p99 must stay under this, in milliseconds. */
  public static final double MAX_P99_MS = 5;
  /** Open model at half the engine's max: p99.9 must stay under this, in milliseconds. */
  public static final double MAX_P999_MS = 20;
  /** Engine max throughput on Redis must reach this share of its throughput on the memory store. */
  public static final double MIN_REDIS_RATIO = 0.5;

  private Comparison() {}

  public static void main(String[] args) throws IOException {
    if (args.length == 2 && args[0].equals("half-rate")) {
      System.out.println(halfRate(read(args[1])));
    } else if (args.length == 4 && args[0].equals("table")) {
      System.out.print(table(read(args[1]), read(args[2]), read(args[3])));
    } else if (args.length == 5 && args[0].equals("table")) {
      System.out.print(table(read(args[1]), read(args[2]), read(args[3])) + redisTable(read(args[2]), read(args[4])));
    } else if (args.length == 3 && args[0].equals("open-table")) {
      System.out.print(openTable(read(args[1]), read(args[2])));
    } else if (args.length >= 4 && args[0].equals("work-curve")) {
      System.out.print(workCurve(args).table(read(args[1]).getDouble("throughput")));
    } else if (args.length == 3 && args[0].equals("open-summary")) {
      System.out.print(openSummary(args[1], read(args[2])));
    } else {
      System.err.println("usage: Comparison half-rate ENGINE_MAX.json"
          + " | table BASELINE_MAX.json ENGINE_MAX.json ENGINE_OPEN.json [ENGINE_REDIS_MAX.json]"
          + " | open-table ENGINE_OPEN.json BASELINE_OPEN.json"
          + " | work-curve ENGINE_MAX.json 0=BASELINE_MAX.json MICROS=BASELINE_MAX.json..."
          + " | open-summary LABEL OPEN.json");
      System.exit(2);
    }
  }

  /** Half of a max-mode run's throughput, at least 1 request per second. */
  public static long halfRate(JsonObject maxReport) {
    return Math.max(1, Math.round(maxReport.getDouble("throughput") / 2));
  }

  /** The comparison table, with one line per target saying whether it was met. */
  public static String table(JsonObject baselineMax, JsonObject engineMax, JsonObject engineOpen) {
    double baseline = baselineMax.getDouble("throughput");
    double engine = engineMax.getDouble("throughput");
    double ratio = baseline == 0 ? 0 : engine / baseline;
    JsonObject open = engineOpen.getJsonObject("latencyMs");
    StringBuilder out = new StringBuilder();
    out.append("| measure | value |\n| --- | ---: |\n");
    row(out, "baseline server, max throughput (req/s)", format("%.0f", baseline));
    row(out, "engine (memory store), max throughput (req/s)", format("%.0f", engine));
    row(out, "engine / baseline", format("%.2f", ratio));
    row(out, "open model: target rate (req/s)", format("%.0f", engineOpen.getDouble("targetRate", 0.0)));
    row(out, "open model: achieved rate (req/s)", format("%.0f", engineOpen.getDouble("throughput")));
    row(out, "open model: p50 (ms)", format("%.2f", open.getDouble("p50")));
    row(out, "open model: p90 (ms)", format("%.2f", open.getDouble("p90")));
    row(out, "open model: p99 (ms)", format("%.2f", open.getDouble("p99")));
    row(out, "open model: p99.9 (ms)", format("%.2f", open.getDouble("p999")));
    row(out, "open model: max (ms)", format("%.2f", open.getDouble("max")));
    row(out, "errors (baseline max / engine max / open)", baselineMax.getLong("errors") + " / "
        + engineMax.getLong("errors") + " / " + engineOpen.getLong("errors"));
    out.append('\n');
    target(out, "engine max >= " + MIN_THROUGHPUT_RATIO + " x baseline max", ratio >= MIN_THROUGHPUT_RATIO);
    target(out, "open model p99 < " + format("%.0f", MAX_P99_MS) + " ms", open.getDouble("p99") < MAX_P99_MS);
    target(out, "open model p99.9 < " + format("%.0f", MAX_P999_MS) + " ms", open.getDouble("p999") < MAX_P999_MS);
    return out.toString();
  }

  /** The engine on Redis against the engine on the memory store, both in max mode. */
  public static String redisTable(JsonObject memoryMax, JsonObject redisMax) {
    double memory = memoryMax.getDouble("throughput");
    double redis = redisMax.getDouble("throughput");
    double ratio = memory == 0 ? 0 : redis / memory;
    StringBuilder out = new StringBuilder("\n| measure | value |\n| --- | ---: |\n");
    row(out, "engine (memory store), max throughput (req/s)", format("%.0f", memory));
    row(out, "engine (Redis store), max throughput (req/s)", format("%.0f", redis));
    row(out, "Redis / memory", format("%.2f", ratio));
    row(out, "errors (Redis max)", Long.toString(redisMax.getLong("errors")));
    out.append('\n');
    target(out, "engine max on Redis >= " + MIN_REDIS_RATIO + " x on memory", ratio >= MIN_REDIS_RATIO);
    return out.toString();
  }

  /**
   * The engine's and the baseline server's open-model percentiles at the same rate, with their
   * ratios, and whether the baseline itself stays within the open-model targets: if it does not,
   * those targets are beyond this machine for any server.
   */
  public static String openTable(JsonObject engineOpen, JsonObject baselineOpen) {
    JsonObject engine = engineOpen.getJsonObject("latencyMs");
    JsonObject baseline = baselineOpen.getJsonObject("latencyMs");
    StringBuilder out = new StringBuilder("\n| open model at the same rate | engine | baseline server | engine / baseline |\n")
        .append("| --- | ---: | ---: | ---: |\n");
    out.append("| achieved rate (req/s) | ").append(format("%.0f", engineOpen.getDouble("throughput"))).append(" | ")
        .append(format("%.0f", baselineOpen.getDouble("throughput"))).append(" | |\n");
    for (String[] percentile : new String[][] {{"p50", "p50"}, {"p90", "p90"}, {"p99", "p99"}, {"p99.9", "p999"}, {"max", "max"}}) {
      double e = engine.getDouble(percentile[1]);
      double b = baseline.getDouble(percentile[1]);
      out.append("| ").append(percentile[0]).append(" (ms) | ").append(format("%.2f", e)).append(" | ")
          .append(format("%.2f", b)).append(" | ").append(b == 0 ? "" : format("%.1f", e / b)).append(" |\n");
    }
    row(out, "errors (engine / baseline)", engineOpen.getLong("errors") + " / " + baselineOpen.getLong("errors"));
    out.append('\n');
    target(out, "baseline server open model p99 < " + format("%.0f", MAX_P99_MS) + " ms (the machine's floor)",
        baseline.getDouble("p99") < MAX_P99_MS);
    target(out, "baseline server open model p99.9 < " + format("%.0f", MAX_P999_MS) + " ms (the machine's floor)",
        baseline.getDouble("p999") < MAX_P999_MS);
    return out.toString();
  }

  /** One open-model run: its rate, percentiles and errors, and whether it keeps the open-model targets. */
  public static String openSummary(String label, JsonObject open) {
    JsonObject latency = open.getJsonObject("latencyMs");
    StringBuilder out = new StringBuilder("\n| open model: " + label + " | value |\n| --- | ---: |\n");
    row(out, "target rate (req/s)", format("%.0f", open.getDouble("targetRate", 0.0)));
    row(out, "achieved rate (req/s)", format("%.0f", open.getDouble("throughput")));
    for (String[] percentile : new String[][] {{"p50", "p50"}, {"p90", "p90"}, {"p99", "p99"}, {"p99.9", "p999"}, {"max", "max"}}) {
      row(out, percentile[0] + " (ms)", format("%.2f", latency.getDouble(percentile[1])));
    }
    row(out, "errors", Long.toString(open.getLong("errors")));
    out.append('\n');
    target(out, "p99 < " + format("%.0f", MAX_P99_MS) + " ms", latency.getDouble("p99") < MAX_P99_MS);
    target(out, "p99.9 < " + format("%.0f", MAX_P999_MS) + " ms", latency.getDouble("p999") < MAX_P999_MS);
    return out.toString();
  }

  private static WorkCurve workCurve(String[] args) throws IOException {
    List<WorkCurve.Point> points = new ArrayList<>();
    for (int i = 2; i < args.length; i++) {
      int equals = args[i].indexOf('=');
      if (equals < 1) {
        throw new IllegalArgumentException("expected MICROS=REPORT.json, got '" + args[i] + "'");
      }
      points.add(new WorkCurve.Point(Double.parseDouble(args[i].substring(0, equals)),
          read(args[i].substring(equals + 1)).getDouble("throughput")));
    }
    return new WorkCurve(points);
  }

  private static void row(StringBuilder out, String name, String value) {
    out.append("| ").append(name).append(" | ").append(value).append(" |\n");
  }

  private static void target(StringBuilder out, String name, boolean met) {
    out.append("- ").append(name).append(": ").append(met ? "met" : "NOT met").append('\n');
  }

  private static String format(String pattern, double value) {
    return String.format(Locale.ROOT, pattern, value);
  }

  private static JsonObject read(String file) throws IOException {
    return new JsonObject(Files.readString(Path.of(file)));
  }
}
