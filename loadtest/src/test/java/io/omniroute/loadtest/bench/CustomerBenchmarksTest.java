package io.omniroute.loadtest.bench;

import static org.assertj.core.api.Assertions.assertThat;

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
  void aStoredProfileWithTwoIdentitiesTakesAtMost400BytesOfHeap() {
    assertThat(CustomerFootprint.bytesPerProfile(200_000)).isLessThanOrEqualTo(400);
  }
}
