package io.omniroute.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.omniroute.rules.directory.ContactResolver;
import io.omniroute.rules.directory.Directory;
import io.omniroute.rules.directory.DirectoryLoader;
import io.omniroute.rules.model.Channel;
import io.omniroute.rules.model.Classification;
import io.omniroute.rules.model.Contact;
import io.omniroute.rules.model.Knowledge;
import io.omniroute.rules.model.Relationship;
import io.omniroute.rules.model.Level;
import io.omniroute.rules.model.Route;
import io.omniroute.rules.model.Urgency;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Pins down the default policy of DESIGN.md section 2, line by line. */
class DefaultPolicyTest {
  static final String KNOWLEDGE_REFERENCE = "Knowledge: specification by object reference";
  static final String KNOWLEDGE_TEXT = "Knowledge: specification by text about a concrete object";
  static final String KNOWLEDGE_SCHEME = "Knowledge: scheme otherwise";
  static final String URGENCY_CRITICAL = "Urgency: critical for safety and emergencies";
  static final String URGENCY_HIGH_THREAT = "Urgency: high for legal threats, cancellations and complaints";
  static final String URGENCY_HIGH_URGENT = "Urgency: high for explicitly urgent requests";
  static final String URGENCY_LOW = "Urgency: low for praise, feedback and newsletters (never for voice)";
  static final String URGENCY_NORMAL = "Urgency: normal otherwise";
  static final String TOPIC = "Topic: from directory keywords";
  static final String ROUTE_CRITICAL = "Route: critical to the central desk";
  static final String ROUTE_EXPERT = "Route: topic to the expert team covering the country";
  static final String ROUTE_URGENT_SPECIFICATION = "Route: urgent specification to the country, dealer kept as context";
  static final String ROUTE_DIRECT_CUSTOMER = "Route: specification from a direct customer to the country";
  static final String ROUTE_OWNER = "Route: specification to the relationship owner";
  static final String ROUTE_DEALER = "Route: specification to the dealer named on the contact";
  static final String ROUTE_SPECIFICATION_COUNTRY = "Route: specification without dealer to the country";
  static final String ROUTE_SCHEME_COUNTRY = "Route: scheme to the country";
  static final String ROUTE_CENTRAL_UNKNOWN_COUNTRY = "Route: central desk when the country is unknown";
  static final String CLASSIFIED = "Classification complete";

  /** A neutral question: scheme knowledge, normal urgency, general topic. */
  static final String NEUTRAL = "What are your opening hours?";

  static RuleSet rules;
  static Directory directory;
  static ContactResolver resolver;
  static final ServiceLevels SERVICE_LEVELS = ServiceLevels.defaults();

  @BeforeAll
  static void compileDefaultPolicy() {
    rules = RuleSet.defaultPolicy();
    directory = DirectoryLoader.bundledSample();
    resolver = new ContactResolver(directory);
  }

  /** Resolves the contact against the directory and decides it, as the engine does. */
  static Decision decide(Contact.Builder contact) {
    return rules.decide(resolver.resolve(contact.build()), directory, SERVICE_LEVELS);
  }

  static Contact.Builder email(String text) {
    return Contact.builder(Channel.EMAIL).subject("Question").text(text);
  }

  static Contact.Builder emailFromGermany(String text) {
    return email(text).country("DE");
  }

  @Test
  void bundledPolicyIsVersionGlobalOne() {
    assertThat(rules.version()).isEqualTo("global:1");
    assertThat(decide(emailFromGermany(NEUTRAL)).rulesVersion()).isEqualTo("global:1");
  }

  @Test
  void completesEveryDecisionWithoutFallback() {
    Decision decision = decide(emailFromGermany(NEUTRAL));

    assertThat(decision.fallback()).isFalse();
    assertThat(decision.trace()).doesNotContain(RuleSet.FALLBACK_TRACE);
  }

  @Nested
  class Knowledge_ {
    @ParameterizedTest(name = "reference {0}")
    @ValueSource(strings = {"vin", "policyNumber", "contractId", "orderId", "quoteId", "appointmentId"})
    void classifiesContactReferencingAConcreteObjectAsSpecification(String reference) {
      Decision decision = decide(emailFromGermany(NEUTRAL).reference(reference, "X-123456"));

      assertThat(decision.classification().knowledge()).isEqualTo(Knowledge.SPECIFICATION);
      assertThat(decision.trace()).contains(KNOWLEDGE_REFERENCE);
    }

    @Test
    void ignoresBlankReferences() {
      Decision decision = decide(emailFromGermany(NEUTRAL).reference("vin", "  "));

      assertThat(decision.classification().knowledge()).isEqualTo(Knowledge.SCHEME);
    }

