package io.omniroute.loadtest.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omniroute.engine.Caller;
import io.omniroute.engine.contact.ContactEvents;
import io.omniroute.engine.contact.ContactService;
import io.omniroute.engine.customer.CustomerIdentification;
import io.omniroute.engine.customer.MemoryCustomerStore;
import io.omniroute.engine.queue.Accepted;
import io.omniroute.engine.queue.memory.MemoryQueueStore;
import io.omniroute.engine.rules.RecentContacts;
import io.omniroute.rules.RuleBook;
import io.omniroute.rules.RuleSet;
import io.omniroute.rules.ServiceLevels;
import io.omniroute.rules.directory.DirectoryLoader;
import java.time.Clock;
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
 * The engine's intake ({@link ContactService#submit}: identification of the sender, resolution,
 * routing decision, memory store) for a call from a known customer, identified by phone number
 * among 100,000 stored profiles, beside the same call from a number nobody has. Compare the
 * throughput of {@code sender=known} with {@code sender=anonymous}: the look-up's cost.
 *
 * <p>Each operation takes the next of 4,096 prepared bodies (a voice call about a car with its
 * VIN). The memory queue store keeps every accepted contact, so both variants grow it alike.
 *
 * <p>Run: {@code java -jar loadtest/target/omniroute-benchmarks.jar CustomerIntakeBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 3, time = 2, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 2, timeUnit = TimeUnit.SECONDS)
public class CustomerIntakeBenchmark {
  static final int PROFILES = 100_000;
  private static final int BODIES = 1 << 12;
  private static final Caller TELEPHONY = Caller.unrestricted("telephony");

  @Param({"anonymous", "known"})
  public String sender;

  ContactService contacts;
  private JsonNode[] bodies;
  private int next;

  @Setup
  public void setUp() {
    MemoryCustomerStore customers = new MemoryCustomerStore();
    for (int i = 0; i < PROFILES; i++) {
      customers.put(GeneratedCustomers.generated(i));
    }
    RuleBook rules = RuleBook.of(RuleSet.defaultPolicy());
    contacts = new ContactService(new MemoryQueueStore(), () -> rules, new RecentContacts(RecentContacts.DEFAULT_CAPACITY),
        DirectoryLoader.bundledSample(), ServiceLevels.defaults(), new ContactEvents(),
        new CustomerIdentification(customers), Clock.systemUTC());
    ObjectMapper json = new ObjectMapper();
    SplittableRandom random = new SplittableRandom(11);
    bodies = new JsonNode[BODIES];
    for (int i = 0; i < BODIES; i++) {
      int n = random.nextInt(PROFILES);
      String phone = sender.equals("known") ? GeneratedCustomers.phone(n) : String.format("+49152%08d", n);
      ObjectNode body = json.createObjectNode().put("channel", "voice").put("text", "Is my car ready? It makes a noise.");
      body.putObject("from").put("phone", phone);
      body.putObject("references").put("vin", "WNW12345678901234");
      bodies[i] = body;
    }
  }

  @Benchmark
  public Accepted intake() {
    JsonNode body = bodies[next];
    next = (next + 1) & (BODIES - 1);
    return contacts.submit(body, TELEPHONY, null).result();
  }
}
