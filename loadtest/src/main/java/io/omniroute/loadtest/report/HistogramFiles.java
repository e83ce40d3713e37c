package io.omniroute.loadtest.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

/**
 * Writes a latency histogram (values in microseconds) to a file. A name ending in {@code .hlog}
 * gets an HdrHistogram log (one interval, readable by HistogramLogProcessor and HdrHistogram's
 * plotters); any other name gets the percentile distribution as text, values in milliseconds
 * ({@code .hgrm} format, as HdrHistogram's {@code outputPercentileDistribution} prints it).
 * Stateless and thread-safe.
 */
public final class HistogramFiles {
  private HistogramFiles() {}

  /**
   * @param startEpochMillis when the measurement began (wall clock), for the log's time stamps
   * @param durationSeconds the length of the measurement
   */
  public static void write(Histogram micros, Path file, long startEpochMillis, double durationSeconds) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try (OutputStream stream = Files.newOutputStream(file);
        PrintStream out = new PrintStream(stream, false, StandardCharsets.UTF_8)) {
      if (file.getFileName().toString().endsWith(".hlog")) {
        HistogramLogWriter log = new HistogramLogWriter(out);
        log.outputComment("omniroute-load latency; values in microseconds (max column in milliseconds)");
        log.outputLogFormatVersion();
        log.outputStartTime(startEpochMillis);
        log.setBaseTime(startEpochMillis);
        log.outputLegend();
        log.outputIntervalHistogram(0.0, durationSeconds, micros, 1000.0);
      } else {
        micros.outputPercentileDistribution(out, 5, 1000.0);
      }
    }
  }
}
