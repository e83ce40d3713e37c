package io.omniroute.loadtest.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.omniroute.engine.queue.ContactRecord;
import io.omniroute.engine.queue.ContactStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs {@link QueueBenchmark}'s set-up and operation: the queue is filled to the depth, and each
 * operation claims the oldest contact and leaves the depth as it was.
 */
class QueueBenchmarkTest {

  @ParameterizedTest
  @ValueSource(ints = {1, 1_000, 20_000})
  void acceptAndClaimKeepsTheDepthConstantAndServesFirstInFirstOut(int depth) {
    QueueBenchmark benchmark = new QueueBenchmark();
    benchmark.depth = depth;
    benchmark.setUp();
    try {
      assertThat(benchmark.waiting()).isEqualTo(depth);

      ContactRecord first = benchmark.acceptAndClaim();
      ContactRecord second = benchmark.acceptAndClaim();

      assertThat(first.id()).isEqualTo("c-0");
      assertThat(second.id()).isEqualTo("c-1");
      assertThat(first.status()).isEqualTo(ContactStatus.ASSIGNED);
      assertThat(first.agent()).isEqualTo(QueueBenchmark.AGENT);
      assertThat(first.route().queue()).isEqualTo(QueueBenchmark.QUEUE);
      assertThat(benchmark.waiting()).isEqualTo(depth);
      assertThat(benchmark.store.find("c-" + (depth + 1)).result()).hasValueSatisfying(
          newest -> assertThat(newest.status()).isEqualTo(ContactStatus.QUEUED));
    } finally {
      benchmark.tearDown();
    }
  }

  @Test
  void acceptClaimCompleteKeepsTheDepthAndForgetsFinishedContactsAfterTheRetention() {
    QueueBenchmark benchmark = new QueueBenchmark();
    benchmark.depth = 1_000;
    benchmark.setUp();
    try {
      ContactRecord first = benchmark.acceptClaimComplete();
      assertThat(first.id()).isEqualTo("c-0");
      assertThat(first.status()).isEqualTo(ContactStatus.COMPLETED);
      for (int i = 0; i < 30_000; i++) {
        benchmark.acceptClaimComplete();
      }

      assertThat(benchmark.waiting()).isEqualTo(1_000);
      assertThat(benchmark.store.find("c-0").result()).as("finished 30 ms ago on the simulated clock").isEmpty();
      assertThat(benchmark.store.find("c-30000").result()).hasValueSatisfying(
          recent -> assertThat(recent.status()).isEqualTo(ContactStatus.COMPLETED));
    } finally {
      benchmark.tearDown();
    }
  }
}
