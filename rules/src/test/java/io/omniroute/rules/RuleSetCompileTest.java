package io.omniroute.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.omniroute.rules.directory.ContactResolver;
import io.omniroute.rules.directory.Directory;
import io.omniroute.rules.directory.DirectoryLoader;
import io.omniroute.rules.model.Channel;
import io.omniroute.rules.model.Contact;
import io.omniroute.rules.model.Knowledge;
import io.omniroute.rules.model.Level;
import io.omniroute.rules.model.Route;
import io.omniroute.rules.model.Urgency;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Compiling rule texts: problems with positions, custom rule sets, and the engine's safe default. */
class RuleSetCompileTest {
  private static final String HEADER = """
      package io.omniroute.rules;

      import io.omniroute.rules.model.Contact;
      import io.omniroute.rules.model.Urgency;
      import io.omniroute.rules.model.Knowledge;

      """;

  private static Directory directory;
  private static Contact contact;
  private static final ServiceLevels SERVICE_LEVELS = ServiceLevels.defaults();

  @BeforeAll
  static void loadDirectory() {
    directory = DirectoryLoader.bundledSample();
    contact = new ContactResolver(directory)
        .resolve(Contact.builder(Channel.CHAT).text("Is my car ready?").dealerId("DE-MUC-001").build());
  }

  @Test
  void rejectsASyntaxErrorWithLineAndMessage() {
    String drl = HEADER + """
        rule "broken"
        when
          $a : Assessment( urgency == null
        then
          modify( $a ) { setUrgency( Urgency.HIGH ) }
        end
        """;

    RuleCompilationException e =
        catchThrowableOfType(RuleCompilationException.class, () -> RuleSet.compile("country:DE:7", drl));

    assertThat(e).isNotNull();
    assertThat(e.getMessage()).contains("country:DE:7");
    assertThat(e.problems()).isNotEmpty();
    assertThat(e.problems()).allSatisfy(problem -> assertThat(problem.message()).isNotBlank());
    // The missing ')' on line 9 is reported where the parser trips over it: at 'then' on line 10.
    assertThat(e.problems()).anySatisfy(problem -> {
      assertThat(problem.line()).isEqualTo(10);
      assertThat(problem.message()).contains("mismatched input").contains("broken");
    });
    assertThat(e.problems().get(0).line()).isPositive();
    assertThat(e.getMessage()).contains("line 10");
  }

  @Test
  void reportsOnlyTheParserProblemsNotDroolsFollowUpMessage() {
    String drl = HEADER + """
        rule "broken"
        when
          $a : Assessment( urgency == null
        then
        end
        """;

    RuleCompilationException e =
        catchThrowableOfType(RuleCompilationException.class, () -> RuleSet.compile("v", drl));

    assertThat(e).isNotNull();
    assertThat(e.problems()).isNotEmpty();
    assertThat(e.problems()).allSatisfy(problem -> {
      assertThat(problem.line()).isPositive();
      assertThat(problem.message()).doesNotContain("Parser returned a null Package");
    });
    assertThat(e.getMessage()).doesNotContain("null Package");
  }

  @Test
  void rejectsTextThatIsNotDrlWithAPositionedProblem() {
    RuleCompilationException e =
        catchThrowableOfType(RuleCompilationException.class, () -> RuleSet.compile("v", "this is not drl"));

    assertThat(e).isNotNull();
    assertThat(e.problems()).hasSize(1);
    assertThat(e.problems().get(0).line()).isEqualTo(1);
    assertThat(e.problems().get(0).message()).contains("mismatched input 'this'").doesNotContain("null Package");
  }

  @Test
  void rejectsAnUnknownTypeWithAMessageNamingIt() {
    String drl = HEADER + """
        rule "unknown fact"
        when
          NoSuchFact( )
        then
        end
        """;

    RuleCompilationException e =
        catchThrowableOfType(RuleCompilationException.class, () -> RuleSet.compile("v", drl));

    assertThat(e).isNotNull();
    assertThat(e.problems()).isNotEmpty();
    assertThat(e.problems()).anySatisfy(problem -> assertThat(problem.message()).contains("NoSuchFact"));
  }

