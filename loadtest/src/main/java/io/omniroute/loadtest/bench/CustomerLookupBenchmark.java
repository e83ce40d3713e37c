package io.omniroute.loadtest.bench;

import io.omniroute.engine.customer.CustomerProfile;
import io.omniroute.engine.customer.Identity;
import io.omniroute.engine.customer.MemoryCustomerStore;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Looking a customer up by phone number in the memory customer store, as intake does for every
 * contact: compare {@code profiles=1000} with {@code profiles=1000000}. The store is filled once
 * per trial with {@link GeneratedCustomers#generated} profiles (a phone number and an email address
 * each); every operation looks up the phone number of a randomly chosen stored profile (from a
 * shuffled list of 65,536, so the look-ups at a million touch memory no cache holds).
 *
 * <p>Run: {@code java -jar loadtest/target/omniroute-benchmarks.jar CustomerLookupBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 3, time = 2, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 2, timeUnit = TimeUnit.SECONDS)
public class CustomerLookupBenchmark {
  private static final int PICKS = 1 << 16;

  @Param({"1000", "1000000"})
  public int profiles;

  MemoryCustomerStore store;
  private Identity[] phones;
  private int next;

  @Setup
  public void setUp() {
    store = new MemoryCustomerStore();
    for (int i = 0; i < profiles; i++) {
      store.put(GeneratedCustomers.generated(i));
    }
    SplittableRandom random = new SplittableRandom(7);
    phones = new Identity[PICKS];
    for (int i = 0; i < PICKS; i++) {
      phones[i] = Identity.phone(GeneratedCustomers.phone(random.nextInt(profiles)));
    }
  }

  @Benchmark
  public Optional<CustomerProfile> findByPhone() {
    Identity phone = phones[next];
    next = (next + 1) & (PICKS - 1);
    return store.findByIdentity(phone).result();
  }
}
