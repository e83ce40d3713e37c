package io.omniroute.loadtest.bench;

import io.omniroute.engine.queue.Accepted;
import io.omniroute.engine.queue.ContactPayload;
import io.omniroute.engine.queue.ContactRecord;
import io.omniroute.engine.queue.QueueStats;
import io.omniroute.engine.queue.memory.MemoryQueueStore;
import io.omniroute.rules.Decision;
import io.omniroute.rules.model.Classification;
import io.omniroute.rules.model.Knowledge;
import io.omniroute.rules.model.Route;
import io.omniroute.rules.model.Urgency;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The memory queue store at a standing depth: one operation accepts a new contact into a queue
 * (with its own idempotency key, as the engine's intake does) and claims the next contact of that
 * queue, so the depth stays constant. Compare {@code depth=1000} with {@code depth=1000000}.
 *
 * <p>The queue is pre-filled once per trial with {@code depth} contacts (normal urgency, dealer
 * queue, so each also has an escalation deadline). Contacts arrive in time order one microsecond
 * apart, and every new contact arrives after all waiting ones, as in a live queue served first in,
 * first out. Futures of the memory store are already complete; the operation reads {@code result()}.
 *
 * <p>{@link #acceptAndClaim} is the operation: the claimed contacts stay {@code ASSIGNED},
 * so the store's contact map and idempotency-key map grow by one entry per operation whatever the
 * depth, and young collections copy that growth. {@link #acceptClaimComplete} also completes the
 * claimed contact, as an agent does: with the store's retention scaled to the simulated clock
 * (10 ms, so 10,000 finished contacts are kept), memory stays flat, as in a live engine. The fork
 * gets a fixed 12 GB heap, pre-touched as the engine's production flags do: without it the run is
 * one first pass over fresh memory, and the kernel's page faults, not the store, set the figures of
 * whichever variant allocates more (BENCHMARKS.md).
 *
 * <p>Run: {@code java -jar loadtest/target/omniroute-benchmarks.jar QueueBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms12g", "-Xmx12g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 3, time = 2, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 2, timeUnit = TimeUnit.SECONDS)
public class QueueBenchmark {
  /** The queue that holds the standing depth. */
  public static final String QUEUE = "dealer:DE-MUC-001";
  static final String AGENT = "agent-0042";
  static final Instant START = Instant.parse("2026-11-23T08:00:00Z");
  /** Retention on the simulated clock (one contact per microsecond): 10,000 finished contacts. */
  static final Duration RETENTION = Duration.ofMillis(10);

  @Param({"1000", "1000000"})
  public int depth;

  MemoryQueueStore store;
  Decision decision;
  ContactPayload request;
  /** The number of contacts accepted so far; the next contact's sequence number. */
  long accepted;

  @Setup(Level.Trial)
  public void setUp() {
    store = new MemoryQueueStore(RETENTION);
    decision = new Decision(
        new Classification(Knowledge.SPECIFICATION, Urgency.NORMAL, Classification.GENERAL_TOPIC),
        Route.dealer("DE-MUC-001", Urgency.NORMAL.basePriority()),
        null,
        Duration.ofHours(24),
        List.of(
            "Knowledge: specification by object reference",
            "Urgency: normal otherwise",
            "Topic: from directory keywords",
            "Classification complete",
            "Route: specification to the dealer named on the contact"),
        "global:1",
        false);
    request = ContactPayload.of(new JsonObject(Map.of(
        "channel", "email",
        "country", "DE",
        "dealerId", "DE-MUC-001",
        "subject", "Question",
        "text", "When will my car be ready for pickup?",
        "references", Map.of("vin", "WNW0000000000002"))));
    accepted = 0;
    for (int i = 0; i < depth; i++) {
      ContactRecord contact = next();
      store.accept(contact, "key-" + contact.id()).result();
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    store.close();
  }

  /** Accepts one new contact into {@link #QUEUE} and claims the next one: the depth stays the same. */
  @Benchmark
  public ContactRecord acceptAndClaim() {
    ContactRecord contact = next();
    Accepted result = store.accept(contact, "key-" + contact.id()).result();
    if (!result.created()) {
      throw new IllegalStateException("contact " + contact.id() + " was not created");
    }
    return store.claim(QUEUE, AGENT, contact.receivedAt()).result().orElseThrow();
  }

  /** {@link #acceptAndClaim}, then completes the claimed contact: the store's steady state. */
  @Benchmark
  public ContactRecord acceptClaimComplete() {
    ContactRecord claimed = acceptAndClaim();
    return store.complete(claimed.id(), claimed.receivedAt()).result();
  }

  /** The number of contacts waiting in {@link #QUEUE}. */
  int waiting() {
    for (QueueStats stats : store.queueStats().result()) {
      if (stats.queue().equals(QUEUE)) {
        return (int) stats.depth();
      }
    }
    return 0;
  }

  /** A new queued contact, one microsecond after the previous one. */
  private ContactRecord next() {
    long n = accepted++;
    return ContactRecord.queued("c-" + n, START.plusNanos(n * 1_000L), request, "email", "DE", decision);
  }
}
