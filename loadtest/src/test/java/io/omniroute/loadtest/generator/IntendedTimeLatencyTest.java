package io.omniroute.loadtest.generator;

import static org.assertj.core.api.Assertions.assertThat;

import io.omniroute.loadtest.report.RunReport;
import io.omniroute.loadtest.support.Runs;
import io.omniroute.loadtest.support.StallingServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/**
 * The open model measures latency from the intended send time: when the server stalls one
 * request, the requests scheduled behind it on the same connection wait, and their wait counts
 * (no coordinated omission). Only counts are asserted, never how fast this machine is.
 */
class IntendedTimeLatencyTest {
  private static final long STALL_MILLIS = 300;
  private static final int STALLED_REQUEST = 50;
  private static final long HUNDRED_MS_IN_MICROS = 100_000;

  @Test
  void requestsQueuedBehindAStalledOneCountTheirWaitFromTheIntendedTime() throws Exception {
    try (StallingServer server = new StallingServer(n -> n == STALLED_REQUEST ? STALL_MILLIS : 0)) {
      // 100/s for 2 s on one connection: request 50 stalls for 300 ms, the ~30 scheduled during
      // the stall wait behind it
      RunReport report = run(Runs.open(server.url(), 100, Duration.ofSeconds(2), 1, 0.0));

      assertThat(report.requests()).isEqualTo(200);
      assertThat(report.errors()).isZero();
      assertThat(report.results().contactStatuses()).containsEntry(201, 200L);

      Histogram latency = report.results().latency();
      Histogram service = report.results().serviceTime();
      long slowFromIntended = latency.getCountBetweenValues(HUNDRED_MS_IN_MICROS, latency.getMaxValue());
      long slowFromSend = service.getCountBetweenValues(HUNDRED_MS_IN_MICROS, Math.max(HUNDRED_MS_IN_MICROS, service.getMaxValue()));
      // requests intended in the first 200 ms of the stall waited at least 100 ms each: about 20
      assertThat(slowFromIntended).isGreaterThanOrEqualTo(15);
      // p99 includes the stall although only one request was slow at the server
      assertThat(report.latency().p99()).isGreaterThanOrEqualTo(200.0);
      assertThat(report.latency().max()).isGreaterThanOrEqualTo((double) STALL_MILLIS);
      // measured from the send on the connection, as a closed-loop tool would, most of it hides
      assertThat(slowFromSend).isLessThan(slowFromIntended);
    }
  }

  @Test
  void requestsBeyondTheInFlightBoundAreCountedAsClientOverloadNotQueued() throws Exception {
    try (StallingServer server = new StallingServer(n -> 500)) {
      RunReport report = run(Runs.settings(server.url(), RunSettings.Mode.OPEN, 100, Duration.ofSeconds(1), 4, 0.0, 2));

      assertThat(report.requests()).isEqualTo(100);
      assertThat(report.errorsByKind()).containsKey("client-overload");
      // at most two outstanding at any time: with 500 ms answers, few got through in one second
      assertThat(report.results().contactStatuses().getOrDefault(201, 0L)).isLessThanOrEqualTo(10L);
      assertThat(report.errorsByKind().get("client-overload") + report.ok()).isEqualTo(100);
      assertThat(server.posts()).isEqualTo((int) report.ok());
    }
  }

  private static RunReport run(RunSettings settings) {
    ByteArrayOutputStream progress = new ByteArrayOutputStream();
    RunReport report = new LoadRun(settings, new PrintStream(progress, true, StandardCharsets.UTF_8)).execute();
    assertThat(progress.toString(StandardCharsets.UTF_8)).doesNotContain("warning");
    return report;
  }
}
