package io.omniroute.loadtest.scenario;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Sentences the generator composes contact texts from, in English and German, chosen so that the
 * default policy classifies them as intended: urgency sentences carry exactly the keywords of
 * their level, specification sentences talk about "my car" / "mein Auto" and the like, scheme
 * sentences and greetings carry no keyword at all. Immutable and thread-safe.
 */
public final class Phrases {
  public static final Set<String> LANGUAGES = Set.of("en", "de");

  private record Catalogue(
      List<String> greetings,
      List<String> critical,
      List<String> high,
      List<String> low,
      List<String> scheme,
      List<String> specification,
      List<String> topic,
      List<String> subjects,
      List<String> names) {}

  private static final Map<String, Catalogue> CATALOGUES = Map.of(
      "en", new Catalogue(
          List.of("Hello,", "Good morning,", "Hi,", "Dear team,"),
          List.of(
              "I had an accident on the motorway and the car cannot be driven.",
              "We are stranded after a breakdown near the exit.",
              "There is smoke coming from under the bonnet.",
              "Emergency: the brakes failed on the way home."),
          List.of(
              "I want to file a complaint about how this was handled.",
              "If this is not solved I will cancel.",
              "My lawyer will contact you about this.",
              "This is urgent, please call back today."),
          List.of(
              "Thanks for the great service last week.",
              "Some feedback on the visit to the showroom.",
              "Thank you for the friendly advice."),
          List.of(
              "What are your opening hours on Saturday?",
              "Which colours does the new estate come in?",
              "Do you have test drives at the weekend?",
              "How much does the winter tyre package cost?"),
          List.of(
              "When will my car be ready for pickup?",
              "Is there any news about my order?",
              "Can I move my appointment to Friday?",
              "I have a question about my offer.",
              "Is my vehicle still under warranty?"),
          List.of("It is about the %s.", "The question concerns %s."),
          List.of("Question", "Enquiry", "Request", "Service"),
          List.of("tom", "anna", "james", "emma", "oliver", "lucy", "harry", "grace")),
      "de", new Catalogue(
          List.of("Guten Tag,", "Hallo,", "Sehr geehrte Damen und Herren,", "Moin,"),
          List.of(
              "Ich hatte gerade einen Unfall auf der Autobahn.",
              "Wir haben eine Panne und stehen auf dem Standstreifen.",
              "Wir sind liegengeblieben und brauchen Hilfe.",
              "Aus dem Motorraum kommt Rauch."),
          List.of(
              "Ich möchte mich offiziell beschweren.",
              "Wenn das nicht gelöst wird, werde ich kündigen.",
              "Mein Anwalt wird sich bei Ihnen melden.",
              "Es ist dringend, bitte rufen Sie heute zurück."),
          List.of(
              "Vielen Dank für den tollen Service!",
              "Danke für die schnelle Hilfe.",
              "Eine kurze Rückmeldung zum Besuch im Autohaus."),
          List.of(
              "Wie sind Ihre Öffnungszeiten am Samstag?",
              "Welche Farben gibt es für das neue Modell?",
              "Bieten Sie am Wochenende Probefahrten an?",
              "Was kostet das Winterreifen-Paket?"),
          List.of(
              "Wann ist mein Auto fertig?",
              "Gibt es Neuigkeiten zu meiner Bestellung?",
              "Kann ich meinen Termin auf Freitag verschieben?",
              "Ich habe eine Frage zu meinem Angebot.",
              "Ist mein Fahrzeug noch in der Garantie?"),
          List.of("Es geht um %s.", "Meine Frage betrifft %s."),
          List.of("Frage", "Anfrage", "Anliegen", "Service"),
          List.of("lukas", "mia", "felix", "lea", "jonas", "sophie", "paul", "hannah")));

  private final Catalogue catalogue;

  private Phrases(Catalogue catalogue) {
    this.catalogue = catalogue;
  }

  /** The phrases of a language ({@code en} or {@code de}). */
  public static Phrases of(String language) {
    Catalogue catalogue = CATALOGUES.get(language);
    if (catalogue == null) {
      throw new IllegalArgumentException("no phrases for language '" + language + "', known: " + LANGUAGES);
    }
    return new Phrases(catalogue);
  }

  public String greeting(SplittableRandom random) {
    return any(catalogue.greetings(), random);
  }

  /** A sentence that makes the text {@code critical}, {@code high} or {@code low}; {@code null} for normal. */
  public String urgency(String level, SplittableRandom random) {
    return switch (level) {
      case "critical" -> any(catalogue.critical(), random);
      case "high" -> any(catalogue.high(), random);
      case "low" -> any(catalogue.low(), random);
      case "normal" -> null;
      default -> throw new IllegalArgumentException("unknown urgency " + level);
    };
  }

  /** A question of the kind: {@code scheme} (general) or {@code specification} (my car, my order). */
  public String question(String knowledge, SplittableRandom random) {
    return switch (knowledge) {
      case "scheme" -> any(catalogue.scheme(), random);
      case "specification" -> any(catalogue.specification(), random);
      default -> throw new IllegalArgumentException("unknown knowledge " + knowledge);
    };
  }

  /** A sentence mentioning the keyword (a topic keyword from the directory). */
  public String topic(String keyword, SplittableRandom random) {
    return String.format(any(catalogue.topic(), random), keyword);
  }

  public String subject(SplittableRandom random) {
    return any(catalogue.subjects(), random);
  }

  /** A first name for e-mail addresses and handles. */
  public String name(SplittableRandom random) {
    return any(catalogue.names(), random);
  }

  private static String any(List<String> options, SplittableRandom random) {
    return options.get(random.nextInt(options.size()));
  }
}
