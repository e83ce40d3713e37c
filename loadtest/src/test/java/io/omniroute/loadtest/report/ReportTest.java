package io.omniroute.loadtest.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.vertx.core.json.JsonObject;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report from a known histogram and known counts: text, JSON, histogram files and chart. */
class ReportTest {
  @TempDir Path dir;

  /** 990 answers of 1 ms, 9 of 1.5 ms, 1 of 2 ms (values below 2048 us are exact in HdrHistogram). */
  static Histogram knownLatency() {
    Histogram histogram = Results.newHistogram();
    histogram.recordValueWithCount(1_000, 990);
    histogram.recordValueWithCount(1_500, 9);
    histogram.recordValue(2_000);
    return histogram;
  }

  static RunReport knownReport() {
    Histogram service = Results.newHistogram();
    service.recordValueWithCount(500, 1000);
    Histogram lag = Results.newHistogram();
    lag.recordValueWithCount(50, 1000);
    Results results = new Results(knownLatency(), service, lag,
        Map.of(201, 700L, 200, 5L, 500, 3L),
        Map.of(200, 150L, 204, 138L, 404, 2L),
        Map.of("timeout", 2L, "client-overload", 6L));
    return new RunReport("open", "http://127.0.0.1:8480", "realistic", 42L, 100.0, 64, 5.0, 10.0, results);
  }

  @Test
  void derivesCountsThroughputAndPercentiles() {
    RunReport report = knownReport();
    assertThat(report.contacts()).isEqualTo(708);
    assertThat(report.claims()).isEqualTo(290);
    assertThat(report.failures()).isEqualTo(8);
    assertThat(report.requests()).isEqualTo(1006);
    assertThat(report.ok()).isEqualTo(993);
    assertThat(report.errors()).isEqualTo(13);
    assertThat(report.throughput()).isCloseTo(99.3, within(1e-9));
    assertThat(report.statuses()).containsExactly(
        Map.entry(200, 155L), Map.entry(201, 700L), Map.entry(204, 138L), Map.entry(404, 2L), Map.entry(500, 3L));
    assertThat(report.errorsByStatus()).containsExactly(Map.entry(404, 2L), Map.entry(500, 3L));
    assertThat(report.errorsByKind()).containsExactly(Map.entry("client-overload", 6L), Map.entry("timeout", 2L));

    LatencySummary latency = report.latency();
    assertThat(latency.count()).isEqualTo(1000);
    assertThat(latency.p50()).isEqualTo(1.0);
    assertThat(latency.p90()).isEqualTo(1.0);
    assertThat(latency.p99()).isEqualTo(1.0);
    assertThat(latency.p999()).isEqualTo(1.5);
    assertThat(latency.max()).isEqualTo(2.0);
    assertThat(latency.mean()).isCloseTo(1.0055, within(1e-9));
  }

  @Test
  void textReportHasTheFiguresOnePerLine() {
    String text = ReportText.format(knownReport());
    assertThat(text).contains(
        "mode           open model, target 100/s, 64 connections",
        "duration       10.00 s measured after 5.00 s warm-up",
        "requests       1006 (contacts 708, claims 290, not answered 8)",
        "throughput     99.3/s (2xx answers)",
        "latency ms (from the intended send time)",
        "  p50           1.000",
        "  p90           1.000",
        "  p99           1.000",
        "  p99.9         1.500",
        "  max           2.000",
        "answers        200: 155  201: 700  204: 138  404: 2  500: 3",
        "claims         200: 150  204: 138  404: 2",
        "errors         13",
        "  by status    404: 2  500: 3",
        "  by kind      client-overload: 6  timeout: 2");
  }

  @Test
  void maxModeSaysLatencyIsFromTheSendTime() {
    RunReport open = knownReport();
    RunReport max = new RunReport("max", open.url(), open.scenario(), 1L, null, 8, 0, 2.0, open.results());
    String text = ReportText.format(max);
    assertThat(text).contains("max (closed loop), 8 connections", "latency ms (from the send time)")
        .doesNotContain("client lag");
    assertThat(ReportJson.toJson(max).getValue("targetRate")).isNull();
  }