  @Test
  void problemsPrintWithTheirPosition() {
    assertThat(new RuleProblem(3, 7, "mismatched input")).hasToString("line 3, column 7: mismatched input");
  }

  @Test
  void compilesAndDecidesAMinimalCustomRuleSetWithoutGlobals() {
    String drl = HEADER + """
        rule "Everything to the Munich dealer"
        when
          $a : Assessment( route == null )
        then
          modify( $a ) { setKnowledge( Knowledge.SPECIFICATION ), setUrgency( Urgency.LOW ), routeDealer( "DE-MUC-001" ) }
        end
        """;

    RuleSet rules = RuleSet.compile("custom:1", drl);
    Decision decision = rules.decide(contact, directory, SERVICE_LEVELS);

    assertThat(rules.version()).isEqualTo("custom:1");
    assertThat(decision.fallback()).isFalse();
    assertThat(decision.route()).isEqualTo(Route.dealer("DE-MUC-001", 10));
    assertThat(decision.classification().knowledge()).isEqualTo(Knowledge.SPECIFICATION);
    assertThat(decision.classification().urgency()).isEqualTo(Urgency.LOW);
    assertThat(decision.classification().topic()).isEqualTo("general");
    assertThat(decision.trace()).containsExactly("Everything to the Munich dealer");
    assertThat(decision.rulesVersion()).isEqualTo("custom:1");
    assertThat(decision.responseTarget()).as("channel default when the rules set none").isEqualTo(Duration.ofSeconds(60));
  }

  @ParameterizedTest(name = "sessions pooled up to {0} rules")
  @ValueSource(ints = {RuleSet.POOLED_SESSIONS_UP_TO_RULES, 0})
  void letsOnlyTheFirstMatchOfAnActivationGroupFireInEveryDecisionOfAReusedRuleSet(int pooledUpToRules) {
    String drl = HEADER + """
        rule "Low by the text"
          activation-group "urgency" salience 20
        when
          $a : Assessment( !classified, mentionsAny("ready") )
        then
          $a.setUrgency( Urgency.LOW );
        end

        rule "Normal otherwise"
          activation-group "urgency" salience 10
        when
          $a : Assessment( !classified )
        then
          $a.setUrgency( Urgency.NORMAL );
        end

        rule "Route to the dealer"
        when
          $a : Assessment( $dealer : dealerId != null )
        then
          $a.routeDealer( $dealer );
        end
        """;
    RuleSet rules = RuleSet.compile("custom:groups", drl, pooledUpToRules);
    Contact other = contact.toBuilder().text("Where is the showroom?").build();

    // Pooled sessions are reused from the second decision on: the group must hold in every one.
    for (int i = 0; i < 50; i++) {
      Decision ready = rules.decide(contact, directory, SERVICE_LEVELS);
      Decision elsewhere = rules.decide(other, directory, SERVICE_LEVELS);

      assertThat(ready.trace()).as("decision %d", i).containsExactly("Low by the text", "Route to the dealer");
      assertThat(ready.classification().urgency()).isEqualTo(Urgency.LOW);
      assertThat(elsewhere.trace()).as("decision %d", i).containsExactly("Normal otherwise", "Route to the dealer");
      assertThat(elsewhere.classification().urgency()).isEqualTo(Urgency.NORMAL);
    }
  }

