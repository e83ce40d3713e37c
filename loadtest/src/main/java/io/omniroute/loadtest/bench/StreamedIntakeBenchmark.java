package io.omniroute.loadtest.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.omniroute.engine.Caller;
import io.omniroute.engine.contact.ContactEvents;
import io.omniroute.engine.contact.ContactService;
import io.omniroute.engine.customer.CustomerIdentification;
import io.omniroute.engine.customer.MemoryCustomerStore;
import io.omniroute.engine.queue.Accepted;
import io.omniroute.engine.queue.memory.MemoryQueueStore;
import io.omniroute.engine.rules.RecentContacts;
import io.omniroute.engine.stream.LiveListeners;
import io.omniroute.engine.stream.MemoryEventStreams;
import io.omniroute.engine.stream.Retention;
import io.omniroute.engine.stream.StreamAppender;
import io.omniroute.engine.stream.StreamMeters;
import io.omniroute.rules.RuleBook;
import io.omniroute.rules.RuleSet;
import io.omniroute.rules.ServiceLevels;
import io.omniroute.rules.directory.DirectoryLoader;
import java.time.Clock;
import java.time.Duration;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The engine's intake ({@link ContactService#submit}, memory store) with and without the event
 * streams listening: with streams on, every contact's {@code Queued} event is handed to a {@link
 * StreamAppender}, which appends {@code contact.queued} to the queue's stream (memory streams) on
 * its own thread, as in a running engine. {@code streams=on} keeps what the engine's default
 * retention keeps: at this rate every event of the run, since all are younger than 15 minutes;
 * {@code streams=on-last-10000} keeps only the last 10,000 of the stream, so that the difference to
 * {@code on} is what collecting the kept events costs. Compare the throughput with {@code off}.
 *
 * <p>Each operation is a new email for a dealer from an unknown sender (a new conversation each).
 *
 * <p>Run: {@code java -jar loadtest/target/omniroute-benchmarks.jar StreamedIntakeBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 3, time = 2, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 2, timeUnit = TimeUnit.SECONDS)
public class StreamedIntakeBenchmark {
  private static final Caller ADAPTER = Caller.unrestricted("adapter");

  @Param({"off", "on", "on-last-10000"})
  public String streams;

  ContactService contacts;
  private StreamAppender appender;
  private JsonNode body;

  @Setup
  public void setUp() {
    RuleBook rules = RuleBook.of(RuleSet.defaultPolicy());
    ContactEvents events = new ContactEvents();
    if (!streams.equals("off")) {
      MemoryEventStreams memory = new MemoryEventStreams();
      memory.deliverTo(new LiveListeners());
      Retention retention = streams.equals("on") ? Retention.DEFAULT : new Retention(10_000, Duration.ZERO);
      appender = StreamAppender.start(events, memory, retention, new StreamMeters(new SimpleMeterRegistry()));
    }
    contacts = new ContactService(new MemoryQueueStore(), () -> rules, new RecentContacts(RecentContacts.DEFAULT_CAPACITY),
        DirectoryLoader.bundledSample(), ServiceLevels.defaults(), events,
        new CustomerIdentification(new MemoryCustomerStore()), Clock.systemUTC());
    ObjectNode mail = new ObjectMapper().createObjectNode().put("channel", "email").put("dealerId", "DE-MUC-001")
        .put("text", "Wann ist mein Auto fertig?");
    mail.putObject("references").put("vin", "WNW12345678901234");
    body = mail;
  }

  @TearDown
  public void tearDown() {
    if (appender != null) {
      appender.close();
    }
  }

  @Benchmark
  public Accepted intake() {
    return contacts.submit(body, ADAPTER, null).result();
  }
}
