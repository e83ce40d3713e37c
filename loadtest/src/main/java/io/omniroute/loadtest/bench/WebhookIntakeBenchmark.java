package io.omniroute.loadtest.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.omniroute.engine.Caller;
import io.omniroute.engine.contact.ContactEvent;
import io.omniroute.engine.contact.ContactEvents;
import io.omniroute.engine.contact.ContactService;
import io.omniroute.engine.contact.SenderIdentification;
import io.omniroute.engine.queue.Accepted;
import io.omniroute.engine.queue.memory.MemoryQueueStore;
import io.omniroute.engine.rules.RecentContacts;
import io.omniroute.engine.webhook.MemoryWebhookStore;
import io.omniroute.engine.webhook.Webhook;
import io.omniroute.engine.webhook.WebhookDispatcher;
import io.omniroute.engine.webhook.WebhookMetrics;
import io.omniroute.engine.webhook.WebhookOptions;
import io.omniroute.engine.webhook.WebhookPublisher;
import io.omniroute.engine.webhook.WebhookRegistry;
import io.omniroute.rules.RuleBook;
import io.omniroute.rules.RuleSet;
import io.omniroute.rules.ServiceLevels;
import io.omniroute.rules.directory.DirectoryLoader;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
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
 * What webhooks cost the engine's intake ({@link ContactService#submit}), whose received and
 * queued steps the webhook subscriber sees on the intake thread: {@code webhooks=unsubscribed}
 * (no subscriber at all, the engine before webhooks), {@code none} (the subscriber, no webhook
 * registered: the default), and {@code elsewhere} (ten dealers' webhooks, none of which wants these
 * contacts: every event is matched against all ten). Compare their throughput. {@code publish}
 * times the publication of one queued step alone, in nanoseconds: all that webhooks add to it.
 *
 * <p>An event that matches is handed to the webhook event loop (one task queued on another
 * thread); building, writing and storing it happen there, not on the intake thread. This benchmark
 * keeps that part out: its dispatcher is not deployed, and its test checks that no webhook matches.
 *
 * <p>Run: {@code java -jar loadtest/target/omniroute-benchmarks.jar WebhookIntakeBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 3, time = 2, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 2, timeUnit = TimeUnit.SECONDS)
public class WebhookIntakeBenchmark {
  static final int DEALER_WEBHOOKS = 10;
  private static final int BODIES = 1 << 12;
  private static final Caller ADAPTER = Caller.unrestricted("adapter");

  @Param({"unsubscribed", "none", "elsewhere"})
  public String webhooks;

  ContactService contacts;
  WebhookRegistry registry;
  private ContactEvents events;
  private ContactEvent queued;
  private JsonNode[] bodies;
  private int next;

  @Setup
  public void setUp() {
    events = new ContactEvents();
    MemoryWebhookStore store = new MemoryWebhookStore();
    registry = new WebhookRegistry(store);
    if (!webhooks.equals("unsubscribed")) {
      WebhookPublisher.subscribeTo(events, registry, new WebhookDispatcher(store, registry, WebhookOptions.defaults(),
          new WebhookMetrics(new SimpleMeterRegistry()), Clock.systemUTC()));
    }
    if (webhooks.equals("elsewhere")) {
      Instant now = Instant.now();
      for (int i = 0; i < DEALER_WEBHOOKS; i++) {
        String queue = "dealer:XX-" + i;
        registry.saved(new Webhook("dealer-" + i, "https://crm" + i + ".example.com/omniroute", "0123456789abcdef",
            List.of(), List.of(), List.of(queue), "dealer-" + i, now, now));
      }
    }
    RuleBook rules = RuleBook.of(RuleSet.defaultPolicy());
    contacts = new ContactService(new MemoryQueueStore(), () -> rules, new RecentContacts(RecentContacts.DEFAULT_CAPACITY),
        DirectoryLoader.bundledSample(), ServiceLevels.defaults(), events, SenderIdentification.NONE, Clock.systemUTC());
    ObjectMapper json = new ObjectMapper();
    bodies = new JsonNode[BODIES];
    for (int i = 0; i < BODIES; i++) {
      ObjectNode body = json.createObjectNode().put("channel", "chat").put("country", "DE")
          .put("text", "Is there any news about my order? The delivery date has passed.");
      body.putObject("references").put("orderId", "O-" + i);
      bodies[i] = body;
    }
    queued = new ContactEvent.Queued(intake().record(), Instant.now());
  }

  @Benchmark
  public Accepted intake() {
    JsonNode body = bodies[next];
    next = (next + 1) & (BODIES - 1);
    return contacts.submit(body, ADAPTER, null).result();
  }

  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  public ContactEvent publish() {
    events.publish(queued);
    return queued;
  }
}
