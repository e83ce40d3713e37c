package io.omniroute.loadtest.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.omniroute.rules.RuleSet;
import io.omniroute.rules.directory.Directory;
import io.omniroute.rules.directory.DirectoryLoader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A large organisation for the rule-scale benchmarks: the bundled sample directory plus {@code n}
 * generated dealers, and the default policy plus one dealer-specific rule per generated dealer,
 * as a country organisation would write them.
 *
 * <p>Dealers are spread over DE, AT, CH, GB and FR (9:3:3:5:5). Each generated dealer gets one rule
 * of one of four {@link Kind kinds}, in turn. Every generated rule
 *
 * <ul>
 *   <li>is in the policy's package and, like the default policy's rules, has one pattern on its
 *       working fact: {@code Assessment( dealerId == "...", classified, ... )};
 *   <li>is in the activation group {@code "route"} with salience {@value #SALIENCE}: after the
 *       critical (400) and expert-topic (300) rules, before the generic routing rules (250 and
 *       below), so it overrides them for its dealer;
 *   <li>starts with {@code dealerId == "..."} or {@code ownerDealerId == "..."} against a literal,
 *       so Drools hashes the 1,000 alpha nodes instead of testing them one by one.
 * </ul>
 *
 * Deterministic: the same {@code n} always gives the same text. Thread-safe (immutable).
 */
public final class LargePolicy {
  /** The rule set version the generated policy is compiled as. */
  public static final String VERSION = "bench:dealers-1000";
  /** Salience of every generated rule. */
  public static final int SALIENCE = 260;
  /** The number of dealers and rules of the scenario. */
  public static final int DEFAULT_SIZE = 1_000;

  /** Phrases of the test-drive rules. */
  static final String TEST_DRIVE_PHRASES = "test drive*|test-drive*|testdrive*|probefahrt*|testfahrt*|essai*";
  /** Phrases of the after-sales rules. */
  static final String AFTER_SALES_PHRASES =
      "service|servicing|inspection*|oil change|maintenance|repair*|mot|kundendienst|werkstatt*|inspektion*"
          + "|wartung*|oelwechsel|reparatur*|entretien|revision";
  /** Phrases of the parts rules. */
  static final String PARTS_PHRASES =
      "spare part*|parts|accessor*|winter tyre*|winter tire*|roof box*|ersatzteil*|zubehoer|winterreifen*"
          + "|felge*|dachbox*|pieces detachees|accessoire*";

  /** Countries of the generated dealers, one cycle of 25 (9 DE, 3 AT, 3 CH, 5 GB, 5 FR). */
  private static final String[] COUNTRY_CYCLE = {
    "DE", "GB", "FR", "DE", "AT", "CH", "DE", "GB", "FR", "DE", "AT", "DE", "GB",
    "FR", "CH", "DE", "GB", "FR", "DE", "AT", "CH", "DE", "GB", "FR", "DE"
  };

  /** Towns per country, as (code, name). */
  private static final Map<String, String[][]> TOWNS = Map.of(
      "DE", new String[][] {
        {"KOE", "Koeln"}, {"FRA", "Frankfurt"}, {"DUS", "Duesseldorf"}, {"LEJ", "Leipzig"},
        {"DRS", "Dresden"}, {"HAJ", "Hannover"}, {"NUE", "Nuernberg"}, {"BRE", "Bremen"},
        {"DTM", "Dortmund"}, {"ESS", "Essen"}, {"FRE", "Freiburg"}, {"ROS", "Rostock"}},
      "AT", new String[][] {{"LNZ", "Linz"}, {"SZG", "Salzburg"}, {"INN", "Innsbruck"}, {"KLU", "Klagenfurt"}},
      "CH", new String[][] {{"BSL", "Basel"}, {"BRN", "Bern"}, {"LAU", "Lausanne"}, {"LUZ", "Luzern"}},
      "GB", new String[][] {
        {"BHM", "Birmingham"}, {"LDS", "Leeds"}, {"GLA", "Glasgow"}, {"BRS", "Bristol"},
        {"LIV", "Liverpool"}, {"CDF", "Cardiff"}},
      "FR", new String[][] {
        {"MRS", "Marseille"}, {"TLS", "Toulouse"}, {"NCE", "Nice"}, {"NTE", "Nantes"},
        {"BOD", "Bordeaux"}, {"LIL", "Lille"}});

  /** What a generated dealer's rule does. */
  public enum Kind {
    /**
     * Contacts naming the dealer about a test drive, with a quote: to the dealer, at HIGH urgency
     * (a hot sales lead), whatever the knowledge.
     */
    TEST_DRIVE,
    /** Contacts naming the dealer about service or repairs: to its service centre (another dealer). */
    AFTER_SALES,
    /**
     * The dealer was taken over: specification contacts of customers it owns go to the successor
     * (another dealer) instead of to the former owner.
     */
    TAKEOVER,
    /** Contacts naming the dealer about parts and accessories stay with the dealer, even general questions. */
    PARTS
  }

  /**
   * One generated dealer and its rule.
   *
   * @param partnerId the service centre ({@link Kind#AFTER_SALES}) or successor ({@link
   *     Kind#TAKEOVER}) in the same country, else {@code null}
   * @param ruleName the name of the dealer's rule, as it appears in a decision's trace
   */
  public record GeneratedDealer(
      int number, String id, String name, String country, Kind kind, String partnerId, String ruleName) {

    /** The dealer this dealer's rule routes to: its partner, else itself. */
    public String targetDealerId() {
      return partnerId == null ? id : partnerId;
    }

    /** The queue this dealer's rule routes to. */
    public String targetQueue() {
      return "dealer:" + targetDealerId();
    }
  }

  private final List<GeneratedDealer> dealers;
  private final String directoryYaml;
  private final String drl;

  private LargePolicy(int size) {
    if (size < 1 || size % COUNTRY_CYCLE.length != 0 || size > 9_999) {
      throw new IllegalArgumentException(
          "size must be a multiple of " + COUNTRY_CYCLE.length + " between 25 and 9975, is " + size);
    }
    this.dealers = generateDealers(size);
    this.directoryYaml = buildDirectoryYaml(dealers);
    this.drl = buildDrl(dealers);
  }

  /** The scenario: 1,000 dealers and 1,000 dealer rules. */
  public static LargePolicy generate() {
    return generate(DEFAULT_SIZE);
  }

  /** {@code size} generated dealers and rules; {@code size} must be a multiple of 25. */
  public static LargePolicy generate(int size) {
    return new LargePolicy(size);
  }

  /** The generated dealers, in file order. */
  public List<GeneratedDealer> dealers() {
    return dealers;
  }

  /** The first generated dealer of a kind in a country, at or after position {@code from}. */
  public GeneratedDealer find(Kind kind, String country, int from) {
    for (int i = from; i < dealers.size(); i++) {
      GeneratedDealer dealer = dealers.get(i);
      if (dealer.kind() == kind && dealer.country().equals(country)) {
        return dealer;
      }
    }
    throw new IllegalArgumentException("no " + kind + " dealer in " + country + " from position " + from);
  }

  /** Directory YAML: the bundled sample's countries, dealers, expert teams and topics, plus the generated dealers. */
  public String directoryYaml() {
    return directoryYaml;
  }

  /** The default policy text followed by one rule per generated dealer. */
  public String drl() {
    return drl;
  }

  /** Parses {@link #directoryYaml()}. */
  public Directory directory() {
    return DirectoryLoader.parse(
        new ByteArrayInputStream(directoryYaml.getBytes(StandardCharsets.UTF_8)), "generated:" + dealers.size() + "-dealers");
  }

  /** Compiles {@link #drl()} as {@link #VERSION}. */
  public RuleSet compile() {
    return RuleSet.compile(VERSION, drl);
  }

  private static List<GeneratedDealer> generateDealers(int size) {
    Map<String, Integer> perCountry = new LinkedHashMap<>();
    List<String[]> base = new ArrayList<>(size);
    for (int number = 1; number <= size; number++) {
      String country = COUNTRY_CYCLE[(number - 1) % COUNTRY_CYCLE.length];
      int nth = perCountry.merge(country, 1, Integer::sum);
      String[][] towns = TOWNS.get(country);
      String[] town = towns[(nth - 1) % towns.length];
      String id = String.format(Locale.ROOT, "%s-%s-%04d", country, town[0], number);
      String name = switch (country) {
        case "DE", "AT" -> "Autohaus " + town[1] + " " + nth;
        case "CH" -> "Garage " + town[1] + " " + nth;
        default -> "Nordwind " + town[1] + " " + nth;
      };
      base.add(new String[] {id, name, country});
    }
    List<GeneratedDealer> result = new ArrayList<>(size);
    Kind[] kinds = Kind.values();
    for (int i = 0; i < size; i++) {
      String id = base.get(i)[0];
      Kind kind = kinds[i % kinds.length];
      // The partner is one country cycle further on (wrapping), so it is always in the same country.
      String partner = base.get((i + COUNTRY_CYCLE.length) % size)[0];
      String partnerId = kind == Kind.AFTER_SALES || kind == Kind.TAKEOVER ? partner : null;
      String ruleName = switch (kind) {
        case TEST_DRIVE -> "Dealer " + id + ": test drive with a quote to the dealer, high priority";
        case AFTER_SALES -> "Dealer " + id + ": after-sales to its service centre " + partnerId;
        case TAKEOVER -> "Dealer " + id + ": taken over, its customers' specification contacts to " + partnerId;
        case PARTS -> "Dealer " + id + ": parts and accessories stay with the dealer";
      };
      result.add(new GeneratedDealer(i + 1, id, base.get(i)[1], base.get(i)[2], kind, partnerId, ruleName));
    }
    return List.copyOf(result);
  }

  @SuppressWarnings("unchecked")
  private static String buildDirectoryYaml(List<GeneratedDealer> generated) {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    Map<String, Object> sample;
    try (InputStream in = LargePolicy.class.getClassLoader().getResourceAsStream(DirectoryLoader.BUNDLED_SAMPLE)) {
      if (in == null) {
        throw new IllegalStateException(DirectoryLoader.BUNDLED_SAMPLE + " is missing from the class path");
      }
      sample = yaml.readValue(in, LinkedHashMap.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Object> allDealers = new ArrayList<>((List<Object>) sample.getOrDefault("dealers", List.of()));
    for (GeneratedDealer dealer : generated) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("id", dealer.id());
      entry.put("name", dealer.name());
      entry.put("country", dealer.country());
      allDealers.add(entry);
    }
    Map<String, Object> out = new LinkedHashMap<>(sample);
    out.put("dealers", allDealers);
    try {
      return "# Generated by " + LargePolicy.class.getName() + ": the bundled sample plus "
          + generated.size() + " dealers.\n" + yaml.writeValueAsString(out);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String buildDrl(List<GeneratedDealer> generated) {
    StringBuilder drl = new StringBuilder(RuleSet.defaultPolicyText().length() + generated.size() * 420);
    drl.append(RuleSet.defaultPolicyText());
    drl.append("\n\n// ---------------------------------------------------------------- dealer rules (generated)\n");
    drl.append("// One rule per dealer, salience ").append(SALIENCE)
        .append(": after critical (400) and expert topics (300), before the generic routing rules.\n");
    for (GeneratedDealer dealer : generated) {
      drl.append('\n').append(rule(dealer));
    }
    return drl.toString();
  }

  /** The DRL of one dealer's rule. */
  static String rule(GeneratedDealer d) {
    String id = d.id();
    String condition = switch (d.kind()) {
      case TEST_DRIVE -> "dealerId == \"%s\", classified, mentionsAny(\"%s\"), hasAnyReference(\"quoteId\")"
          .formatted(id, TEST_DRIVE_PHRASES);
      case AFTER_SALES -> "dealerId == \"%s\", classified, mentionsAny(\"%s\")".formatted(id, AFTER_SALES_PHRASES);
      case TAKEOVER -> "ownerDealerId == \"%s\", classified, knowledge == Knowledge.SPECIFICATION".formatted(id);
      case PARTS -> "dealerId == \"%s\", classified, mentionsAny(\"%s\")".formatted(id, PARTS_PHRASES);
    };
    String raiseUrgency = d.kind() == Kind.TEST_DRIVE ? "  $a.setUrgency( Urgency.HIGH );\n" : "";
    return """
        rule "%s"
          activation-group "route" salience %d
        when
          $a : Assessment( %s )
        then
        %s  $a.routeDealer( "%s" );
        end
        """.formatted(d.ruleName(), SALIENCE, condition, raiseUrgency, d.targetDealerId());
  }
}
