package io.omniroute.loadtest.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.omniroute.loadtest.bench.DecisionBenchmark.Case;
import io.omniroute.loadtest.bench.LargePolicy.GeneratedDealer;
import io.omniroute.loadtest.bench.LargePolicy.Kind;
import io.omniroute.rules.Decision;
import io.omniroute.rules.model.Urgency;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the set-up of {@link RuleScaleBenchmark} and its benchmark methods, and checks the
 * generated policy and directory, so the benchmark cannot silently measure a broken rule set (a
 * generated rule that never fires, a fallback, a dealer missing from the directory).
 */
class RuleScaleBenchmarkTest {
  static RuleScaleBenchmark benchmark;
  static RuleScaleBenchmark.DefaultRules defaultRules;
  static RuleScaleBenchmark.DealerRules dealerRules;

  @BeforeAll
  static void setUp() {
    benchmark = new RuleScaleBenchmark();
    defaultRules = new RuleScaleBenchmark.DefaultRules();
    defaultRules.setUp();
    dealerRules = new RuleScaleBenchmark.DealerRules();
    dealerRules.setUp();
  }

  @Test
  void generatesOneThousandDealersOverFiveCountriesWithOneRuleEach() {
    LargePolicy policy = dealerRules.policy;
    List<GeneratedDealer> dealers = policy.dealers();

    assertThat(dealers).hasSize(1_000);
    assertThat(dealers).extracting(GeneratedDealer::id).doesNotHaveDuplicates();
    assertThat(dealers).extracting(GeneratedDealer::country).containsOnly("DE", "AT", "CH", "GB", "FR");
    assertThat(dealers).filteredOn(d -> d.country().equals("DE")).hasSize(360);
    assertThat(dealers).filteredOn(d -> d.kind() == Kind.TEST_DRIVE).hasSize(250);
    // The directory holds the sample's 13 dealers and the generated ones; partners are in the same country.
    for (GeneratedDealer dealer : dealers) {
      assertThat(dealerRules.directory.hasDealer(dealer.id())).as(dealer.id()).isTrue();
      if (dealer.partnerId() != null) {
        assertThat(dealerRules.directory.countryOfDealer(dealer.partnerId())).isEqualTo(dealer.country());
      }
    }
    assertThat(dealerRules.directory.hasDealer("DE-MUC-001")).isTrue();
    assertThat(dealerRules.directory.expertTeamFor("ev-battery", "DE")).isEqualTo("ev-battery");
  }

  @Test
  void everyGeneratedRuleIsAOnePatternRoutingRuleThatNamesItsDealerFirst() {
    String drl = dealerRules.policy.drl();
    assertThat(drl).startsWith(io.omniroute.rules.RuleSet.defaultPolicyText());
    Matcher rules = Pattern.compile(
            "rule \"Dealer ([A-Z]{2}-[A-Z]{3}-\\d{4}): [^\"]+\"\\n  activation-group \"route\" salience 260\\nwhen\\n"
                + "  \\$a : Assessment\\( (dealerId|ownerDealerId) == \"\\1\", classified[^\\n]*\\)\\n"
                + "then\\n(  \\$a\\.setUrgency\\( Urgency\\.HIGH \\);\\n)?"
                + "  \\$a\\.routeDealer\\( \"[A-Z]{2}-[A-Z]{3}-\\d{4}\" \\);\\nend\\n")
        .matcher(drl);
    int count = 0;
    while (rules.find()) {
      count++;
    }
    assertThat(count).isEqualTo(1_000);
  }

  @Test
  void theLargeRuleSetCompiles() {
    assertThat(dealerRules.rules.version()).isEqualTo(LargePolicy.VERSION);
  }

  @Test
  void decideDefaultRoutesTheDecisionBenchmarkMix() {
    assertCyclesThroughMix(DecisionBenchmark.MIX, benchmark::decideDefault, defaultRules);
  }

  @Test
  void decideDefaultMixWith1000DealerRulesRoutesTheMixAsTheDefaultRulesDo() {
    assertCyclesThroughMix(
        DecisionBenchmark.MIX, benchmark::decideDefaultMixWith1000DealerRules, dealerRules);
  }

