package io.omniroute.loadtest.bench;

import io.omniroute.rules.Decision;
import io.omniroute.rules.RuleSet;
import io.omniroute.rules.ServiceLevels;
import io.omniroute.rules.directory.ContactResolver;
import io.omniroute.rules.directory.Directory;
import io.omniroute.rules.directory.DirectoryLoader;
import io.omniroute.rules.model.Channel;
import io.omniroute.rules.model.Contact;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One routing decision with the default policy ({@code global:1}) and the bundled sample
 * directory, as the engine makes it for every inbound contact: {@link RuleSet#decide} on a
 * contact already resolved against the directory.
 *
 * <p>The rule set is compiled once per trial and shared by all benchmark threads, as in the
 * engine. Resolving contacts (libphonenumber, directory look-ups) happens in the set-up, so only
 * the decision itself is measured.
 *
 * <ul>
 *   <li>{@link #decideMix}: cycles through {@link #MIX}, sixteen contacts in English and German
 *       that cover every routing branch of the policy;
 *   <li>{@link #decideSingle}: one fixed contact (specification with a dealer);
 *   <li>{@link #decideMixTwoThreads}: the mix on two threads sharing one rule set, to show the
 *       rule set scales across cores (compare its time per operation with {@link #decideMix}).
 * </ul>
 *
 * Run: {@code java -jar loadtest/target/omniroute-benchmarks.jar DecisionBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 2, timeUnit = TimeUnit.SECONDS)
public class DecisionBenchmark {

  /** One contact of the mix and the queue the default policy must route it to. */
  public record Case(String label, Contact contact, String expectedQueue) {}

  /** The mix, raw (before resolution); its size is a power of two so the cursor can mask. */
  public static final List<Case> MIX = List.of(
      // critical -> central desk, whatever else the contact says
      new Case("EN critical accident", email("DE",
          "I had an accident on the motorway and the car is not drivable. Please help.")
          .dealerId("DE-MUC-001").build(), "central"),
      new Case("DE critical Unfall (voice)", Contact.builder(Channel.VOICE).country("AT")
          .text("Ich hatte einen Unfall auf der Autobahn, das Fahrzeug steht auf dem Standstreifen.")
          .build(), "central"),
      // topic -> expert team covering the country
      new Case("EN ev-battery", email("DE",
          "The charging stops at 80 percent every night. Is something wrong?").build(), "expert:ev-battery"),
      new Case("DE ev-battery (chat)", Contact.builder(Channel.CHAT).country("AT")
          .text("Die Ladestation in der Garage zeigt seit gestern einen Fehler an.").build(), "expert:ev-battery"),
      new Case("DE ev-battery with dealer and vin", email(null,
          "Die Reichweite ist im Winter stark gesunken.")
          .dealerId("CH-ZRH-001").reference("vin", "WNW0000000000001").build(), "expert:ev-battery"),
      new Case("EN classic cars (any country)", email("GB",
          "Do you offer restoration for vintage models from the seventies?").build(), "expert:classic-cars"),
      // specification -> the dealer (named on the contact or owning the relationship)
      new Case("EN specification with dealer", email("DE",
          "When will my car be ready for pickup?")
          .dealerId("DE-MUC-001").reference("vin", "WNW0000000000002").build(), "dealer:DE-MUC-001"),
      new Case("DE specification with dealer", email(null,
          "Ist mein Auto schon fertig? Ich wollte es morgen abholen.")
          .dealerId("AT-VIE-001").build(), "dealer:AT-VIE-001"),
      new Case("EN specification with owner dealer (sms)", Contact.builder(Channel.SMS)
          .text("Where is my order? It was due last week.")
          .ownerDealerId("GB-LON-001").reference("orderId", "ORD-4711").build(), "dealer:GB-LON-001"),
      // specification without a dealer -> the country
      new Case("EN specification without dealer", email("FR",
          "I have a question about my contract.").reference("contractId", "C-0815").build(), "country:FR"),
      // scheme -> the country
      new Case("EN scheme with country", email("GB", "What are your opening hours?").build(), "country:GB"),
      new Case("DE scheme with country", email("DE",
          "Welche Farben gibt es für das neue Modell?").build(), "country:DE"),
      // unknown country -> central desk
      new Case("EN unknown country", email("US", "What are your opening hours?").build(), "central"),
      new Case("DE unknown country (US phone)", Contact.builder(Channel.VOICE).phone("+12125550100")
          .text("Wie sind Ihre Öffnungszeiten am Samstag?").build(), "central"),
      // HIGH specification -> the country, dealer kept as context
      new Case("EN high specification", email("DE",
          "I want to cancel my contract, this is urgent.")
          .dealerId("DE-BER-001").reference("contractId", "C-4242").build(), "country:DE"),
      new Case("DE high specification", email(null,
          "Ich möchte meinen Vertrag kündigen.")
          .dealerId("CH-GVA-001").build(), "country:CH"));

  /** The fixed contact of {@link #decideSingle}: specification with a dealer. */
  public static final Case SINGLE = new Case("fixed: specification with dealer", email("DE",
      "When will my car be ready for pickup?")
      .dealerId("DE-MUC-001").reference("vin", "X").build(), "dealer:DE-MUC-001");

  private static final int MASK = MIX.size() - 1;

  static {
    if (Integer.bitCount(MIX.size()) != 1) {
      throw new IllegalStateException("the mix size must be a power of two, is " + MIX.size());
    }
  }

  RuleSet rules;
  Directory directory;
  ServiceLevels serviceLevels;
  Contact[] mix;
  Contact single;

  /** Per-thread position in the mix, so that threads do not contend on a shared counter. */
  @State(Scope.Thread)
  public static class Cursor {
    int next;

    int advance() {
      int current = next;
      next = (current + 1) & MASK;
      return current;
    }
  }

  @Setup(Level.Trial)
  public void setUp() {
    rules = RuleSet.defaultPolicy();
    directory = DirectoryLoader.bundledSample();
    serviceLevels = ServiceLevels.defaults();
    ContactResolver resolver = new ContactResolver(directory);
    mix = new Contact[MIX.size()];
    for (int i = 0; i < mix.length; i++) {
      mix[i] = resolver.resolve(MIX.get(i).contact());
    }
    single = resolver.resolve(SINGLE.contact());
  }

  /** One decision, the next contact of the mix. */
  @Benchmark
  public Decision decideMix(Cursor cursor) {
    return rules.decide(mix[cursor.advance()], directory, serviceLevels);
  }

  /** One decision of the same fixed contact. */
  @Benchmark
  public Decision decideSingle() {
    return rules.decide(single, directory, serviceLevels);
  }

  /** {@link #decideMix} on two threads sharing the rule set. */
  @Benchmark
  @Threads(2)
  public Decision decideMixTwoThreads(Cursor cursor) {
    return rules.decide(mix[cursor.advance()], directory, serviceLevels);
  }

  private static Contact.Builder email(String country, String text) {
    return Contact.builder(Channel.EMAIL).country(country).subject("Question").text(text);
  }
}