  @Test
  void jsonReportHasTheSameFigures() {
    JsonObject json = new JsonObject(ReportJson.toJson(knownReport()).encode());
    assertThat(json.getString("mode")).isEqualTo("open");
    assertThat(json.getDouble("targetRate")).isEqualTo(100.0);
    assertThat(json.getLong("requests")).isEqualTo(1006);
    assertThat(json.getLong("contacts")).isEqualTo(708);
    assertThat(json.getLong("claims")).isEqualTo(290);
    assertThat(json.getLong("ok")).isEqualTo(993);
    assertThat(json.getLong("errors")).isEqualTo(13);
    assertThat(json.getDouble("throughput")).isCloseTo(99.3, within(1e-9));
    assertThat(json.getDouble("durationSeconds")).isEqualTo(10.0);
    JsonObject latency = json.getJsonObject("latencyMs");
    assertThat(latency.getDouble("p50")).isEqualTo(1.0);
    assertThat(latency.getDouble("p90")).isEqualTo(1.0);
    assertThat(latency.getDouble("p99")).isEqualTo(1.0);
    assertThat(latency.getDouble("p999")).isEqualTo(1.5);
    assertThat(latency.getDouble("max")).isEqualTo(2.0);
    assertThat(json.getJsonObject("serviceTimeMs").getDouble("p50")).isEqualTo(0.5);
    assertThat(json.getJsonObject("clientLagMs").getDouble("max")).isEqualTo(0.05);
    assertThat(json.getJsonObject("claimStatuses").getMap()).containsOnly(
        Map.entry("200", 150), Map.entry("204", 138), Map.entry("404", 2));
    assertThat(json.getJsonObject("contactStatuses").getMap()).containsOnly(
        Map.entry("200", 5), Map.entry("201", 700), Map.entry("500", 3));
    assertThat(json.getJsonObject("errorsByStatus").getMap()).containsOnly(Map.entry("404", 2), Map.entry("500", 3));
    assertThat(json.getJsonObject("errorsByKind").getMap()).containsOnly(
        Map.entry("client-overload", 6), Map.entry("timeout", 2));
  }

  @Test
  void writesAValidPngChart() throws Exception {
    Path png = dir.resolve("charts/latency.png");
    LatencyChart.writePng(knownLatency(), png, "test", "latency");
    assertPng(png);
    Path empty = dir.resolve("empty.png");
    LatencyChart.writePng(Results.newHistogram(), empty, "nothing measured", "latency");
    assertPng(empty);
  }

  @Test
  void chartXAxisIsThePercentileOnALogScale() {
    assertThat(LatencyChart.percentileLabel(1)).isEqualTo("0");
    assertThat(LatencyChart.percentileLabel(10)).isEqualTo("90");
    assertThat(LatencyChart.percentileLabel(100)).isEqualTo("99");
    assertThat(LatencyChart.percentileLabel(1000)).isEqualTo("99.9");
    assertThat(LatencyChart.percentileLabel(10000)).isEqualTo("99.99");
    // the axis is log10(1/(1-p)): whole decades are labelled, positions between them are not
    assertThat(LatencyChart.axisLabel(0)).isEqualTo("0");
    assertThat(LatencyChart.axisLabel(1)).isEqualTo("90");
    assertThat(LatencyChart.axisLabel(3)).isEqualTo("99.9");
    assertThat(LatencyChart.axisLabel(1.5)).isBlank();
    var points = LatencyChart.points(knownLatency());
    assertThat(points.get(0)).containsExactly(1.0, 1.0);
    assertThat(points.get(points.size() - 1)[1]).isEqualTo(2.0);
    for (int i = 1; i < points.size(); i++) {
      assertThat(points.get(i)[0]).isGreaterThan(points.get(i - 1)[0]);
      assertThat(points.get(i)[1]).isGreaterThanOrEqualTo(points.get(i - 1)[1]);
    }
  }

  @Test
  void writesThePercentileDistributionInMilliseconds() throws Exception {
    Path file = dir.resolve("latency.hgrm");
    HistogramFiles.write(knownLatency(), file, 0, 10.0);
    String text = Files.readString(file);
    assertThat(text).contains("Value     Percentile TotalCount 1/(1-Percentile)")
        .contains("#[Max     =        2.000, Total count    =         1000]");
  }

  @Test
  void writesAnHdrHistogramLogThatReadsBack() throws Exception {
    Path file = dir.resolve("latency.hlog");
    HistogramFiles.write(knownLatency(), file, 1_700_000_000_000L, 10.0);
    try (InputStream in = Files.newInputStream(file)) {
      HistogramLogReader reader = new HistogramLogReader(in);
      EncodableHistogram read = reader.nextIntervalHistogram();
      assertThat(read).isInstanceOf(Histogram.class);
      Histogram histogram = (Histogram) read;
      assertThat(histogram.getTotalCount()).isEqualTo(1000);
      assertThat(histogram.getValueAtPercentile(99.9)).isEqualTo(1_500);
      assertThat(reader.nextIntervalHistogram()).isNull();
    }
  }

  private static void assertPng(Path file) throws Exception {
    byte[] bytes = Files.readAllBytes(file);
    assertThat(bytes.length).isGreaterThan(1000);
    assertThat(java.util.Arrays.copyOf(bytes, 8))
        .containsExactly(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A);
  }
}
