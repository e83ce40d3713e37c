package io.omniroute.loadtest.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.omniroute.engine.queue.Accepted;
import org.junit.jupiter.api.Test;

/** The streamed intake benchmark's set-up and operation, with and without the event streams. */
class StreamedIntakeBenchmarkTest {
  @Test
  void takesInADealersEmailWithAndWithoutTheStreamsListening() {
    for (String streams : new String[] {"off", "on", "on-last-10000"}) {
      StreamedIntakeBenchmark benchmark = new StreamedIntakeBenchmark();
      benchmark.streams = streams;
      benchmark.setUp();
      try {
        Accepted accepted = benchmark.intake();

        assertThat(accepted.created()).isTrue();
        assertThat(accepted.record().route().queue()).isEqualTo("dealer:DE-MUC-001");
      } finally {
        benchmark.tearDown();
      }
    }
  }
}
