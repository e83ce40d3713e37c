package io.omniroute.loadtest.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.omniroute.engine.queue.Accepted;
import org.junit.jupiter.api.Test;

/** The customer benchmarks' set-up and operation, and the heap a stored profile costs. */
class CustomerBenchmarksTest {
  @Test
  void looksUpStoredProfilesByPhone() {
    CustomerLookupBenchmark benchmark = new CustomerLookupBenchmark();
    benchmark.profiles = 10_000;
    benchmark.setUp();

    for (int i = 0; i < 1_000; i++) {
      assertThat(benchmark.findByPhone()).isPresent();
    }
    assertThat(benchmark.store.count().result()).isEqualTo(10_000);
  }

  @Test
  void aKnownCallerReachesTheOwnerDealerAndAnAnonymousOneTheCountry() {
    for (String sender : new String[] {"known", "anonymous"}) {
      CustomerIntakeBenchmark benchmark = new CustomerIntakeBenchmark();
      benchmark.sender = sender;
      benchmark.setUp();

      Accepted accepted = benchmark.intake();

      assertThat(accepted.created()).isTrue();
      assertThat(accepted.record().customer().identification().name())
          .isEqualTo(sender.equals("known") ? "IDENTIFIED" : "UNIDENTIFIED");
      assertThat(accepted.record().route().queue()).isEqualTo(sender.equals("known") ? "dealer:DE-MUC-001" : "country:DE");
    }
  }

  @Test
  void aStoredProfileWithTwoIdentitiesTakesAtMost400BytesOfHeap() {
    assertThat(CustomerFootprint.bytesPerProfile(200_000)).isLessThanOrEqualTo(400);
  }
}
