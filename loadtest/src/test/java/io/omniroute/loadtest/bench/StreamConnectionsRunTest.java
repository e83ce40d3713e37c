package io.omniroute.loadtest.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The event streams benchmark on a small scale: every connection opens, events reach them, and it reports its figures. */
class StreamConnectionsRunTest {
  @Test
  void opensEveryConnectionAndMeasuresTheEngineWhileEventsFlowToThem() throws Exception {
    ByteArrayOutputStream log = new ByteArrayOutputStream();

    StreamConnectionsRun.Result result =
        StreamConnectionsRun.run(60, 45, 3, 10, new PrintStream(log, true, StandardCharsets.UTF_8));

    assertThat(result.connectionsOpen()).isEqualTo(60);
    assertThat(result.failed()).isZero();
    assertThat(result.heapConnected()).isPositive().isLessThan(1L << 30);
    assertThat(result.lateness().loops()).isPositive();
    assertThat(result.traffic()).matches("traffic contacts [1-9][0-9]* claimed [1-9][0-9]* completed [0-9]+ events [1-9][0-9]* dropped 0");
    assertThat(log.toString(StandardCharsets.UTF_8)).contains("client: connected 60 failed 0");
  }
}
