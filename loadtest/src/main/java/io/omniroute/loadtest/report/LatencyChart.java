package io.omniroute.loadtest.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Draws the latency percentile distribution as a PNG with XChart: x is the percentile on a log
 * scale of {@code 1 / (1 - p)} (ticks 0, 90, 99, 99.9, 99.99 ...), y the latency in milliseconds,
 * as HdrHistogram's plotter shows it. Headless ({@code java.awt.headless=true} is set before AWT
 * loads). Stateless and thread-safe.
 */
public final class LatencyChart {
  static {
    System.setProperty("java.awt.headless", "true");
  }

  private LatencyChart() {}

  /** The points of the chart: x = 1/(1 - percentile/100), y = latency in ms; the max closes it. */
  public static List<double[]> points(Histogram micros) {
    List<double[]> points = new ArrayList<>();
    if (micros.getTotalCount() == 0) {
      points.add(new double[] {1, 0});
      return points;
    }
    double lastX = 1;
    for (HistogramIterationValue v : micros.percentiles(5)) {
      double percentile = v.getPercentileLevelIteratedTo();
      if (percentile >= 100) {
        break;
      }
      lastX = 100.0 / (100.0 - percentile);
      points.add(new double[] {lastX, v.getValueIteratedTo() / 1000.0});
    }
    double maxX = Math.max(lastX * 2, micros.getTotalCount());
    points.add(new double[] {maxX, micros.getMaxValue() / 1000.0});
    return points;
  }

  /** The tick label for x = 1/(1 - p): {@code 0}, {@code 90}, {@code 99}, {@code 99.9}, ... */
  public static String percentileLabel(double x) {
    double percentile = 100.0 - 100.0 / x;
    if (percentile <= 0) {
      return "0";
    }
    String text = String.format(Locale.ROOT, "%.6f", percentile);
    text = text.replaceAll("0+$", "");
    return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
  }

  /**
   * The tick label for a position on the chart's x axis, which is {@code log10(1/(1 - p))}: whole
   * decades get {@code 0}, {@code 90}, {@code 99}, {@code 99.9}, ...; other positions no label.
   */
  public static String axisLabel(double decades) {
    double whole = Math.rint(decades);
    if (Math.abs(decades - whole) > 1e-6 || whole < 0) {
      return " ";
    }
    return percentileLabel(Math.pow(10, whole));
  }

  /**
   * Writes the chart to {@code file} (PNG, 1000x600). XChart's logarithmic axis cannot take
   * custom labels, so x is plotted as {@code log10(1/(1 - p))} on a linear axis whose whole
   * decades are labelled with their percentile.
   */
  public static void writePng(Histogram micros, Path file, String title, String seriesName) throws IOException {
    List<double[]> points = points(micros);
    double[] x = new double[points.size()];
    double[] y = new double[points.size()];
    for (int i = 0; i < points.size(); i++) {
      x[i] = Math.log10(points.get(i)[0]);
      y[i] = points.get(i)[1];
    }
    int decades = Math.max(2, (int) Math.ceil(x[x.length - 1] - 1e-9));
    XYChart chart = new XYChartBuilder().width(1000).height(600).title(title)
        .xAxisTitle("percentile").yAxisTitle("latency (ms)").build();
    chart.getStyler().setXAxisMin(0.0);
    chart.getStyler().setXAxisMax((double) decades);
    chart.getStyler().setYAxisMin(0.0);
    // about one tick per decade: XChart picks the step from the spacing hint (pixels per tick)
    chart.getStyler().setXAxisTickMarkSpacingHint(Math.max(40, 900 / (decades + 1)));
    chart.getStyler().setxAxisTickLabelsFormattingFunction(LatencyChart::axisLabel);
    chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
    XYSeries series = chart.addSeries(seriesName, x, y);
    series.setMarker(SeriesMarkers.NONE);
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try (OutputStream out = Files.newOutputStream(file)) {
      BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
    }
  }
}