  @Test
  void decideWith1000DealerRulesRoutesEveryContactToItsExpectedQueue() {
    assertCyclesThroughMix(dealerRules.cases, benchmark::decideWith1000DealerRules, dealerRules);
  }

  @Test
  void theLargeMixHasEightContactsRoutedByDealerRulesAndEightNamingDealersWithoutMatch() {
    List<Case> cases = dealerRules.cases;
    assertThat(cases).hasSize(32);
    int byDealerRule = 0;
    for (int i = 16; i < cases.size(); i++) {
      Decision decision = dealerRules.rules.decide(
          dealerRules.mix[i], dealerRules.directory, dealerRules.serviceLevels);
      long dealerRulesFired = decision.trace().stream().filter(name -> name.startsWith("Dealer ")).count();
      if (dealerRulesFired > 0) {
        byDealerRule++;
        assertThat(dealerRulesFired).as(cases.get(i).label()).isEqualTo(1);
      }
    }
    assertThat(byDealerRule).isEqualTo(8);
  }

  @Test
  void aTestDriveNamingAGeneratedDealerIsRoutedByThatDealersRuleAtHighUrgency() {
    GeneratedDealer dealer = dealerRules.policy.find(Kind.TEST_DRIVE, "GB", 100);
    Case testDrive = dealerRules.cases.get(16);
    assertThat(testDrive.contact().getDealerId()).isEqualTo(dealer.id());

    Decision decision = dealerRules.rules.decide(
        dealerRules.mix[16], dealerRules.directory, dealerRules.serviceLevels);

    assertThat(decision.fallback()).isFalse();
    assertThat(decision.trace()).contains(dealer.ruleName());
    assertThat(decision.route().queue()).isEqualTo("dealer:" + dealer.id());
    assertThat(decision.route().priority()).isEqualTo(Urgency.HIGH.basePriority());
    assertThat(decision.classification().urgency()).isEqualTo(Urgency.HIGH);
  }

  @Test
  void annotationProcessingRegisteredTheBenchmarks() throws IOException {
    String list = benchmarkList();
    String pkg = RuleScaleBenchmark.class.getPackageName() + ".jmh_generated.";
    assertThat(list).contains(
        pkg + "RuleScaleBenchmark_decideDefault_jmhTest",
        pkg + "RuleScaleBenchmark_decideWith1000DealerRules_jmhTest",
        pkg + "RuleScaleBenchmark_decideDefaultMixWith1000DealerRules_jmhTest",
        pkg + "CompileBenchmark_compileDefault_jmhTest",
        pkg + "CompileBenchmark_compile1000DealerRules_jmhTest",
        pkg + "CompileBenchmark_compileDefaultCold_jmhTest",
        pkg + "CompileBenchmark_compile1000DealerRulesCold_jmhTest",
        pkg + "CompileBenchmark_compile1000DealerRulesAfterStart_jmhTest",
        pkg + "CompileBenchmark_compile1000DealerRulesAfterWarmUp_jmhTest",
        pkg + "QueueBenchmark_acceptAndClaim_jmhTest",
        pkg + "QueueBenchmark_acceptClaimComplete_jmhTest");
  }

  static String benchmarkList() throws IOException {
    try (InputStream in = RuleScaleBenchmarkTest.class.getClassLoader().getResourceAsStream("META-INF/BenchmarkList")) {
      assertThat(in).as("META-INF/BenchmarkList (JMH annotation processor output)").isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static <S> void assertCyclesThroughMix(
      List<Case> cases, BiFunction<S, RuleScaleBenchmark.Cursor, Decision> method, S state) {
    RuleScaleBenchmark.Cursor cursor = new RuleScaleBenchmark.Cursor();
    // Twice round: the cursor must wrap back to the first contact.
    for (int i = 0; i < 2 * cases.size(); i++) {
      Case expected = cases.get(i % cases.size());
      Decision decision = method.apply(state, cursor);

      assertThat(decision.fallback()).as(expected.label()).isFalse();
      assertThat(decision.route().queue()).as(expected.label()).isEqualTo(expected.expectedQueue());
    }
  }
}