  @Test
  void fallsBackToCentralDeskWhenTheRulesDoNotRoute() {
    String drl = HEADER + """
        rule "Only classify"
        when
          $a : Assessment( urgency == null )
        then
          modify( $a ) { setUrgency( Urgency.HIGH ) }
        end
        """;

    Decision decision = RuleSet.compile("custom:2", drl).decide(contact, directory, SERVICE_LEVELS);

    assertThat(decision.fallback()).isTrue();
    assertThat(decision.route()).isEqualTo(Route.central(Urgency.HIGH.basePriority()));
    assertThat(decision.route().level()).isEqualTo(Level.CENTRAL);
    assertThat(decision.classification().urgency()).isEqualTo(Urgency.HIGH);
    assertThat(decision.classification().knowledge()).isEqualTo(Knowledge.SCHEME);
    assertThat(decision.trace()).containsExactly("Only classify", RuleSet.FALLBACK_TRACE);
    assertThat(decision.trace()).last().isEqualTo(RuleSet.FALLBACK_TRACE);
    assertThat(decision.responseTarget()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void fallsBackToCentralDeskWhenNoRuleFires() {
    String drl = HEADER + """
        rule "Never"
        when
          Contact( channel == null )
        then
        end
        """;

    Decision decision = RuleSet.compile("custom:3", drl).decide(contact, directory, SERVICE_LEVELS);

    assertThat(decision.fallback()).isTrue();
    assertThat(decision.route()).isEqualTo(Route.central(Urgency.NORMAL.basePriority()));
    assertThat(decision.trace()).containsExactly(RuleSet.FALLBACK_TRACE);
    assertThat(decision.stoppedAtFiringLimit()).isFalse();
  }

  @Test
  void stopsARuleThatLoopsForeverAndFallsBackToCentralDesk() {
    String drl = HEADER + """
        rule "Route, then flip the topic forever"
        when
          $a : Assessment( $topic : topic ) @watch( topic )
        then
          modify( $a ) { routeDealer( "DE-MUC-001" ), setTopic( "a".equals( $topic ) ? "b" : "a" ) }
        end
        """;
    RuleSet rules = RuleSet.compile("looping:1", drl);

    Decision decision = rules.decide(contact, directory, SERVICE_LEVELS);

    assertThat(decision.fallback()).isTrue();
    assertThat(decision.route().queue()).isEqualTo("central");
    assertThat(decision.trace()).hasSize(RuleSet.MAX_RULE_FIRINGS + 2);
    assertThat(decision.trace()).endsWith(RuleSet.FIRING_LIMIT_TRACE, RuleSet.FALLBACK_TRACE);
    assertThat(decision.stoppedAtFiringLimit()).isTrue();
    assertThat(decision.trace().get(0)).isEqualTo("Route, then flip the topic forever");
  }

  @Test
  void decidesAgainAfterALoopWasStopped() {
    String drl = HEADER + """
        rule "Ping"
        when
          $a : Assessment( urgency == null || urgency == Urgency.LOW )
        then
          modify( $a ) { setUrgency( Urgency.HIGH ) }
        end

        rule "Pong"
        when
          $a : Assessment( urgency == Urgency.HIGH )
        then
          modify( $a ) { setUrgency( Urgency.LOW ) }
        end
        """;
    RuleSet rules = RuleSet.compile("looping:2", drl);

    Decision first = rules.decide(contact, directory, SERVICE_LEVELS);
    Decision second = rules.decide(contact, directory, SERVICE_LEVELS);

    assertThat(first.fallback()).isTrue();
    assertThat(first.route().queue()).isEqualTo("central");
    assertThat(first.trace()).hasSize(RuleSet.MAX_RULE_FIRINGS + 2).startsWith("Ping", "Pong", "Ping");
    assertThat(second).isEqualTo(first);
  }

  @ParameterizedTest(name = "sessions pooled up to {0} rules")
  @ValueSource(ints = {RuleSet.POOLED_SESSIONS_UP_TO_RULES, 0})
  void startsEveryDecisionWithAnEmptyWorkingMemoryAlthoughSessionsAreReused(int pooledUpToRules) {
    String drl = HEADER + """
        import io.omniroute.rules.model.Route;

        rule "Leave a route fact behind for a dealer contact"
        when
          $a : Assessment( dealerId != null )
        then
          insert( Route.dealer( $a.getDealerId(), 1 ) );
          $a.routeDealer( $a.getDealerId() );
        end

        rule "A route fact is only ever seen in its own decision"
        when
          Route()
          $a : Assessment( dealerId == null )
        then
          $a.routeExpert( "leftover" );
        end

        rule "Central otherwise"
          salience -10
        when
          $a : Assessment( dealerId == null )
        then
          $a.routeCentral();
        end
        """;
    RuleSet rules = RuleSet.compile("custom:leftovers", drl, pooledUpToRules);
    Contact withoutDealer = contact.toBuilder().dealerId(null).build();

    for (int i = 0; i < 20; i++) {
      Decision dealer = rules.decide(contact, directory, SERVICE_LEVELS);
      Decision central = rules.decide(withoutDealer, directory, SERVICE_LEVELS);

      assertThat(dealer.route().queue()).as("decision %d", i).isEqualTo("dealer:DE-MUC-001");
      assertThat(central.trace()).as("decision %d", i).containsExactly("Central otherwise");
      assertThat(central.route().queue()).isEqualTo("central");
    }
  }

  @Test
  void decidesLikeAFreshRuleSetAfterManyDecisionsOnTheSameSessions() {
    RuleSet reused = RuleSet.defaultPolicy();
    Contact other = contact.toBuilder().dealerId(null).text("Accident on the motorway, car is on fire").build();
    for (int i = 0; i < 2_000; i++) {
      reused.decide(i % 2 == 0 ? contact : other, directory, SERVICE_LEVELS);
    }

    for (Contact each : List.of(contact, other)) {
      assertThat(reused.decide(each, directory, SERVICE_LEVELS))
          .isEqualTo(RuleSet.defaultPolicy().decide(each, directory, SERVICE_LEVELS));
    }
  }

  @Test
  void decidesWithFreshSessionsAsWithPooledOnes() {
    RuleSet pooled = RuleSet.defaultPolicy();
    RuleSet fresh = RuleSet.compile("global:1", RuleSet.defaultPolicyText(), 0);
    List<Contact> contacts = List.of(
        contact,
        contact.toBuilder().dealerId(null).text("Accident on the motorway, car is on fire").build(),
        contact.toBuilder().text("Ich möchte meinen Vertrag kündigen").build(),
        contact.toBuilder().dealerId(null).text("Which colours does the new estate come in?").build());

    assertThat(pooled.poolsSessions()).isTrue();
    assertThat(fresh.poolsSessions()).isFalse();
    for (int round = 0; round < 3; round++) {
      for (Contact each : contacts) {
        assertThat(fresh.decide(each, directory, SERVICE_LEVELS)).isEqualTo(pooled.decide(each, directory, SERVICE_LEVELS));
      }
    }
  }

  @Test
  void opensAFreshSessionPerDecisionOnlyForRuleSetsOfMoreThanTheLimit() {
    StringBuilder drl = new StringBuilder(HEADER);
    for (int i = 0; i < RuleSet.POOLED_SESSIONS_UP_TO_RULES; i++) {
      String dealer = i == 0 ? "DE-MUC-001" : "XX-%04d".formatted(i);
      drl.append("""
          rule "Dealer %s"
            activation-group "route"
          when
            $a : Assessment( dealerId == "%s" )
          then
            $a.routeDealer( "%s" );
          end
          """.formatted(dealer, dealer, dealer));
    }
    RuleSet atTheLimit = RuleSet.compile("custom:limit", drl.toString());
    RuleSet overTheLimit = RuleSet.compile("custom:over", drl + """
        rule "One more"
        when
          Assessment( dealerId == "XX-MORE" )
        then
        end
        """);

    assertThat(atTheLimit.poolsSessions()).isTrue();
    assertThat(overTheLimit.poolsSessions()).isFalse();
    for (int i = 0; i < 20; i++) {
      assertThat(overTheLimit.decide(contact, directory, SERVICE_LEVELS).trace()).containsExactly("Dealer DE-MUC-001");
    }
  }

  @Test
  void compilesTheBundledPolicy() {
    assertThat(RuleSet.defaultPolicyText()).contains("rule \"Route: critical to the central desk\"");
    assertThat(RuleSet.compile("global:2", RuleSet.defaultPolicyText()).version()).isEqualTo("global:2");
  }
}