    @Test
    void ignoresReferencesThatNameNoConcreteObject() {
      Decision decision = decide(emailFromGermany(NEUTRAL).reference("campaign", "spring-2025"));

      assertThat(decision.classification().knowledge()).isEqualTo(Knowledge.SCHEME);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "Is my car ready for pickup?",
        "Ist mein Auto schon fertig?",
        "Does my policy cover hail damage?",
        "Deckt meine Police Hagelschäden ab?",
        "Can you still honour this quote?",
        "Gilt dieses Angebot noch?",
        "Could you resend my offer?",
        "Ist mein Angebot noch gültig?",
        "I would like to move my appointment to Friday",
        "Ist mein Termin am Montag bestätigt?"
    })
    void classifiesTextAboutAConcreteObjectAsSpecification(String text) {
      Decision decision = decide(emailFromGermany(text));

      assertThat(decision.classification().knowledge()).isEqualTo(Knowledge.SPECIFICATION);
      assertThat(decision.trace()).contains(KNOWLEDGE_TEXT);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        NEUTRAL,
        "Wie sind Ihre Öffnungszeiten?",
        "Which colours does the new model come in?",
        "Welche Farben gibt es für das neue Modell?",
        "Can you clean my carpet too?",
        "Ist mein Autohaus am Samstag geöffnet?",
        "Does my policyholder discount apply?"
    })
    void classifiesEverythingElseAsScheme(String text) {
      Decision decision = decide(emailFromGermany(text));

      assertThat(decision.classification().knowledge()).isEqualTo(Knowledge.SCHEME);
      assertThat(decision.trace()).contains(KNOWLEDGE_SCHEME);
    }
  }

  @Nested
  class Urgency_ {
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "I had an accident on the A9",
        "We had a breakdown on the motorway",
        "We are stranded near Salzburg",
        "There is a fire in the engine bay",
        "Smoke is coming out of the bonnet",
        "The driver is injured",
        "The brakes failed on the hill",
        "Ich hatte einen Unfall auf der A9",
        "Panne auf der Autobahn",
        "Wir sind liegengeblieben",
        "Feuer im Motorraum",
        "Der Fahrer ist verletzt",
        "There were two accidents on our street",
        "Both passengers suffered injuries",
        "Unfallschaden am Heck",
        "Zwei Verletzte nach dem Aufprall",
        "Rauch kommt aus dem Motorraum",
        "Notfall: Auto qualmt"
    })
    void ratesSafetyAndEmergenciesCritical(String text) {
      Decision decision = decide(emailFromGermany(text));

      assertThat(decision.classification().urgency()).isEqualTo(Urgency.CRITICAL);
      assertThat(decision.trace()).contains(URGENCY_CRITICAL);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "The firewall blocks your website",
        "Der Rauchmelder im Showroom piept",
        "Is the smokescreen effect a feature?",
        "Feuerwehrzufahrt am Autohaus"
    })
    void doesNotRateWordsThatOnlyStartWithASafetyKeywordCritical(String text) {
      Decision decision = decide(emailFromGermany(text));

      assertThat(decision.classification().urgency()).isEqualTo(Urgency.NORMAL);
      assertThat(decision.trace()).doesNotContain(URGENCY_CRITICAL);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "My lawyer will contact you",
        "I want to cancel the contract",
        "This is a formal complaint",
        "Ich schalte meinen Anwalt ein",
        "Ich möchte den Vertrag kündigen",
        "Ich habe eine Beschwerde über den Service",
        "I will take you to court",
        "Please confirm the cancellation",
        "I am complaining for the third time",
        "Ich reiche Klage ein",
        "Hiermit erkläre ich die Kündigung",
        "Ich beschwere mich über die Werkstatt",
        "Ich storniere die Bestellung"
    })
    void ratesLegalThreatsCancellationsAndComplaintsHigh(String text) {
      Decision decision = decide(emailFromGermany(text));

      assertThat(decision.classification().urgency()).isEqualTo(Urgency.HIGH);
      assertThat(decision.trace()).contains(URGENCY_HIGH_THREAT);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "Haben Sie ein Autohaus in Klagenfurt?",
        "Is there parking near the food court?",
        "Sind die Gerichte im Bistro vegan?"
    })
    void doesNotRateWordsThatOnlyStartWithALegalKeywordHigh(String text) {
      Decision decision = decide(emailFromGermany(text));

      assertThat(decision.classification().urgency()).isEqualTo(Urgency.NORMAL);
      assertThat(decision.trace()).doesNotContain(URGENCY_HIGH_THREAT);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"This is urgent, please call back", "Bitte dringend zurückrufen"})
    void ratesExplicitlyUrgentRequestsHigh(String text) {
      Decision decision = decide(emailFromGermany(text));

      assertThat(decision.classification().urgency()).isEqualTo(Urgency.HIGH);
      assertThat(decision.trace()).contains(URGENCY_HIGH_URGENT);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "Thank you for the quick help",
        "Thank you for the great service",
        "Thanks for the quick reply",
        "Danke für die schnelle Hilfe",
        "Danke für den tollen Service",
        "Vielen Dank für Ihre Mühe",
        "Please add me to your newsletter",
        "Bitte schicken Sie mir den Newsletter",
        "Some feedback on the showroom",
        "Ein großes Lob an das Team"
    })
    void ratesPraiseFeedbackAndNewslettersLow(String text) {
      Decision decision = decide(emailFromGermany(text));

      assertThat(decision.classification().urgency()).isEqualTo(Urgency.LOW);
      assertThat(decision.trace()).contains(URGENCY_LOW);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "Thank you!",
        "Danke",
        "Danke im Voraus, wann öffnen Sie?",
        "Thanks in advance: what are your opening hours?",
        "We waited in the lobby for an hour",
        "Können Sie die Lobbyarbeit erklären?"
    })
    void doesNotRateAPlainThankYouOrWordsContainingALowKeywordLow(String text) {
      Decision decision = decide(emailFromGermany(text));

      assertThat(decision.classification().urgency()).isEqualTo(Urgency.NORMAL);
      assertThat(decision.trace()).doesNotContain(URGENCY_LOW);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Channel.class, names = {"EMAIL", "CHAT", "SOCIAL", "SMS"})
    void ratesPraiseLowOnEveryChannelButVoice(Channel channel) {
      Decision decision = decide(Contact.builder(channel).text("Thank you for the great service").country("DE"));

      assertThat(decision.classification().urgency()).isEqualTo(Urgency.LOW);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Thank you for the quick help", "Danke für die schnelle Hilfe", "I am calling about the newsletter"})
    void neverRatesAVoiceCallLow(String transcript) {
      Decision decision = decide(Contact.builder(Channel.VOICE).text(transcript).country("DE"));

      assertThat(decision.classification().urgency()).isEqualTo(Urgency.NORMAL);
      assertThat(decision.trace()).doesNotContain(URGENCY_LOW).contains(URGENCY_NORMAL);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {NEUTRAL, "Wie sind Ihre Öffnungszeiten?"})
    void ratesEverythingElseNormal(String text) {
      Decision decision = decide(emailFromGermany(text));

      assertThat(decision.classification().urgency()).isEqualTo(Urgency.NORMAL);
      assertThat(decision.trace()).contains(URGENCY_NORMAL);
    }

    @Test
    void ratesAVoiceCallWithoutTranscriptNormal() {
      Decision decision = decide(Contact.builder(Channel.VOICE).phone("+498912345678"));

      assertThat(decision.classification().urgency()).isEqualTo(Urgency.NORMAL);
    }

    @Test
    void ratesAnEmergencyCriticalEvenWhenItIsAlsoUrgentAndPolite() {
      Decision decision = decide(emailFromGermany("Thank you for your help, but this is urgent: we had an accident"));

      assertThat(decision.classification().urgency()).isEqualTo(Urgency.CRITICAL);
    }

    @Test
    void ratesACancellationHighEvenWhenItThanks() {
      Decision decision = decide(emailFromGermany("Thanks for nothing, I will cancel"));

      assertThat(decision.classification().urgency()).isEqualTo(Urgency.HIGH);
    }

    @Test
    void foldsUmlautsInTheContactText() {
      Decision decision = decide(emailFromGermany("Ich moechte kuendigen"));

      assertThat(decision.classification().urgency()).isEqualTo(Urgency.HIGH);
    }

    @Test
    void foldsUmlautsWrittenAsCombiningMarks() {
      // "Kündigung" in Unicode NFD: u followed by a combining diaeresis.
      Decision decision = decide(emailFromGermany("Ku\u0308ndigung meines Vertrags"));

      assertThat(decision.classification().urgency()).isEqualTo(Urgency.HIGH);
      assertThat(decision.trace()).contains(URGENCY_HIGH_THREAT);
    }

    @Test
    void readsNonBreakingSpacesAsWhiteSpace() {
      assertThat(decide(emailFromGermany("Thank\u00A0you\u00A0for the help")).classification().urgency())
          .isEqualTo(Urgency.LOW);
      assertThat(decide(emailFromGermany("I will take you\u00A0to\u202Fcourt")).classification().urgency())
          .isEqualTo(Urgency.HIGH);
    }
  }

  @Nested
  class Topic_ {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "My battery drains overnight                | ev-battery",
        "Der Akku lädt nicht mehr                   | ev-battery",
        "Wo ist die nächste Ladestation?            | ev-battery",
        "What electric range does the new model have? | ev-battery",
        "Welche Reichweite hat das neue Modell?     | ev-battery",
        "Mein Ladekabel ist defekt                  | ev-battery",
        "Kann ich zu Hause aufladen?                | ev-battery",
        "Die Batterien sind leer                    | ev-battery",
        "Do you sell classic cars?                  | classic-cars",
        "Parts for a classic car                    | classic-cars",
        "Ist das schon ein Youngtimer?              | classic-cars",
        "Restaurierung eines Käfers                 | classic-cars",
        "Flottenrabatt für Firmenwagen              | fleet",
        "Discounts for company cars                 | fleet",
        "I am restoring a vintage Nordwind          | classic-cars",
        "Ersatzteile für meinen Oldtimer            | classic-cars",
        "An offer for our company fleet, please     | fleet",
        "Angebot für unseren Fuhrpark               | fleet"
    })
    void findsTheTopicFromTheDirectoryKeywords(String text, String topic) {
      Decision decision = decide(emailFromGermany(text));

      assertThat(decision.classification().topic()).isEqualTo(topic);
      assertThat(decision.trace()).contains(TOPIC);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        NEUTRAL,
        "Wie sind Ihre Öffnungszeiten?",
        "Wann hat Ihr Laden geöffnet?",
        "What range of colours do you offer?",
        "Do you restore classic models?",
        "Is the Flottbek branch open?",
        "Who is in charge of the showroom?"
    })
    void fallsBackToTheGeneralTopic(String text) {
      Decision decision = decide(emailFromGermany(text));

      assertThat(decision.classification().topic()).isEqualTo(Classification.GENERAL_TOPIC).isEqualTo("general");
    }

    @Test
    void readsTopicKeywordsInTheSubjectToo() {
      Decision decision = decide(Contact.builder(Channel.EMAIL).subject("Wallbox").text("Please help").country("DE"));

      assertThat(decision.classification().topic()).isEqualTo("ev-battery");
    }
  }

  @Nested
  class RouteRule1Critical {
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"I had an accident", "Ich hatte einen Unfall"})
    void routesCriticalContactToCentralDesk(String text) {
      Decision decision = decide(emailFromGermany(text));

      assertThat(decision.route()).isEqualTo(Route.central(40));
      assertThat(decision.trace()).contains(ROUTE_CRITICAL);
    }

    @Test
    void routesCriticalSpecificationWithDealerAndOwnerToCentralDesk() {
      Decision decision = decide(
          email("My car broke down on the motorway")
              .reference("vin", "WNW12345678901234")
              .dealerId("DE-MUC-001")
              .ownerDealerId("DE-BER-001"));

      assertThat(decision.classification().knowledge()).isEqualTo(Knowledge.SPECIFICATION);
      assertThat(decision.route().level()).isEqualTo(Level.CENTRAL);
      assertThat(decision.route().queue()).isEqualTo("central");
      assertThat(decision.trace()).contains(ROUTE_CRITICAL).doesNotContain(ROUTE_OWNER, ROUTE_DEALER);
    }

    @Test
    void routesCriticalContactAboutAnExpertTopicToCentralDesk() {
      Decision decision = decide(emailFromGermany("Smoke is coming out of the battery"));

      assertThat(decision.classification().topic()).isEqualTo("ev-battery");
      assertThat(decision.classification().urgency()).isEqualTo(Urgency.CRITICAL);
      assertThat(decision.route().queue()).isEqualTo("central");
      assertThat(decision.trace()).contains(ROUTE_CRITICAL).doesNotContain(ROUTE_EXPERT);
    }

    @Test
    void routesCriticalVoiceCallWithUnknownCountryToCentralDesk() {
      Decision decision = decide(Contact.builder(Channel.VOICE).text("accident").phone("+12125550100"));

      assertThat(decision.route().queue()).isEqualTo("central");
      assertThat(decision.trace()).contains(ROUTE_CRITICAL);
    }
  }

  @Nested
  class RouteRule2Expert {
    @ParameterizedTest(name = "from {0}")
    @ValueSource(strings = {"DE", "AT", "CH"})
    void routesTopicToTheExpertTeamCoveringTheCountry(String country) {
      Decision decision = decide(email("The battery does not charge").country(country));

      assertThat(decision.route()).isEqualTo(Route.expert("ev-battery", 20));
      assertThat(decision.route().queue()).isEqualTo("expert:ev-battery");
      assertThat(decision.trace()).contains(ROUTE_EXPERT);
    }

    @Test
    void routesGermanTopicKeywordsToTheExpertTeam() {
      Decision decision = decide(email("Mein Akku lädt nicht mehr an der Ladestation").country("AT"));

      assertThat(decision.route().queue()).isEqualTo("expert:ev-battery");
    }

    @Test
    void routesExpertTopicBeforeTheDealerOfASpecification() {
      Decision decision = decide(
          email("The battery of my car loses range").dealerId("DE-MUC-001").ownerDealerId("DE-BER-001"));

      assertThat(decision.classification().knowledge()).isEqualTo(Knowledge.SPECIFICATION);
      assertThat(decision.route().queue()).isEqualTo("expert:ev-battery");
      assertThat(decision.trace()).contains(ROUTE_EXPERT).doesNotContain(ROUTE_OWNER, ROUTE_DEALER);
    }

    @Test
    void routesUrgentExpertTopicToTheExpertTeamAtHighPriority() {
      Decision decision = decide(email("Urgent: the wallbox stopped charging").country("CH"));

      assertThat(decision.route()).isEqualTo(Route.expert("ev-battery", 30));
    }

    @Test
    void routesTopicFromACountryTheTeamDoesNotCoverToTheCountry() {
      Decision decision = decide(email("The battery does not charge").country("GB"));

      assertThat(decision.classification().topic()).isEqualTo("ev-battery");
      assertThat(decision.route().queue()).isEqualTo("country:GB");
      assertThat(decision.trace()).doesNotContain(ROUTE_EXPERT).contains(ROUTE_SCHEME_COUNTRY);
    }

    @Test
    void routesSpecificationOnATopicTheTeamDoesNotCoverInTheCountryToTheDealer() {
      Decision decision = decide(email("The battery of my car is flat").dealerId("GB-LON-001"));

      assertThat(decision.route().queue()).isEqualTo("dealer:GB-LON-001");
    }

    @ParameterizedTest(name = "from {0}")
    @ValueSource(strings = {"FR", "GB", "DE", "AT", "CH"})
    void routesTopicOfATeamWithoutCountriesFromEveryKnownCountry(String country) {
      Decision decision = decide(email("Do you restore classic cars?").country(country));

      assertThat(decision.route().queue()).isEqualTo("expert:classic-cars");
    }

    @Test
    void routesTopicOfATeamWithoutCountriesFromACountryKnownByPhone() {
      Decision decision = decide(email("Parts for my Oldtimer").phone("+33142685300"));

      assertThat(decision.route().queue()).isEqualTo("expert:classic-cars");
    }

    @Test
    void routesFleetTopicOnlyFromTheCountriesOfTheFleetTeam() {
      assertThat(decide(email("Angebot für unseren Fuhrpark").country("DE")).route().queue())
          .isEqualTo("expert:fleet-sales");
      assertThat(decide(email("Angebot für unseren Fuhrpark").country("AT")).route().queue())
          .isEqualTo("country:AT");
    }

    @Test
    void routesTopicOfATeamWithoutCountriesFromAnUnknownCountryToCentralDesk() {
      Decision decision = decide(email("Do you restore classic cars?"));

      assertThat(decision.classification().topic()).isEqualTo("classic-cars");
      assertThat(decision.route().queue()).isEqualTo("central");
      assertThat(decision.trace()).doesNotContain(ROUTE_EXPERT);
    }

    @Test
    void routesTopicOfATeamWithCountriesFromAnUnknownCountryToCentralDesk() {
      Decision decision = decide(email("The battery does not charge"));

      assertThat(decision.classification().topic()).isEqualTo("ev-battery");
      assertThat(decision.route().queue()).isEqualTo("central");
      assertThat(decision.trace()).doesNotContain(ROUTE_EXPERT).contains(ROUTE_CENTRAL_UNKNOWN_COUNTRY);
    }

    @Test
    void routesTopicOfATeamWithCountriesFromACountryOutsideTheDirectoryToCentralDesk() {
      Decision decision = decide(email("Where is the nearest charger?").phone("+12125550100"));

      assertThat(decision.route().queue()).isEqualTo("central");
    }
  }

  @Nested
  class RouteRule3Specification {
    @Test
    void routesSpecificationToTheRelationshipOwnerBeforeTheNamedDealer() {
      Decision decision = decide(
          email(NEUTRAL).reference("orderId", "O-1").dealerId("DE-MUC-001").ownerDealerId("DE-BER-001"));

      assertThat(decision.route()).isEqualTo(Route.dealer("DE-BER-001", 20));
      assertThat(decision.route().queue()).isEqualTo("dealer:DE-BER-001");
      assertThat(decision.contextDealerId()).isNull();
      assertThat(decision.trace()).contains(ROUTE_OWNER).doesNotContain(ROUTE_DEALER);
    }

    @Test
    void routesAReopenedSpecificationMatterBackToTheDealerWhoAnsweredIt() {
      Decision decision = decide(email("Is my car ready now?").country("DE")
          .previousQueue("dealer:DE-BER-001").previousAgent("anna"));

      assertThat(decision.route().queue()).isEqualTo("dealer:DE-BER-001");
      assertThat(decision.trace()).contains("Route: reopened specification back to the dealer who answered it");
    }

    @Test
    void routesAReopenedMatterOfAnIndirectCustomerToItsOwnerEvenWhenAnotherDealerAnsweredIt() {
      Decision decision = decide(email("Is my car ready now?").country("DE").ownerDealerId("DE-MUC-001")
          .relationship(Relationship.INDIRECT).previousQueue("dealer:DE-BER-001"));

      assertThat(decision.route().queue()).isEqualTo("dealer:DE-MUC-001");
      assertThat(decision.trace()).contains(ROUTE_OWNER);
    }

    @Test
    void routesAReopenedSchemeQuestionAsAnyOther() {
      Decision decision = decide(email("What are your opening hours?").country("DE").previousQueue("dealer:DE-BER-001"));

      assertThat(decision.route().queue()).isEqualTo("country:DE");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Is my car ready?", "Ist mein Auto fertig?"})
    void routesSpecificationToTheDealerNamedOnTheContact(String text) {
      Decision decision = decide(email(text).dealerId("DE-MUC-001"));

      assertThat(decision.route()).isEqualTo(Route.dealer("DE-MUC-001", 20));
      assertThat(decision.trace()).contains(ROUTE_DEALER);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Is my car ready?", "Ist mein Auto fertig?"})
    void routesSpecificationFromAnIndirectCustomerToTheOwnerWithNoDealerNamed(String text) {
      Decision decision = decide(email(text).reference("vin", "WNW12345678901234").country("DE")
          .ownerDealerId("DE-MUC-001").relationship(Relationship.INDIRECT));

      assertThat(decision.route().queue()).isEqualTo("dealer:DE-MUC-001");
      assertThat(decision.trace()).contains(ROUTE_OWNER);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"When is my car's service due?", "Wann ist die Inspektion meines Autos fällig?"})
    void routesSpecificationFromAnIndirectCustomerToTheOwnerOverAnotherNamedDealer(String text) {
      Decision decision = decide(email(text).reference("vin", "WNW12345678901234").dealerId("DE-BER-001")
          .ownerDealerId("DE-MUC-001").relationship(Relationship.INDIRECT));

      assertThat(decision.route().queue()).isEqualTo("dealer:DE-MUC-001");
      assertThat(decision.trace()).contains(ROUTE_OWNER).doesNotContain(ROUTE_DEALER);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Is my car ready?", "Ist mein Auto fertig?"})
    void routesSpecificationFromADirectCustomerToTheCountryEvenWithADealerNamed(String text) {
      Decision decision = decide(email(text).reference("vin", "WNW12345678901234").country("DE")
          .dealerId("DE-MUC-001").relationship(Relationship.DIRECT));

      assertThat(decision.route()).isEqualTo(Route.country("DE", 20));
      assertThat(decision.trace()).contains(ROUTE_DIRECT_CUSTOMER).doesNotContain(ROUTE_DEALER);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"We had an accident with my car", "Wir hatten einen Unfall mit meinem Auto"})
    void keepsEmergenciesAtTheCentralDeskForAnIndirectCustomer(String text) {
      Decision decision = decide(email(text).reference("vin", "WNW12345678901234").country("DE")
          .ownerDealerId("DE-MUC-001").relationship(Relationship.INDIRECT));

      assertThat(decision.route().queue()).isEqualTo("central");
    }

    @Test
    void keepsExpertTopicsWithTheExpertTeamForADirectCustomer() {
      Decision decision = decide(email("The battery of my car loses range").reference("vin", "WNW12345678901234")
          .country("DE").relationship(Relationship.DIRECT));

      assertThat(decision.route().queue()).startsWith("expert:");
    }

    @Test
    void routesSpecificationToTheOwnerWhenTheNamedDealerIsUnknown() {
      Decision decision = decide(email("Is my car ready?").dealerId("XX-NOPE-1").ownerDealerId("AT-GRZ-001"));

      assertThat(decision.route().queue()).isEqualTo("dealer:AT-GRZ-001");
    }

    @Test
    void routesSpecificationWithAnUnknownDealerToTheCountry() {
      Decision decision = decide(email("Is my car ready?").dealerId("XX-NOPE-1").country("AT"));

      assertThat(decision.route()).isEqualTo(Route.country("AT", 20));
      assertThat(decision.trace()).contains(ROUTE_SPECIFICATION_COUNTRY);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Is my appointment confirmed?", "Ist mein Termin bestätigt?"})
    void routesSpecificationWithoutDealerToTheCountryQueue(String text) {
      Decision decision = decide(email(text).country("CH"));

      assertThat(decision.route().queue()).isEqualTo("country:CH");
      assertThat(decision.trace()).contains(ROUTE_SPECIFICATION_COUNTRY);
    }

    @Test
    void routesSpecificationWithoutDealerToTheCountryOfThePhoneNumber() {
      Decision decision = decide(Contact.builder(Channel.VOICE).text("about my policy").phone("+4315880000"));

      assertThat(decision.route().queue()).isEqualTo("country:AT");
    }

    @Test
    void routesSpecificationWithoutDealerAndCountryToCentralDesk() {
      Decision decision = decide(email("Is my car ready?"));

      assertThat(decision.route()).isEqualTo(Route.central(20));
      assertThat(decision.trace()).contains(ROUTE_CENTRAL_UNKNOWN_COUNTRY);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"I want to cancel my contract", "Ich möchte meinen Vertrag kündigen"})
    void routesHighSpecificationToTheCountryKeepingTheDealerAsContext(String text) {
      Decision decision = decide(email(text).dealerId("DE-MUC-001"));

      assertThat(decision.classification().knowledge()).isEqualTo(Knowledge.SPECIFICATION);
      assertThat(decision.classification().urgency()).isEqualTo(Urgency.HIGH);
      assertThat(decision.route()).isEqualTo(Route.country("DE", 30));
      assertThat(decision.contextDealerId()).isEqualTo("DE-MUC-001");
      assertThat(decision.trace()).contains(ROUTE_URGENT_SPECIFICATION).doesNotContain(ROUTE_DEALER);
    }

    @Test
    void keepsTheRelationshipOwnerAsContextOfAHighSpecification() {
      Decision decision = decide(
          email("Urgent: my order is late").dealerId("DE-MUC-001").ownerDealerId("DE-BER-001"));

      assertThat(decision.route().queue()).isEqualTo("country:DE");
      assertThat(decision.contextDealerId()).isEqualTo("DE-BER-001");
    }

    @Test
    void routesHighSpecificationWithoutCountryToCentralDesk() {
      Decision decision = decide(email("This is a complaint about my order"));

      assertThat(decision.route()).isEqualTo(Route.central(30));
      assertThat(decision.contextDealerId()).isNull();
    }

    @Test
    void routesLowSpecificationToTheDealer() {
      Decision decision = decide(email("Thank you for the service, my car runs perfectly").dealerId("FR-LYO-001"));

      assertThat(decision.route()).isEqualTo(Route.dealer("FR-LYO-001", 10));
    }
  }

  @Nested
  class RouteRule4Scheme {
    @Test
    void routesSchemeToTheExplicitCountry() {
      Decision decision = decide(email(NEUTRAL).country("GB"));

      assertThat(decision.route()).isEqualTo(Route.country("GB", 20));
      assertThat(decision.trace()).contains(ROUTE_SCHEME_COUNTRY);
    }

    @Test
    void routesSchemeToTheCountryOfTheDealerRatherThanTheDealer() {
      Decision decision = decide(email(NEUTRAL).dealerId("AT-VIE-001"));

      assertThat(decision.route()).isEqualTo(Route.country("AT", 20));
    }

    @Test
    void routesSchemeToTheCountryOfTheRelationshipOwner() {
      Decision decision = decide(email(NEUTRAL).ownerDealerId("CH-GVA-001"));

      assertThat(decision.route().queue()).isEqualTo("country:CH");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "+4315880000,    country:AT",
        "+498912345678,  country:DE",
        "+41442345678,   country:CH",
        "+442079460958,  country:GB",
        "+33142685300,   country:FR"
    })
    void routesSchemeToTheCountryOfThePhoneNumber(String phone, String queue) {
      Decision decision = decide(Contact.builder(Channel.VOICE).text(NEUTRAL).phone(phone));

      assertThat(decision.route().queue()).isEqualTo(queue);
    }

    @Test
    void prefersTheExplicitCountryOverThePhoneNumber() {
      Decision decision = decide(email(NEUTRAL).country("GB").phone("+498912345678"));

      assertThat(decision.route().queue()).isEqualTo("country:GB");
    }

    @Test
    void routesSchemeWithAPhoneFromACountryOutsideTheDirectoryToCentralDesk() {
      Decision decision = decide(Contact.builder(Channel.VOICE).text(NEUTRAL).phone("+12125550100"));

      assertThat(decision.route()).isEqualTo(Route.central(20));
      assertThat(decision.trace()).contains(ROUTE_CENTRAL_UNKNOWN_COUNTRY);
    }

    @Test
    void routesSchemeWithACountryOutsideTheDirectoryToCentralDesk() {
      Decision decision = decide(email(NEUTRAL).country("US"));

      assertThat(decision.route().queue()).isEqualTo("central");
    }

    @Test
    void routesSchemeWithoutAnyCountryHintToCentralDesk() {
      Decision decision = decide(Contact.builder(Channel.SOCIAL).handle("@someone").text(NEUTRAL));

      assertThat(decision.route()).isEqualTo(Route.central(20));
    }

    @Test
    void routesSchemeWithAnUnparseablePhoneToCentralDesk() {
      Decision decision = decide(Contact.builder(Channel.VOICE).text(NEUTRAL).phone("anonymous"));

      assertThat(decision.route().queue()).isEqualTo("central");
    }
  }

  @Nested
  class ServiceLevels_ {
    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
        "VOICE,  NORMAL,   PT20S",
        "CHAT,   NORMAL,   PT60S",
        "SOCIAL, NORMAL,   PT1H",
        "EMAIL,  NORMAL,   PT24H",
        "SMS,    NORMAL,   PT15M",
        "VOICE,  HIGH,     PT10S",
        "CHAT,   HIGH,     PT30S",
        "SOCIAL, HIGH,     PT30M",
        "EMAIL,  HIGH,     PT12H",
        "VOICE,  CRITICAL, PT5S",
        "CHAT,   CRITICAL, PT15S",
        "SOCIAL, CRITICAL, PT15M",
        "EMAIL,  CRITICAL, PT6H",
        "EMAIL,  LOW,      PT24H",
        "CHAT,   LOW,      PT60S"
    })
    void setsTheFirstResponseTargetByChannelAndUrgency(Channel channel, Urgency urgency, Duration target) {
      Decision decision = decide(Contact.builder(channel).text(textOf(urgency)).country("DE"));

      assertThat(decision.classification().urgency()).isEqualTo(urgency);
      assertThat(decision.responseTarget()).isEqualTo(target);
    }

    @Test
    void usesConfiguredServiceLevels() {
      ServiceLevels faster = ServiceLevels.defaults().with(Channel.EMAIL, Duration.ofHours(4));
      Contact contact = resolver.resolve(email("This is urgent").country("DE").build());

      Decision decision = rules.decide(contact, directory, faster);

      assertThat(decision.responseTarget()).isEqualTo(Duration.ofHours(2));
    }
  }

  @Nested
  class Priorities {
    @ParameterizedTest(name = "{0}")
    @EnumSource(Urgency.class)
    void setsTheRoutePriorityToTheBasePriorityOfTheUrgency(Urgency urgency) {
      Decision decision = decide(emailFromGermany(textOf(urgency)));

      assertThat(decision.classification().urgency()).isEqualTo(urgency);
      assertThat(decision.route().priority()).isEqualTo(urgency.basePriority());
    }

    @Test
    void basePrioritiesRiseWithUrgency() {
      assertThat(Urgency.LOW.basePriority()).isEqualTo(10);
      assertThat(Urgency.NORMAL.basePriority()).isEqualTo(20);
      assertThat(Urgency.HIGH.basePriority()).isEqualTo(30);
      assertThat(Urgency.CRITICAL.basePriority()).isEqualTo(40);
    }

    @Test
    void setsDealerPriorityByUrgency() {
      assertThat(decide(email("Thanks for the service, my car is great").dealerId("DE-MUC-001")).route().priority()).isEqualTo(10);
      assertThat(decide(email("Is my car ready?").dealerId("DE-MUC-001")).route().priority()).isEqualTo(20);
    }
  }

  @Nested
  class Trace {
    @Test
    void tracesEveryFiredRuleInFiringOrder() {
      Decision decision = decide(emailFromGermany("I had an accident"));

      assertThat(decision.trace()).containsExactly(
          KNOWLEDGE_SCHEME, URGENCY_CRITICAL, TOPIC, CLASSIFIED, ROUTE_CRITICAL);
    }

    @Test
    void tracesTheRulesOfASpecificationRoutedToTheOwner() {
      Decision decision = decide(
          email(NEUTRAL).reference("vin", "WNW1").ownerDealerId("DE-HAM-001"));

      assertThat(decision.trace()).containsExactly(
          KNOWLEDGE_REFERENCE, URGENCY_NORMAL, TOPIC, CLASSIFIED, ROUTE_OWNER);
    }

    @Test
    void tracesTheRulesOfAnExpertRoute() {
      Decision decision = decide(email("Meine Wallbox lädt nicht").country("AT"));

      assertThat(decision.trace()).containsExactly(
          KNOWLEDGE_SCHEME, URGENCY_NORMAL, TOPIC, CLASSIFIED, ROUTE_EXPERT);
    }

    @Test
    void tracesExactlyOneRoutingRule() {
      Decision decision = decide(email("Is my car ready?").dealerId("DE-MUC-001").ownerDealerId("DE-BER-001"));

      assertThat(decision.trace()).filteredOn(name -> name.startsWith("Route:")).containsExactly(ROUTE_OWNER);
    }
  }

  /** The policy's keyword lists in each language the brand's markets speak. */
  @Nested
  class Languages {
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "en|Is my car ready?",
        "de|Ist mein Auto fertig?",
        "fr|Ma voiture est-elle prête ?",
        "it|La mia auto è pronta?",
        "es|¿Está listo mi coche?"})
    void classifiesTalkAboutAConcreteObjectAsSpecification(String language, String text) {
      assertThat(decide(emailFromGermany(text).language(language)).classification().knowledge())
          .isEqualTo(Knowledge.SPECIFICATION);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "en|I had an accident on the motorway",
        "de|Ich hatte einen Unfall auf der Autobahn",
        "fr|J'ai eu un accident sur l'autoroute",
        "it|Ho avuto un incidente in autostrada",
        "es|He tenido un accidente en la autopista",
        "fr|La voiture est en panne et il y a de la fumée",
        "it|C'è fumo dal motore, è un'emergenza",
        "es|Hay humo, es una emergencia"})
    void ratesEmergenciesCriticalAndSendsThemToTheCentralDesk(String language, String text) {
      Decision decision = decide(emailFromGermany(text).language(language));

      assertThat(decision.classification().urgency()).isEqualTo(Urgency.CRITICAL);
      assertThat(decision.route().queue()).isEqualTo("central");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "en|I will call my lawyer",
        "de|Ich schalte meinen Anwalt ein",
        "fr|Je vais contacter mon avocat",
        "fr|Je veux déposer une plainte",
        "it|Chiamerò il mio avvocato",
        "it|Voglio fare un reclamo",
        "es|Voy a llamar a mi abogado",
        "es|Quiero presentar una reclamación",
        "fr|Répondez-moi tout de suite",
        "it|Rispondete subito per favore",
        "es|Respondan cuanto antes por favor"})
    void ratesLegalThreatsComplaintsAndUrgentRequestsHigh(String language, String text) {
      assertThat(decide(emailFromGermany(text).language(language)).classification().urgency()).isEqualTo(Urgency.HIGH);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "en|Thank you for the great service",
        "de|Vielen Dank für den tollen Service",
        "fr|Merci pour votre excellent service",
        "it|Grazie per l'ottimo servizio",
        "es|Gracias por el excelente servicio"})
    void ratesPraiseLow(String language, String text) {
      assertThat(decide(emailFromGermany(text).language(language)).classification().urgency()).isEqualTo(Urgency.LOW);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "fr|La borne de recharge ne fonctionne pas",
        "it|La batteria si scarica in fretta",
        "es|La batería pierde autonomía"})
    void findsTheBatteryTopicAndTheExpertTeamCoveringSwitzerland(String language, String text) {
      Decision decision = decide(email(text).country("CH").language(language));

      assertThat(decision.classification().topic()).isEqualTo("ev-battery");
      assertThat(decision.route().queue()).isEqualTo("expert:ev-battery");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "FR|fr|Quels sont vos horaires d'ouverture ?",
        "IT|it|Quali sono i vostri orari di apertura?",
        "ES|es|¿Cuál es su horario de apertura?"})
    void routesAGeneralQuestionToItsCountry(String country, String language, String text) {
      Decision decision = decide(email(text).country(country).language(language));

      assertThat(decision.classification().knowledge()).isEqualTo(Knowledge.SCHEME);
      assertThat(decision.route().queue()).isEqualTo("country:" + country);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Ma voiture est-elle prête ?", "Quand puis-je récupérer ma voiture ?"})
    void routesAFrenchSpecificationQuestionToTheFrenchDealerItNames(String text) {
      Decision decision = decide(email(text).dealerId("FR-LYO-001").language("fr"));

      assertThat(decision.route().queue()).isEqualTo("dealer:FR-LYO-001");
    }
  }

  /** A neutral text that the policy rates at the given urgency. */
  static String textOf(Urgency urgency) {
    return switch (urgency) {
      case LOW -> "Thank you for the great service";
      case NORMAL -> NEUTRAL;
      case HIGH -> "This is urgent";
      case CRITICAL -> "We had an accident";
    };
  }
}
