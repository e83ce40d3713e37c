package io.omniroute.loadtest.bench;

import io.omniroute.loadtest.bench.DecisionBenchmark.Case;
import io.omniroute.loadtest.bench.LargePolicy.GeneratedDealer;
import io.omniroute.loadtest.bench.LargePolicy.Kind;
import io.omniroute.rules.Decision;
import io.omniroute.rules.RuleSet;
import io.omniroute.rules.ServiceLevels;
import io.omniroute.rules.directory.ContactResolver;
import io.omniroute.rules.directory.Directory;
import io.omniroute.rules.directory.DirectoryLoader;
import io.omniroute.rules.model.Channel;
import io.omniroute.rules.model.Contact;
import java.util.ArrayList;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * One routing decision with the default rules versus with 1,000 additional dealer-specific rules
 * and a directory of 1,000 more dealers ({@link LargePolicy}).
 *
 * <ul>
 *   <li>{@link #decideDefault}: default policy, sample directory, the sixteen contacts of {@link
 *       DecisionBenchmark#MIX} (the same work as {@code DecisionBenchmark.decideMix});
 *   <li>{@link #decideWith1000DealerRules}: the large policy and directory, cycling through {@link
 *       #largeMix}: the sixteen default contacts plus sixteen that name generated dealers; eight of
 *       those are routed by a generated dealer rule, eight name a generated dealer but are routed by
 *       a default rule (no matching dealer rule, or a higher-salience default rule wins);
 *   <li>{@link #decideDefaultMixWith1000DealerRules}: the large policy and directory with exactly
 *       the contacts of {@link #decideDefault}, so the two differ only in the rule set and directory.
 * </ul>
 *
 * Rules are compiled and contacts resolved once per trial; only {@link RuleSet#decide} is measured.
 *
 * <p>Run: {@code java -jar loadtest/target/omniroute-benchmarks.jar RuleScaleBenchmark}.
 */
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 2, timeUnit = TimeUnit.SECONDS)
public class RuleScaleBenchmark {

  /** The default policy and the sample directory. */
  @State(Scope.Benchmark)
  public static class DefaultRules {
    RuleSet rules;
    Directory directory;
    ServiceLevels serviceLevels;
    Contact[] mix;

    @Setup(Level.Trial)
    public void setUp() {
      rules = RuleSet.defaultPolicy();
      directory = DirectoryLoader.bundledSample();
      serviceLevels = ServiceLevels.defaults();
      mix = resolve(DecisionBenchmark.MIX, directory);
    }
  }

  /** The default policy plus 1,000 dealer rules, and the sample directory plus 1,000 dealers. */
  @State(Scope.Benchmark)
  public static class DealerRules {
    LargePolicy policy;
    RuleSet rules;
    Directory directory;
    ServiceLevels serviceLevels;
    List<Case> cases;
    Contact[] mix;
    Contact[] defaultMix;

    @Setup(Level.Trial)
    public void setUp() {
      policy = generate();
      rules = policy.compile();
      directory = policy.directory();
      serviceLevels = ServiceLevels.defaults();
      cases = largeMix(policy);
      mix = resolve(cases, directory);
      defaultMix = resolve(DecisionBenchmark.MIX, directory);
    }

    LargePolicy generate() {
      return LargePolicy.generate();
    }
  }

  /** Per-thread position in a mix whose size is a power of two. */
  @State(Scope.Thread)
  public static class Cursor {
    int next;

    int advance(int size) {
      int current = next;
      next = (current + 1) & (size - 1);
      return current;
    }
  }

  /** Default rules, sample directory, the sixteen contacts of the decision benchmark. */
  @Benchmark
  public Decision decideDefault(DefaultRules state, Cursor cursor) {
    Contact[] mix = state.mix;
    return state.rules.decide(mix[cursor.advance(mix.length)], state.directory, state.serviceLevels);
  }

  /** 1,000 extra dealer rules and 1,000 extra dealers, thirty-two contacts (see {@link #largeMix}). */
  @Benchmark
  public Decision decideWith1000DealerRules(DealerRules state, Cursor cursor) {
    Contact[] mix = state.mix;
    return state.rules.decide(mix[cursor.advance(mix.length)], state.directory, state.serviceLevels);
  }

  /** 1,000 extra dealer rules and dealers, but the sixteen contacts of {@link #decideDefault}. */
  @Benchmark
  public Decision decideDefaultMixWith1000DealerRules(DealerRules state, Cursor cursor) {
    Contact[] mix = state.defaultMix;
    return state.rules.decide(mix[cursor.advance(mix.length)], state.directory, state.serviceLevels);
  }

  /**
   * Thirty-two contacts for the large policy: {@link DecisionBenchmark#MIX} (the sample dealers are
   * still in the directory, so their expected queues hold), then sixteen naming generated dealers
   * spread over the file, in English and German.
   */
  public static List<Case> largeMix(LargePolicy policy) {
    List<Case> cases = new ArrayList<>(DecisionBenchmark.MIX);

    // Test drive with a quote -> the dealer (generated rule, HIGH); without a quote, or for a dealer
    // without a test-drive rule -> default rules.
    GeneratedDealer td1 = policy.find(Kind.TEST_DRIVE, "GB", 100);
    cases.add(new Case("EN test drive with quote -> dealer rule", email("GB",
        "I would like to book a test drive of the estate before I sign.")
        .dealerId(td1.id()).reference("quoteId", "Q-1001").build(), td1.targetQueue()));
    GeneratedDealer td2 = policy.find(Kind.TEST_DRIVE, "AT", 300);
    cases.add(new Case("DE Probefahrt with quote -> dealer rule", email(null,
        "Ich möchte gerne eine Probefahrt mit dem Kombi vereinbaren.")
        .dealerId(td2.id()).reference("quoteId", "Q-2002").build(), td2.targetQueue()));
    GeneratedDealer td3 = policy.find(Kind.TEST_DRIVE, "DE", 500);
    cases.add(new Case("EN test drive without quote -> country (no rule match)", email(null,
        "Can I book a test drive this weekend?").dealerId(td3.id()).build(), "country:DE"));
    GeneratedDealer as0 = policy.find(Kind.AFTER_SALES, "FR", 200);
    cases.add(new Case("EN test drive, dealer without test-drive rule -> dealer (default rule)", email(null,
        "Is a test drive possible for the model in my quote?")
        .dealerId(as0.id()).reference("quoteId", "Q-3003").build(), "dealer:" + as0.id()));

    // After-sales -> the service centre (generated rule).
    GeneratedDealer as1 = policy.find(Kind.AFTER_SALES, "GB", 600);
    cases.add(new Case("EN inspection -> service centre", email(null,
        "My car is due for its inspection next month, can I book it in?")
        .dealerId(as1.id()).reference("vin", "WNW0000000000101").build(), as1.targetQueue()));
    GeneratedDealer as2 = policy.find(Kind.AFTER_SALES, "CH", 800);
    cases.add(new Case("DE Inspektion -> service centre (chat)", Contact.builder(Channel.CHAT)
        .text("Wann kann ich mein Auto zur Inspektion bringen?").dealerId(as2.id()).build(), as2.targetQueue()));
    GeneratedDealer pa0 = policy.find(Kind.PARTS, "DE", 250);
    cases.add(new Case("EN oil change, dealer without after-sales rule -> dealer (default rule)", email(null,
        "The oil change on my car was not done properly.")
        .dealerId(pa0.id()).reference("vin", "WNW0000000000102").build(), "dealer:" + pa0.id()));

    // Takeover: specification contacts of the former dealer's customers -> the successor.
    GeneratedDealer to1 = policy.find(Kind.TAKEOVER, "GB", 400);
    cases.add(new Case("EN order, owner taken over -> successor (sms)", Contact.builder(Channel.SMS)
        .text("Where is my order? It was due last week.")
        .ownerDealerId(to1.id()).reference("orderId", "ORD-5001").build(), to1.targetQueue()));
    GeneratedDealer to2 = policy.find(Kind.TAKEOVER, "DE", 50);
    cases.add(new Case("DE Lieferung, owner taken over -> successor", email(null,
        "Wann wird mein Fahrzeug geliefert?")
        .ownerDealerId(to2.id()).reference("vin", "WNW0000000000103").build(), to2.targetQueue()));
    GeneratedDealer to3 = policy.find(Kind.TAKEOVER, "FR", 700);
    cases.add(new Case("EN scheme, owner taken over -> country (no rule match)", email(null,
        "What are your opening hours at Christmas?").ownerDealerId(to3.id()).build(), "country:FR"));

    // Parts stay with the dealer, even as a general question.
    GeneratedDealer pa1 = policy.find(Kind.PARTS, "GB", 150);
    cases.add(new Case("EN winter tyres -> dealer rule", email(null,
        "Do you have winter tyres in stock for the estate?").dealerId(pa1.id()).build(), pa1.targetQueue()));
    GeneratedDealer pa2 = policy.find(Kind.PARTS, "AT", 850);
    cases.add(new Case("DE Zubehör -> dealer rule", email(null,
        "Haben Sie Dachboxen als Zubehör für den Kombi?").dealerId(pa2.id()).build(), pa2.targetQueue()));

    // Higher-salience default rules still win over dealer rules.
    GeneratedDealer td4 = policy.find(Kind.TEST_DRIVE, "DE", 950);
    cases.add(new Case("EN test drive about charging -> expert (topic beats dealer rule)", email(null,
        "Can I test drive the electric model? I want to know about charging at home.")
        .dealerId(td4.id()).reference("quoteId", "Q-4004").build(), "expert:ev-battery"));
    GeneratedDealer as3 = policy.find(Kind.AFTER_SALES, "AT", 450);
    cases.add(new Case("EN accident needing repair -> central (critical beats dealer rule, voice)",
        Contact.builder(Channel.VOICE).text("I had an accident, the car needs a repair.")
            .dealerId(as3.id()).build(), "central"));
    GeneratedDealer pa3 = policy.find(Kind.PARTS, "CH", 550);
    cases.add(new Case("EN cancel contract -> country (no rule match)", email(null,
        "I want to cancel my contract.").dealerId(pa3.id()).reference("contractId", "C-6006").build(), "country:CH"));
    GeneratedDealer to4 = policy.find(Kind.TAKEOVER, "FR", 300);
    cases.add(new Case("EN specification naming (not owned by) a taken-over dealer -> dealer (default rule)",
        email(null, "When will my car be ready?").dealerId(to4.id()).reference("vin", "WNW0000000000104").build(),
        "dealer:" + to4.id()));
    if (Integer.bitCount(cases.size()) != 1) {
      throw new IllegalStateException("the mix size must be a power of two, is " + cases.size());
    }
    return List.copyOf(cases);
  }

  static Contact[] resolve(List<Case> cases, Directory directory) {
    ContactResolver resolver = new ContactResolver(directory);
    Contact[] contacts = new Contact[cases.size()];
    for (int i = 0; i < contacts.length; i++) {
      contacts[i] = resolver.resolve(cases.get(i).contact());
    }
    return contacts;
  }

  private static Contact.Builder email(String country, String text) {
    return Contact.builder(Channel.EMAIL).country(country).subject("Question").text(text);
  }
}
