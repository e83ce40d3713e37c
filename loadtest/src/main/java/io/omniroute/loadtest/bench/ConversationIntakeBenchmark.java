package io.omniroute.loadtest.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omniroute.engine.Caller;
import io.omniroute.engine.contact.ContactEvents;
import io.omniroute.engine.contact.ContactService;
import io.omniroute.engine.contact.SenderIdentification;
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
 * The engine's intake ({@link ContactService#submit}) of a follow-up that joins one of 100,000
 * open conversations (it names the conversation's id; it is added as a message, no second queue
 * entry), beside a new contact from an unknown sender that opens a conversation of its own. Compare
 * the throughput of {@code contact=followUp} with {@code contact=new}.
 *
 * <p>Each operation takes the next of 4,096 prepared bodies (a chat about an order, same text in
 * both variants); follow-ups name a random open conversation. The memory queue store keeps every
 * contact, so both variants grow it.
 *
 * <p>Run: {@code java -jar loadtest/target/omniroute-benchmarks.jar ConversationIntakeBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 3, time = 2, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 2, timeUnit = TimeUnit.SECONDS)
public class ConversationIntakeBenchmark {
  static final int OPEN_CONVERSATIONS = 100_000;
  private static final int BODIES = 1 << 12;
  private static final Caller ADAPTER = Caller.unrestricted("adapter");
  private static final String TEXT = "Is there any news about my order? The delivery date has passed.";

  @Param({"new", "followUp"})
  public String contact;

  /** How many conversations are open before the measurement; tests use fewer. */
  int openConversations = OPEN_CONVERSATIONS;

  ContactService contacts;
  private JsonNode[] bodies;
  private int next;

  @Setup
  public void setUp() {
    RuleBook rules = RuleBook.of(RuleSet.defaultPolicy());
    contacts = new ContactService(new MemoryQueueStore(), () -> rules, new RecentContacts(RecentContacts.DEFAULT_CAPACITY),
        DirectoryLoader.bundledSample(), ServiceLevels.defaults(), new ContactEvents(), SenderIdentification.NONE,
        Clock.systemUTC());
    ObjectMapper json = new ObjectMapper();
    String[] conversations = new String[openConversations];
    for (int i = 0; i < openConversations; i++) {
      conversations[i] = contacts.submit(chat(json), ADAPTER, null).result().record().conversationId();
    }
    SplittableRandom random = new SplittableRandom(13);
    bodies = new JsonNode[BODIES];
    for (int i = 0; i < BODIES; i++) {
      ObjectNode body = chat(json);
      if (contact.equals("followUp")) {
        body.put("conversationId", conversations[random.nextInt(openConversations)]);
      }
      bodies[i] = body;
    }
  }

  private static ObjectNode chat(ObjectMapper json) {
    ObjectNode body = json.createObjectNode().put("channel", "chat").put("country", "DE").put("text", TEXT);
    body.putObject("references").put("orderId", "O-12345");
    return body;
  }

  @Benchmark
  public Accepted intake() {
    JsonNode body = bodies[next];
    next = (next + 1) & (BODIES - 1);
    return contacts.submit(body, ADAPTER, null).result();
  }
}
