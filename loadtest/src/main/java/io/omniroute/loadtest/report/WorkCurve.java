package io.omniroute.loadtest.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * How the baseline server's max throughput falls as each request gets more simulated work
 * ({@code BaselineServer --work}), measured on one machine in one run, and where the engine sits on
 * that curve. It answers two questions the throughput target raises: up to how many microseconds
 * of work per request can any server on this machine, with the load generator on the same cores,
 * keep {@link Comparison#MIN_THROUGHPUT_RATIO} of the no-work baseline; and how much work per
 * request the engine's own max corresponds to.
 *
 * <p>Between two measured points the time per request is taken as linear in the work (throughput
 * as its inverse); outside the measured range nothing is extrapolated. Immutable once built.
 */
public final class WorkCurve {
  /** One max-mode run of the baseline server with {@code workMicros} of work per request. */
  public record Point(double workMicros, double throughput) {}

  private final List<Point> points;

  /** A curve of at least two points, one of them with no work (the reference). */
  public WorkCurve(List<Point> measured) {
    List<Point> sorted = new ArrayList<>(measured);
    sorted.sort(Comparator.comparingDouble(Point::workMicros));
    if (sorted.size() < 2 || sorted.get(0).workMicros() != 0) {
      throw new IllegalArgumentException("a work curve needs a run with no work and at least one with work, got " + measured);
    }
    this.points = List.copyOf(sorted);
  }

  /** The throughput with no work. */
  public double reference() {
    return points.get(0).throughput();
  }

  /** The work per request at which the throughput falls to {@code share} of the reference, if measured. */
  public OptionalDouble workAtShare(double share) {
    return workAt(reference() * share);
  }

  /** The work per request at which the baseline's throughput equals {@code throughput}, if measured. */
  public OptionalDouble workAt(double throughput) {
    for (int i = 1; i < points.size(); i++) {
      Point lighter = points.get(i - 1);
      Point heavier = points.get(i);
      if (lighter.throughput() >= throughput && throughput >= heavier.throughput()) {
        double slowest = 1 / heavier.throughput() - 1 / lighter.throughput();
        double part = slowest == 0 ? 0 : (1 / throughput - 1 / lighter.throughput()) / slowest;
        return OptionalDouble.of(lighter.workMicros() + part * (heavier.workMicros() - lighter.workMicros()));
      }
    }
    return OptionalDouble.empty();
  }

  /** The curve as a Markdown table, the engine beside it, and the two answers. */
  public String table(double engineThroughput) {
    StringBuilder out = new StringBuilder("| simulated work per request (us) | max throughput (req/s) | / no work |\n")
        .append("| ---: | ---: | ---: |\n");
    for (Point point : points) {
      out.append("| ").append(format("%.0f", point.workMicros())).append(" | ").append(format("%.0f", point.throughput()))
          .append(" | ").append(format("%.2f", point.throughput() / reference())).append(" |\n");
    }
    out.append("| engine | ").append(format("%.0f", engineThroughput)).append(" | ")
        .append(format("%.2f", engineThroughput / reference())).append(" |\n\n");
    double share = Comparison.MIN_THROUGHPUT_RATIO;
    out.append("- ").append(format("%.1f", share)).append(" x the no-work baseline is kept up to ")
        .append(describe(workAtShare(share))).append(" of work per request\n");
    out.append("- the engine's max equals the baseline's with ").append(describe(workAt(engineThroughput)))
        .append(" of work per request\n");
    return out.toString();
  }

  private String describe(OptionalDouble work) {
    if (work.isPresent()) {
      return "about " + format("%.1f", work.getAsDouble()) + " us";
    }
    return "(outside the measured " + format("%.0f", points.get(0).workMicros()) + "-"
        + format("%.0f", points.get(points.size() - 1).workMicros()) + " us)";
  }

  private static String format(String pattern, double value) {
    return String.format(Locale.ROOT, pattern, value);
  }
}
