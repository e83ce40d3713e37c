package io.omniroute.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omniroute.rules.directory.ContactResolver;
import io.omniroute.rules.directory.Directory;
import io.omniroute.rules.directory.DirectoryLoader;
import io.omniroute.rules.model.Channel;
import io.omniroute.rules.model.Contact;
import io.omniroute.rules.model.Urgency;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Global and country rules together: the evaluation order the README documents. */
class RuleBookTest {
  private static final ServiceLevels SERVICE_LEVELS = ServiceLevels.defaults();
  /** DE: questions about the vehicle tax go to the Berlin dealer, who runs a registration service. */
  private static final String DE_TAX_TO_BERLIN = """
      package io.omniroute.rules;

      rule "Vehicle tax questions to Berlin"
      when
        $a : Assessment( mentionsAny("kfz-steuer") )
      then
        $a.routeDealer( "DE-BER-001" );
      end
      """;

  private static Directory directory;
  private static RuleSet global;
  private static ContactResolver resolver;

  @BeforeAll
  static void compile() {
    directory = DirectoryLoader.bundledSample();
    resolver = new ContactResolver(directory);
    global = RuleSet.defaultPolicy();
  }

  private static Contact contact(String country, String text) {
    return resolver.resolve(Contact.builder(Channel.EMAIL).country(country).text(text).build());
  }

  private static Decision decide(RuleBook book, Contact contact) {
    return book.decide(contact, directory, SERVICE_LEVELS);
  }

  @Test
  void countryRulesRefineTheGlobalDecisionForTheirCountry() {
    RuleBook book = RuleBook.of(global).with("DE", RuleSet.compile("DE:2", DE_TAX_TO_BERLIN));

    Decision decision = decide(book, contact("DE", "Wie hoch ist die Kfz-Steuer?"));

    assertThat(decision.route().queue()).isEqualTo("dealer:DE-BER-001");
    assertThat(decision.rulesVersion()).isEqualTo("global:1+DE:2");
    assertThat(decision.trace()).contains("DE: Vehicle tax questions to Berlin");
    assertThat(decision.trace()).anyMatch(name -> name.startsWith("Route: scheme to the country"));
  }

  @Test
  void countryRulesDoNotTouchContactsOfOtherCountries() {
    RuleBook book = RuleBook.of(global).with("DE", RuleSet.compile("DE:2", DE_TAX_TO_BERLIN));

    Decision decision = decide(book, contact("AT", "Wie hoch ist die Kfz-Steuer?"));

    assertThat(decision.route().queue()).isEqualTo("country:AT");
    assertThat(decision.rulesVersion()).isEqualTo("global:1");
  }

  @Test
  void aLockedGlobalSafetyRouteWinsOverEveryCountryRule() {
    String everythingToDealer = """
        package io.omniroute.rules;

        import io.omniroute.rules.model.Urgency;

        rule "Everything to Munich"
        when
          $a : Assessment()
        then
          $a.routeDealer( "DE-MUC-001" );
          $a.setUrgency( Urgency.LOW );
        end
        """;
    RuleBook book = RuleBook.of(global).with("DE", RuleSet.compile("DE:3", everythingToDealer));

    Decision accident = decide(book, contact("DE", "Ich hatte einen Unfall auf der A9"));
    Decision question = decide(book, contact("DE", "Welche Farben gibt es?"));

    assertThat(accident.route().queue()).isEqualTo("central");
    assertThat(accident.classification().urgency()).isEqualTo(Urgency.CRITICAL);
    assertThat(accident.rulesVersion()).isEqualTo("global:1");
    assertThat(question.route().queue()).isEqualTo("dealer:DE-MUC-001");
  }

  @Test
  void ignoresACountryRouteOutsideItsCountry() {
    String toVienna = """
        package io.omniroute.rules;

        rule "To Vienna"
        when
          $a : Assessment()
        then
          $a.routeDealer( "AT-VIE-001" );
        end
        """;
    RuleBook book = RuleBook.of(global).with("DE", RuleSet.compile("DE:4", toVienna));

    Decision decision = decide(book, contact("DE", "Welche Farben gibt es?"));

    assertThat(decision.route().queue()).isEqualTo("country:DE");
    assertThat(decision.trace()).anyMatch(entry -> entry.contains("route to dealer:AT-VIE-001 ignored"));
    assertThat(decision.fallback()).isFalse();
  }

  @Test
  void aLoopingCountryRuleFallsBackToTheCentralDesk() {
    String loop = """
        package io.omniroute.rules;

        rule "Flip the topic forever"
        when
          $a : Assessment( $topic : topic ) @watch( topic )
        then
          modify( $a ) { setTopic( "a".equals( $topic ) ? "b" : "a" ) }
        end
        """;
    RuleBook book = RuleBook.of(global).with("DE", RuleSet.compile("DE:5", loop));

    Decision decision = decide(book, contact("DE", "Welche Farben gibt es?"));

    assertThat(decision.route().queue()).isEqualTo("central");
    assertThat(decision.stoppedAtFiringLimit()).isTrue();
  }

  @Test
  void listsActiveVersionsGlobalFirst() {
    RuleBook book = RuleBook.of(global)
        .with("DE", RuleSet.compile("DE:2", DE_TAX_TO_BERLIN))
        .with("AT", RuleSet.compile("AT:1", DE_TAX_TO_BERLIN));

    assertThat(book.versions()).containsExactly(
        org.assertj.core.api.Assertions.entry("global", "global:1"),
        org.assertj.core.api.Assertions.entry("AT", "AT:1"),
        org.assertj.core.api.Assertions.entry("DE", "DE:2"));
    assertThat(book.with("global", RuleSet.compile("global:2", RuleSet.defaultPolicyText())).versions())
        .containsEntry("global", "global:2").containsEntry("DE", "DE:2");
  }

  @Test
  void rejectsAnUnknownScope() {
    assertThat(RuleBook.isScope("DE")).isTrue();
    assertThat(RuleBook.isScope("global")).isTrue();
    assertThat(RuleBook.isScope("de")).isFalse();
    assertThat(RuleBook.isScope("DEU")).isFalse();
    assertThatThrownBy(() -> RuleBook.of(global).with("Germany", global))
        .hasMessageContaining("country code such as 'DE'");
  }
}
