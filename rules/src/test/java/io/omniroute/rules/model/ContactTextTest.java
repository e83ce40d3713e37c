package io.omniroute.rules.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link Contact#mentionsAny}: phrases match as whole words, or at word starts when they end in
 * {@code *}, case-insensitively, with umlauts folded, after Unicode NFC normalisation.
 */
class ContactTextTest {
  private static Contact text(String text) {
    return Contact.builder(Channel.EMAIL).text(text).build();
  }

  @ParameterizedTest(name = "''{1}'' in ''{0}''")
  @CsvSource(delimiter = '|', value = {
      "There was a fire                | fire",
      "FIRE in the garage              | fire",
      "Fire!                           | fire",
      "(fire) alarm                    | fire",
      "fire                            | fire",
      "Unfall auf der A8               | unfall",
      "Auto-Unfall                     | unfall",
      "Ich will kündigen               | kuendigen",
      "Ich will kuendigen              | kündigen",
      "Die Straße ist gesperrt         | strasse",
      "Die Strasse ist gesperrt        | straße",
      "Grüße aus Köln                  | gruesse",
      "my   car                        | my car",
      "Is my car ready?                | my car",
      "Garage de Genève                | geneve",
      "Wir klagen nicht, aber: Klage!  | klage"
  })
  void matchesPhrasesAsWholeWords(String text, String phrase) {
    assertThat(text(text).mentionsAny(phrase)).isTrue();
  }

  @ParameterizedTest(name = "''{1}'' in ''{0}''")
  @CsvSource(delimiter = '|', value = {
      "Kündigung meines Vertrags       | kündig*",
      "Kündigung meines Vertrags       | kuendig*",
      "ich will kuendigen              | kündig*",
      "KÜNDIGUNG                       | kündig*",
      "Kündigung                       | KÜNDIG*",
      "I was injured                   | injur*",
      "Two injuries                    | injur*",
      "Unfallbericht anbei             | unfall*",
      "Auto-Unfallschaden              | unfall*",
      "A fire                          | fire*",
      "We restore classic cars         | classic car*",
      "We restore a classic car        | classic car*"
  })
  void matchesStarredPhrasesAtWordStarts(String text, String phrase) {
    assertThat(text(text).mentionsAny(phrase)).isTrue();
  }

  @ParameterizedTest(name = "''{1}'' not in ''{0}''")
  @CsvSource(delimiter = '|', value = {
      "We sat at the campfire          | fire",
      "Bonfire night                   | fire",
      "Verkehrsunfall                  | unfall",
      "Nothing urgent here             | emergency",
      "mycar                           | my car",
      "campfire                        | fire*",
      "Verkehrsunfall                  | unfall*",
      "Autounfall                      | unfall*"
  })
  void doesNotMatchInsideWords(String text, String phrase) {
    assertThat(text(text).mentionsAny(phrase)).isFalse();
  }

  @ParameterizedTest(name = "''{1}'' not in ''{0}''")
  @CsvSource(delimiter = '|', value = {
      "Kündigung meines Vertrags       | kündig",
      "Kündigung meines Vertrags       | kuendig",
      "I was injured                   | injur",
      "Unfallbericht                   | unfall",
      "The firewall blocks your site   | fire",
      "Please clean my carpet          | my car",
      "Autohaus in Klagenfurt          | klage",
      "Der Rauchmelder piept           | rauch",
      "We waited in the lobby          | lob",
      "Wann hat Ihr Laden geöffnet?    | aufladen",
      "Ist mein Autohaus geöffnet?     | mein auto",
      "Ladekabels                      | ladekabel",
      "We restore classic cars         | classic car"
  })
  void doesNotMatchTheStartOfALongerWordWithoutAStar(String text, String phrase) {
    assertThat(text(text).mentionsAny(phrase)).isFalse();
  }

  @Test
  void matchesAnyOfSeveralPhrases() {
    assertThat(text("Wir sind liegengeblieben").mentionsAny("accident|panne|liegengeblieben")).isTrue();
    assertThat(text("Wir sind liegengeblieben").mentionsAny("accident|panne")).isFalse();
  }

  @Test
  void matchesAfterAnEarlierOccurrenceInsideAWord() {
    assertThat(text("campfire, then a real fire").mentionsAny("fire")).isTrue();
  }

  @Test
  void searchesTheSubjectToo() {
    Contact contact = Contact.builder(Channel.EMAIL).subject("Beschwerde").text("siehe unten").build();

    assertThat(contact.mentionsAny("beschwer*")).isTrue();
    assertThat(contact.mentionsAny("beschwerde")).isTrue();
    assertThat(contact.mentionsAny("beschwer")).isFalse();
  }

