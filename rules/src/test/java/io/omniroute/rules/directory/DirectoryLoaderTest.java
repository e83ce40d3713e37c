package io.omniroute.rules.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.omniroute.rules.model.ContactText;
import io.omniroute.rules.model.Channel;
import io.omniroute.rules.model.Contact;
import io.omniroute.rules.model.Level;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DirectoryLoaderTest {
  private static final String COUNTRIES = """
      countries:
        - {code: DE, languages: [de]}
        - {code: AT, languages: [de]}
      """;
  private static final String TOPICS = """
      topics:
        - {id: ev-battery, keywords: [battery, akku]}
      """;

  @TempDir Path dir;

  private Path write(String name, String yaml) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, yaml, StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void loadsTheBundledSample() {
    Directory directory = DirectoryLoader.bundledSample();

    assertThat(directory.countries()).hasSizeGreaterThanOrEqualTo(4);
    assertThat(directory.dealers()).hasSizeGreaterThanOrEqualTo(12);
    assertThat(directory.expertTeams()).hasSizeGreaterThanOrEqualTo(2);
    assertThat(directory.countries()).extracting(Country::code).contains("DE", "AT", "CH", "GB", "FR");
    assertThat(directory.topics()).extracting(Topic::id).contains("ev-battery", "classic-cars");
  }

  @Test
  void listsEveryQueueOfTheBundledSampleWithItsLevel() {
    Directory directory = DirectoryLoader.bundledSample();

    assertThat(directory.queues()).contains(
        entry("central", Level.CENTRAL),
        entry("country:DE", Level.COUNTRY),
        entry("expert:ev-battery", Level.EXPERT),
        entry("dealer:DE-MUC-001", Level.DEALER));
    assertThat(directory.queues()).hasSize(
        1 + directory.countries().size() + directory.expertTeams().size() + directory.dealers().size());
  }

  @Test
  void answersDirectoryQuestionsOnTheBundledSample() {
    Directory directory = DirectoryLoader.bundledSample();

    assertThat(directory.hasCountry("DE")).isTrue();
    assertThat(directory.hasCountry("US")).isFalse();
    assertThat(directory.hasCountry(null)).isFalse();
    assertThat(directory.hasDealer("DE-MUC-001")).isTrue();
    assertThat(directory.hasDealer("DE-MUC-999")).isFalse();
    assertThat(directory.countryOfDealer("CH-GVA-001")).isEqualTo("CH");
    assertThat(directory.countryOfDealer("nope")).isNull();
    assertThat(directory.expertTeamFor("ev-battery", "AT")).isEqualTo("ev-battery");
    assertThat(directory.expertTeamFor("ev-battery", "GB")).isNull();
    assertThat(directory.expertTeamFor("classic-cars", "FR")).isEqualTo("classic-cars");
    assertThat(directory.expertTeamFor("general", "DE")).isNull();
  }

  @Test
  void findsNoExpertTeamForAContactWithoutCountry() {
    Directory directory = DirectoryLoader.bundledSample();

    assertThat(directory.expertTeamFor("classic-cars", null)).isNull();
    assertThat(directory.expertTeamFor("ev-battery", null)).isNull();
  }

  @Test
  void findsTheFirstTopicWithAMatchingKeyword() {
    Directory directory = DirectoryLoader.bundledSample();

    assertThat(directory.topicOf(textOf("Die Ladestation ist defekt"))).isEqualTo("ev-battery");
    assertThat(directory.topicOf(textOf("Restaurierung eines Oldtimers"))).isEqualTo("classic-cars");
    assertThat(directory.topicOf(textOf("Wie viele Firmenwagen?"))).isEqualTo("fleet");
    assertThat(directory.topicOf(textOf("Classic car, but the battery is flat"))).isEqualTo("ev-battery");
    assertThat(directory.topicOf(textOf("I like your ads"))).isEqualTo("general");
  }

  @Test
  void matchesBundledTopicKeywordsAsWholeWordsOrStarredPrefixes() {
    Directory directory = DirectoryLoader.bundledSample();

    assertThat(directory.topicOf(textOf("Ladestationen in Wien?"))).as("ladestation*").isEqualTo("ev-battery");
    assertThat(directory.topicOf(textOf("Akkutausch"))).as("akku*").isEqualTo("ev-battery");
    assertThat(directory.topicOf(textOf("Fuhrparkleiter"))).as("fuhrpark*").isEqualTo("fleet");
    assertThat(directory.topicOf(textOf("Wann hat Ihr Laden geöffnet?"))).isEqualTo("general");
    assertThat(directory.topicOf(textOf("What range of colours?"))).isEqualTo("general");
    assertThat(directory.topicOf(textOf("Vintages of wine"))).as("vintage, no star").isEqualTo("general");
  }

  @Test
  void normalisesTopicKeywordsFromTheFile() throws IOException {
    Path file = write("keywords.yaml", COUNTRIES + """
        topics:
          - {id: contracts, keywords: ['Kündig*', 'Straße', 'charge\u00A0point']}
        """);

    Directory directory = DirectoryLoader.load(file);

    assertThat(directory.topicOf(textOf("KUENDIGUNG"))).isEqualTo("contracts");
    assertThat(directory.topicOf(textOf("Ku\u0308ndigungsfrist"))).isEqualTo("contracts");
    assertThat(directory.topicOf(textOf("Welche Strasse?"))).isEqualTo("contracts");
    assertThat(directory.topicOf(textOf("Strassenverkehr"))).isEqualTo("general");
    assertThat(directory.topicOf(textOf("Where is the charge point?"))).isEqualTo("contracts");
  }

  @Test
  void anExpertTeamWithoutCountriesServesEveryCountryButNoUnknownOne() {
    ExpertTeam everywhere = new ExpertTeam("classic", List.of("classic-cars"), List.of());
    ExpertTeam some = new ExpertTeam("ev", List.of("ev-battery"), List.of("DE", "AT"));

    assertThat(everywhere.covers("FR")).isTrue();
    assertThat(everywhere.covers(null)).isFalse();
    assertThat(some.covers("AT")).isTrue();
    assertThat(some.covers("GB")).isFalse();
    assertThat(some.covers(null)).isFalse();
  }

  private static ContactText textOf(String text) {
    return Contact.builder(Channel.EMAIL).text(text).build().getSearchableText();
  }

  @Test
  void loadsAValidFile() throws IOException {
    Path file = write("ok.yaml", COUNTRIES + """
        dealers:
          - {id: DE-X-1, name: X, country: DE}
        expertTeams:
          - {id: ev, topics: [ev-battery], countries: [AT]}
        """ + TOPICS);

    Directory directory = DirectoryLoader.load(file);

    assertThat(directory.queues()).containsOnlyKeys("central", "country:DE", "country:AT", "expert:ev", "dealer:DE-X-1");
    assertThat(directory.expertTeamFor("ev-battery", "AT")).isEqualTo("ev");
  }

  @Test
  void rejectsADealerInAnUnknownCountry() throws IOException {
    Path file = write("dealer-country.yaml", COUNTRIES + """
        dealers:
          - {id: DE-X-1, name: X, country: DE}
          - {id: IT-ROM-001, name: Roma, country: IT}
        """);

    assertThatThrownBy(() -> DirectoryLoader.load(file))
        .isInstanceOf(DirectoryException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("dealers[1] (IT-ROM-001)")
        .hasMessageContaining("country 'IT' is not listed under countries");
  }

  @Test
  void mapsServiceNumbersToTheirDealerOrCountry() {
    Directory directory = DirectoryLoader.bundledSample();

    assertThat(directory.ownerOfNumber("+498912340000")).contains(new Directory.NumberOwner("DE-MUC-001", "DE"));
    assertThat(directory.ownerOfNumber("+498920000000")).contains(new Directory.NumberOwner(null, "DE"));
    assertThat(directory.ownerOfNumber("+4930999999")).isEmpty();
  }

  @Test
  void rejectsAServiceNumberThatIsNotE164OrListedTwice() throws IOException {
    Path notE164 = write("phone-format.yaml", COUNTRIES + """
        dealers:
          - {id: DE-X-1, name: X, country: DE, phones: ['089 1234']}
        """);
    Path twice = write("phone-twice.yaml", """
        countries:
          - {code: DE, languages: [de], phones: ['+498912340000']}
        dealers:
          - {id: DE-X-1, name: X, country: DE, phones: ['+498912340000']}
        """);

    assertThatThrownBy(() -> DirectoryLoader.load(notE164))
        .isInstanceOf(DirectoryException.class)
        .hasMessageContaining("dealers[0] (DE-X-1)")
        .hasMessageContaining("phones must be E.164 numbers such as +498912345678, got '089 1234'");
    assertThatThrownBy(() -> DirectoryLoader.load(twice))
        .isInstanceOf(DirectoryException.class)
        .hasMessageContaining("phone +498912340000 is listed twice in the directory");
  }

  @Test
  void rejectsADuplicateDealerId() throws IOException {
    Path file = write("dealer-duplicate.yaml", COUNTRIES + """
        dealers:
          - {id: DE-X-1, name: X, country: DE}
          - {id: DE-X-1, name: Y, country: AT}
        """);

    assertThatThrownBy(() -> DirectoryLoader.load(file))
        .isInstanceOf(DirectoryException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("dealers[1] (DE-X-1)")
        .hasMessageContaining("duplicate dealer id 'DE-X-1'");
  }

  @Test
  void rejectsADuplicateCountryCode() throws IOException {
    Path file = write("country-duplicate.yaml", """
        countries:
          - {code: DE}
          - {code: AT}
          - {code: DE}
        """);

    assertThatThrownBy(() -> DirectoryLoader.load(file))
        .isInstanceOf(DirectoryException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("countries[2] (DE)")
        .hasMessageContaining("duplicate country code 'DE'");
  }

  @Test
  void rejectsAnExpertTeamServingAnUnknownTopic() throws IOException {
    Path file = write("team-topic.yaml", COUNTRIES + """
        expertTeams:
          - {id: hydrogen, topics: [fuel-cell], countries: [DE]}
        """ + TOPICS);

    assertThatThrownBy(() -> DirectoryLoader.load(file))
        .isInstanceOf(DirectoryException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("expertTeams[0] (hydrogen)")
        .hasMessageContaining("topic 'fuel-cell' is not listed under topics");
  }

  @Test
  void rejectsAnExpertTeamInAnUnknownCountry() throws IOException {
    Path file = write("team-country.yaml", COUNTRIES + """
        expertTeams:
          - {id: ev, topics: [ev-battery], countries: [DE, NL]}
        """ + TOPICS);

    assertThatThrownBy(() -> DirectoryLoader.load(file))
        .isInstanceOf(DirectoryException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("expertTeams[0] (ev)")
        .hasMessageContaining("country 'NL' is not listed under countries");
  }

  @Test
  void rejectsACountryCodeThatIsNotTwoUpperCaseLetters() throws IOException {
    for (String code : new String[] {"de", "DEU", "D", "D1"}) {
      Path file = write("country-code-" + code + ".yaml", "countries:\n  - {code: " + code + "}\n");

      assertThatThrownBy(() -> DirectoryLoader.load(file))
          .as(code)
          .isInstanceOf(DirectoryException.class)
          .hasMessageContaining(file.toString())
          .hasMessageContaining("countries[0] (" + code + ")")
          .hasMessageContaining("ISO 3166-1 alpha-2")
          .hasMessageContaining("'" + code + "'");
    }
  }

  @Test
  void rejectsAnUnknownTopLevelField() throws IOException {
    Path file = write("unknown-field.yaml", COUNTRIES + """
        partners:
          - {id: P1}
        """);

    assertThatThrownBy(() -> DirectoryLoader.load(file))
        .isInstanceOf(DirectoryException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("unknown field 'partners'")
        .hasMessageContaining("allowed fields are")
        .hasMessageContaining("dealers");
  }

  @Test
  void namesTheTopLevelForAnUnknownTopLevelFieldWithoutALineNumber() throws IOException {
    // Jackson reports unknown fields of the top level at the end of the document, so no line is given.
    Path file = write("unknown-top-level-field.yaml", """
        partners:
          - {id: P1}
        countries:
          - {code: DE}
          - {code: AT}
        """);

    assertThatThrownBy(() -> DirectoryLoader.load(file))
        .isInstanceOf(DirectoryException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("unknown field 'partners' in the top level: allowed fields are [")
        .hasMessageContainingAll("countries", "dealers", "expertTeams", "topics")
        .hasMessageNotContaining("at line");
  }

  @Test
  void rejectsAnUnknownFieldInAnEntryNamingTheEntry() throws IOException {
    Path file = write("unknown-entry-field.yaml", """
        countries:
          - {code: DE, currency: EUR}
        """);

    assertThatThrownBy(() -> DirectoryLoader.load(file))
        .isInstanceOf(DirectoryException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("unknown field 'currency' in countries[0]: allowed fields are [")
        .hasMessageContainingAll("code", "languages")
        .hasMessageNotContaining("at line");
  }

  @Test
  void namesTheIndexOfTheEntryWithAnUnknownField() throws IOException {
    Path file = write("unknown-team-field.yaml", COUNTRIES + """
        expertTeams:
          - {id: ev, topics: [ev-battery]}
          - {id: ev2, topics: [ev-battery], members: 3}
        """ + TOPICS);

    assertThatThrownBy(() -> DirectoryLoader.load(file))
        .isInstanceOf(DirectoryException.class)
        .hasMessageContaining("unknown field 'members' in expertTeams[1]: allowed fields are [")
        .hasMessageContainingAll("id", "topics", "countries");
  }

  @Test
  void rejectsAValueOfTheWrongTypeNamingItsPathAndLine() throws IOException {
    Path file = write("wrong-type.yaml", """
        countries:
          - {code: DE, languages: de}
        """);

    assertThatThrownBy(() -> DirectoryLoader.load(file))
        .isInstanceOf(DirectoryException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("wrong type in countries[0].languages at line 2,");
  }

  @Test
  void rejectsAYamlSyntaxErrorNamingTheLine() throws IOException {
    Path file = write("syntax.yaml", """
        countries:
          - {code: DE, languages: [de]}
          - {code: AT, languages: [de]
        dealers: []
        """);

    assertThatThrownBy(() -> DirectoryLoader.load(file))
        .isInstanceOf(DirectoryException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("invalid YAML")
        .hasMessageMatching("(?s).*line [3-5].*");
  }

  @Test
  void rejectsAnEmptyFile() throws IOException {
    Path file = write("empty.yaml", "");

    assertThatThrownBy(() -> DirectoryLoader.load(file))
        .isInstanceOf(DirectoryException.class)
        .hasMessage("Directory " + file + ": the file is empty; it needs at least one country");
  }

  @ParameterizedTest(name = "[{0}]")
  @ValueSource(strings = {"# nothing here yet\n", "# one\n\n# two\n", "\n\n", "   \n", "---\n", "~\n"})
  void rejectsAFileWithOnlyCommentsOrBlankLinesAsEmpty(String yaml) throws IOException {
    Path file = write("blank.yaml", yaml);

    assertThatThrownBy(() -> DirectoryLoader.load(file))
        .isInstanceOf(DirectoryException.class)
        .hasMessage("Directory " + file + ": the file is empty; it needs at least one country");
  }

  @Test
  void rejectsAFileWithoutCountries() throws IOException {
    Path file = write("no-countries.yaml", TOPICS);

    assertThatThrownBy(() -> DirectoryLoader.load(file))
        .isInstanceOf(DirectoryException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("countries")
        .hasMessageContaining("at least one country");
  }

  @Test
  void rejectsAMissingFile() {
    Path file = dir.resolve("does-not-exist.yaml");

    assertThatThrownBy(() -> DirectoryLoader.load(file))
        .isInstanceOf(DirectoryException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("file not found");
  }

  @Test
  void rejectsADealerWithoutName() throws IOException {
    Path file = write("dealer-name.yaml", COUNTRIES + """
        dealers:
          - {id: DE-X-1, country: DE}
        """);

    assertThatThrownBy(() -> DirectoryLoader.load(file))
        .isInstanceOf(DirectoryException.class)
        .hasMessageContaining("dealers[0] (DE-X-1)")
        .hasMessageContaining("name is required");
  }

  @Test
  void rejectsTheReservedTopicGeneral() throws IOException {
    Path file = write("topic-general.yaml", COUNTRIES + """
        topics:
          - {id: general, keywords: [anything]}
        """);

    assertThatThrownBy(() -> DirectoryLoader.load(file))
        .isInstanceOf(DirectoryException.class)
        .hasMessageContaining("topics[0] (general)")
        .hasMessageContaining("reserved");
  }

  @Test
  void namesTheSourceWhenParsingAStream() {
    ByteArrayInputStream yaml = new ByteArrayInputStream(
        "countries:\n  - {code: DE}\ndealers:\n  - {id: 'bad id!', name: X, country: DE}\n"
            .getBytes(StandardCharsets.UTF_8));

    assertThatThrownBy(() -> DirectoryLoader.parse(yaml, "upload:42"))
        .isInstanceOf(DirectoryException.class)
        .hasMessageContaining("upload:42")
        .hasMessageContaining("dealers[0] (bad id!)")
        .hasMessageContaining("id must be");
  }

  @Test
  void mapsServiceAddressesToTheirDealerOrCountryWhateverTheCase() throws IOException {
    Path file = write("addresses.yaml", """
        countries:
          - {code: DE, languages: [de], emails: [kundenservice@brand.example]}
        dealers:
          - {id: DE-X-1, name: X, country: DE, emails: [service@x.example, Werkstatt@X.example]}
        """);

    Directory directory = DirectoryLoader.load(file);

    assertThat(directory.dealerOfAddress("werkstatt@x.example")).isEqualTo("DE-X-1");
    assertThat(directory.dealerOfAddress(" SERVICE@x.example ")).isEqualTo("DE-X-1");
    assertThat(directory.countryOfAddress("Kundenservice@Brand.example")).isEqualTo("DE");
    assertThat(directory.dealerOfAddress("kundenservice@brand.example")).isNull();
    assertThat(directory.countryOfAddress("nobody@x.example")).isNull();
  }

  @Test
  void theBundledSampleListsServiceAddresses() {
    Directory directory = DirectoryLoader.bundledSample();

    assertThat(directory.dealerOfAddress("service@autohaus-muenchen.example")).isEqualTo("DE-MUC-001");
    assertThat(directory.countryOfAddress("kundenservice@nordwind.example")).isEqualTo("DE");
  }

  @Test
  void rejectsAServiceAddressListedTwice() throws IOException {
    Path file = write("address-twice.yaml", """
        countries:
          - {code: DE, languages: [de], emails: [service@x.example]}
        dealers:
          - {id: DE-X-1, name: X, country: DE, emails: [Service@X.example]}
        """);

    assertThatThrownBy(() -> DirectoryLoader.load(file))
        .isInstanceOf(DirectoryException.class)
        .hasMessageContaining("dealers[0] (DE-X-1)")
        .hasMessageContaining("listed twice");
  }

  @Test
  void rejectsAServiceAddressThatIsNoAddress() throws IOException {
    Path file = write("address-bad.yaml", COUNTRIES + """
        dealers:
          - {id: DE-X-1, name: X, country: DE, emails: [werkstatt]}
        """);

    assertThatThrownBy(() -> DirectoryLoader.load(file))
        .isInstanceOf(DirectoryException.class)
        .hasMessageContaining("emails must be addresses");
  }
}
