package io.omniroute.loadtest.report;

import org.HdrHistogram.Histogram;

/**
 * Percentiles of a latency histogram, in milliseconds. Immutable.
 *
 * @param count values recorded
 * @param p50 median
 * @param p90 90th percentile
 * @param p99 99th percentile
 * @param p999 99.9th percentile
 * @param p9999 99.99th percentile
 * @param max the highest value
 * @param mean the mean
 */
public record LatencySummary(long count, double p50, double p90, double p99, double p999, double p9999, double max, double mean) {

  /** Summarises a histogram whose values are microseconds; all zero when it is empty. */
  public static LatencySummary ofMicros(Histogram histogram) {
    if (histogram.getTotalCount() == 0) {
      return new LatencySummary(0, 0, 0, 0, 0, 0, 0, 0);
    }
    return new LatencySummary(
        histogram.getTotalCount(),
        ms(histogram.getValueAtPercentile(50)),
        ms(histogram.getValueAtPercentile(90)),
        ms(histogram.getValueAtPercentile(99)),
        ms(histogram.getValueAtPercentile(99.9)),
        ms(histogram.getValueAtPercentile(99.99)),
        ms(histogram.getMaxValue()),
        histogram.getMean() / 1000.0);
  }

  private static double ms(long micros) {
    return micros / 1000.0;
  }
}