  @Test
  void findsNothingInAContactWithoutText() {
    assertThat(Contact.builder(Channel.VOICE).build().mentionsAny("fire")).isFalse();
    assertThat(text("").mentionsAny("fire")).isFalse();
  }

  @Test
  void ignoresEmptyPhrases() {
    assertThat(text("hello").mentionsAny("||")).isFalse();
    assertThat(text("hello").mentionsAny("|hello|")).isTrue();
  }

  @Test
  void ignoresAStarOnItsOwn() {
    assertThat(text("hello *").mentionsAny("*")).isFalse();
    assertThat(text("hello").mentionsAny("*|hel*")).isTrue();
  }

  @Test
  void foldsUmlautsWrittenAsCombiningMarks() {
    // "Kündigung" with the u and the diaeresis as two code points (Unicode NFD), as some mail clients send it.
    Contact decomposed = text("Ku\u0308ndigung");

    assertThat(decomposed.mentionsAny("kündig*")).isTrue();
    assertThat(decomposed.mentionsAny("kuendig*")).isTrue();
    assertThat(decomposed.mentionsAny("kündigung")).isTrue();
    assertThat(decomposed.mentionsAny("kündig")).as("no star: whole words only").isFalse();
    assertThat(decomposed.getSearchableText().normalised()).isEqualTo("kuendigung");
  }

  @Test
  void foldsUmlautsWrittenAsCombiningMarksInThePhrase() {
    assertThat(text("Kündigung").mentionsAny("ku\u0308ndig*")).isTrue();
    assertThat(text("Ku\u0308ndigung").mentionsAny("ku\u0308ndig*")).isTrue();
    assertThat(text("GRU\u0308SSE AUS ZU\u0308RICH").mentionsAny("zu\u0308rich")).isTrue();
    assertThat(ContactText.normaliseKeyword("Ku\u0308ndig*")).isEqualTo("kuendig*");
  }

  @ParameterizedTest(name = "U+{0}")
  @ValueSource(strings = {"00A0", "202F", "2007"})
  void treatsNonBreakingSpacesAsWhiteSpace(String codePoint) {
    String space = Character.toString(Integer.parseInt(codePoint, 16));

    assertThat(text("Is my" + space + "car ready?").mentionsAny("my car")).isTrue();
    assertThat(text("Is my car ready?").mentionsAny("my" + space + "car")).isTrue();
    assertThat(text("Thank" + space + "you" + space + space + "for").mentionsAny("thank you for")).isTrue();
    assertThat(text(space + "my" + space + "car" + space).getSearchableText().normalised()).isEqualTo("my car");
  }

  @Test
  void normalisesToLowerCaseWithFoldedUmlautsAndCollapsedWhiteSpace() {
    assertThat(text("  Grüße \t aus\n\nMÜNCHEN  ").getSearchableText().normalised())
        .isEqualTo("gruesse aus muenchen");
    assertThat(ContactText.normaliseKeyword("Ladestation Straße")).isEqualTo("ladestation strasse");
  }

  @Test
  void normalisesPlainAsciiTextTheSameWayAsTextWithUmlauts() {
    assertThat(text("  My CAR \t is\r\n\nREADY?  ").getSearchableText().normalised()).isEqualTo("my car is ready?");
    assertThat(text("Ärger: my CAR is READY").getSearchableText().normalised()).isEqualTo("aerger: my car is ready");
    assertThat(ContactText.normaliseKeyword(" Test  Drive* ")).isEqualTo("test drive*");
  }

  @Test
  void matchesPhrasesOnlyAtWordBoundariesAndPrefixesOnlyAtWordStarts() {
    assertThat(text("carpool and car").mentionsAny("car")).isTrue();
    assertThat(text("carpool").mentionsAny("car")).isFalse();
    assertThat(text("scar tissue").mentionsAny("car*")).isFalse();
    assertThat(text("scar, carpool").mentionsAny("car*")).isTrue();
    assertThat(text("ca").mentionsAny("car")).isFalse();
    assertThat(text("a car").mentionsAny("*")).isFalse();
  }

  @Test
  void detectsReferencesWithNonBlankValues() {
    Contact contact = Contact.builder(Channel.EMAIL).reference("vin", "W1").reference("orderId", " ").build();

    assertThat(contact.hasAnyReference("policyNumber|vin")).isTrue();
    assertThat(contact.hasAnyReference("orderId")).isFalse();
    assertThat(contact.hasAnyReference("quoteId|contractId")).isFalse();
  }
}
