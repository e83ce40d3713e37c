package io.omniroute.loadtest.bench;

import io.omniroute.engine.customer.MemoryCustomerStore;

/**
 * Measures the heap the memory customer store holds per profile with two identities: the live
 * heap after full collections, before and after storing {@code N} generated profiles ({@link
 * CustomerProfiles#generated}), divided by {@code N}.
 *
 * <p>Run: {@code java -Xmx2g -cp loadtest/target/omniroute-benchmarks.jar
 * io.omniroute.loadtest.bench.CustomerFootprint 1000000}.
 */
public final class CustomerFootprint {
  private CustomerFootprint() {}

  public static void main(String[] args) {
    int profiles = args.length == 0 ? 1_000_000 : Integer.parseInt(args[0]);
    double bytes = bytesPerProfile(profiles);
    System.out.printf("%,d profiles with two identities: %.0f bytes of heap each%n", profiles, bytes);
  }

  /** The live heap per stored profile, in bytes. */
  static double bytesPerProfile(int profiles) {
    long before = LiveHeap.bytes();
    MemoryCustomerStore store = new MemoryCustomerStore();
    for (int i = 0; i < profiles; i++) {
      store.put(GeneratedCustomers.generated(i));
    }
    long after = LiveHeap.bytes();
    if (store.count().result() != profiles) {
      throw new IllegalStateException("the store holds " + store.count().result() + " profiles, not " + profiles);
    }
    return (double) (after - before) / profiles;
  }
}
