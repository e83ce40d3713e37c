package io.omniroute.loadtest.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.omniroute.engine.contact.ContactRequests;
import io.omniroute.rules.Decision;
import io.omniroute.rules.RuleSet;
import io.omniroute.rules.ServiceLevels;
import io.omniroute.rules.directory.ContactResolver;
import io.omniroute.rules.directory.Country;
import io.omniroute.rules.directory.Dealer;
import io.omniroute.rules.directory.Directory;
import io.omniroute.rules.directory.DirectoryLoader;
import io.omniroute.rules.model.Knowledge;
import io.omniroute.rules.model.Urgency;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Traffic from the bundled scenario and sample directory: the shares match the scenario, every
 * contact has its own key, and every body fits the engine's schema and the directory.
 */
class TrafficGeneratorTest {
  private static final int OPERATIONS = 10_000;
  private static final double TOLERANCE = 0.02;
  // the engine's OpenAPI patterns (engine/src/main/resources/openapi.yaml, ContactRequest)
  private static final Pattern E164 = Pattern.compile("^\\+[1-9][0-9]{6,14}$");
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+$");
  private static final Pattern COUNTRY = Pattern.compile("^[A-Z]{2}$");
  private static final Pattern LANGUAGE = Pattern.compile("^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$");
  private static final Set<String> TOP_LEVEL = Set.of("channel", "from", "customerId", "country", "dealerId", "language",
      "subject", "text", "references", "public", "attributes");
  private static final Set<String> FROM = Set.of("phone", "email", "handle", "network");

  static Scenario scenario;
  static Directory directory;
  static List<Operation> operations;
  static List<JsonObject> contacts;

  @BeforeAll
  static void generate() {
    scenario = ScenarioLoader.bundledRealistic();
    directory = DirectoryLoader.bundledSample();
    TrafficGenerator traffic = new TrafficGenerator(scenario, directory, 42L, "test");
    operations = new ArrayList<>();
    contacts = new ArrayList<>();
    for (int i = 0; i < OPERATIONS; i++) {
      Operation op = traffic.next();
      operations.add(op);
      if (op.kind() == Operation.Kind.CONTACT) {
        contacts.add(op.body().toJsonObject());
      }
    }
  }

  @Test
  void claimShareMatchesTheScenario() {
    long claims = operations.stream().filter(op -> op.kind() == Operation.Kind.CLAIM).count();
    assertThat(claims / (double) OPERATIONS).isCloseTo(scenario.claimShare(), within(TOLERANCE));
  }

  @Test
  void channelLanguageAndCountrySharesMatchTheScenario() {
    assertShares(share(contacts, body -> body.getString("channel")), scenario.channels());
    assertShares(share(contacts, body -> body.getString("language")), scenario.languages());
    List<JsonObject> withCountry = contacts.stream().filter(body -> body.containsKey("country")).toList();
    assertShares(share(withCountry, body -> body.getString("country")), scenario.countries());
  }

  @Test
  void optionalFieldSharesMatchTheScenario() {
    assertThat(fraction(contacts, body -> body.containsKey("customerId"))).isCloseTo(scenario.customerIdShare(), within(TOLERANCE));
    assertThat(fraction(contacts, body -> body.containsKey("dealerId"))).isCloseTo(scenario.dealerIdShare(), within(TOLERANCE));
    assertThat(fraction(contacts, body -> body.containsKey("country"))).isCloseTo(scenario.countryFieldShare(), within(TOLERANCE));
    double specification = normalised(scenario.knowledge()).get("specification");
    assertThat(fraction(contacts, body -> body.containsKey("references")))
        .isCloseTo(specification * scenario.referenceShare(), within(TOLERANCE));
  }

  @Test
  void everyContactHasItsOwnIdempotencyKeyAndClaimsHaveNone() {
    Set<String> keys = new HashSet<>();
    for (Operation op : operations) {
      if (op.kind() == Operation.Kind.CONTACT) {
        assertThat(op.path()).isEqualTo("/v1/contacts");
        assertThat(op.idempotencyKey()).startsWith("test-");
        assertThat(keys.add(op.idempotencyKey())).as("unique key %s", op.idempotencyKey()).isTrue();
      } else {
        assertThat(op.idempotencyKey()).isNull();
      }
    }
    assertThat(keys).hasSize(contacts.size());
  }

  @Test
  void bodiesFitTheEngineSchemaAndTheDirectory() {
    Set<String> countries = directory.countries().stream().map(Country::code).collect(Collectors.toSet());
    Map<String, String> dealerCountry = directory.dealers().stream().collect(Collectors.toMap(Dealer::id, Dealer::country));
    for (JsonObject body : contacts) {
      assertThat(TOP_LEVEL).containsAll(body.fieldNames());
      assertThat(Scenario.CHANNELS).contains(body.getString("channel"));
      assertThat(body.getString("language")).matches(LANGUAGE);
      assertThat(body.getString("text")).isNotBlank().hasSizeLessThan(60_000);
      JsonObject from = body.getJsonObject("from");
      assertThat(FROM).containsAll(from.fieldNames());
      String phone = from.getString("phone");
      if (phone != null) {
        assertThat(phone).matches(E164);
        // the engine derives the country from the number: it must be a directory country
        String region = ContactResolver.regionOfPhone(phone);
        assertThat(countries).as("region of %s", phone).contains(region);
        if (body.containsKey("country")) {
          assertThat(region).isEqualTo(body.getString("country"));
        }
      }
      if (from.containsKey("email")) {
        assertThat(from.getString("email")).matches(EMAIL).hasSizeLessThanOrEqualTo(254);
      }
      String channel = body.getString("channel");
      if (channel.equals("voice") || channel.equals("sms")) {
        assertThat(phone).as("a %s contact has a phone number", channel).isNotNull();
      }
      if (channel.equals("social")) {
        assertThat(from.getString("handle")).isNotBlank();
        assertThat(from.getString("network")).isNotBlank();
        assertThat(body.getValue("public")).isInstanceOf(Boolean.class);
      } else {
        assertThat(body.containsKey("public")).isFalse();
      }
      assertThat(body.containsKey("subject")).isEqualTo(channel.equals("email"));
      if (body.containsKey("country")) {
        assertThat(body.getString("country")).matches(COUNTRY);
        assertThat(countries).contains(body.getString("country"));
      }
      if (body.containsKey("dealerId")) {
        String dealer = body.getString("dealerId");
        assertThat(dealerCountry).containsKey(dealer);
        if (body.containsKey("country")) {
          assertThat(dealerCountry.get(dealer)).isEqualTo(body.getString("country"));
        }
      }
      if (body.containsKey("customerId")) {
        assertThat(body.getString("customerId")).isNotEmpty().hasSizeLessThanOrEqualTo(128);
      }
      if (body.containsKey("references")) {
        JsonObject references = body.getJsonObject("references");
        assertThat(Scenario.OBJECT_REFERENCES).containsAll(references.fieldNames());
        references.forEach(e -> assertThat((String) e.getValue()).isNotEmpty().hasSizeLessThanOrEqualTo(500));
      }
    }
  }

  @Test
  void claimsGoToQueuesOfTheDirectoryInTheScenarioShares() {
    Map<String, Long> levels = new HashMap<>();
    for (Operation op : operations) {
      if (op.kind() == Operation.Kind.CLAIM) {
        String queue = op.path().substring("/v1/queues/".length(), op.path().length() - "/claim".length());
        assertThat(directory.queues()).containsKey(queue);
        assertThat(op.body().toJsonObject().getString("agent")).startsWith("agent-");
        levels.merge(directory.queues().get(queue).name().toLowerCase(), 1L, Long::sum);
      }
    }
    long claims = levels.values().stream().mapToLong(Long::longValue).sum();
    Map<String, Double> shares = new HashMap<>();
    levels.forEach((level, n) -> shares.put(level, n / (double) claims));
    // about 3,000 claims: a wider tolerance than for the 7,000 contacts
    assertShares(shares, scenario.claimQueues(), 0.03);
  }

  @Test
  void theSameSeedGivesTheSameTrafficAndAnotherSeedOther() {
    TrafficGenerator again = new TrafficGenerator(scenario, directory, 42L, "again");
    TrafficGenerator other = new TrafficGenerator(scenario, directory, 43L, "other");
    int differences = 0;
    for (int i = 0; i < 100; i++) {
      Operation expected = operations.get(i);
      Operation repeated = again.next();
      assertThat(repeated.path()).isEqualTo(expected.path());
      assertThat(repeated.body().toString()).isEqualTo(expected.body().toString());
      if (!other.next().body().toString().equals(expected.body().toString())) {
        differences++;
      }
    }
    assertThat(differences).isGreaterThan(90);
  }

  /**
   * The texts are classified by the engine's default policy as the scenario intends: knowledge and
   * urgency shares (low never for voice, as the policy says), and topics reach expert teams.
   */
  @Test
  void theDefaultPolicyClassifiesTheTextsAsIntended() {
    RuleSet rules = RuleSet.defaultPolicy();
    ContactResolver resolver = new ContactResolver(directory);
    List<JsonObject> sample = contacts.subList(0, 3_000);
    Map<Knowledge, Integer> knowledge = new HashMap<>();
    Map<Urgency, Integer> urgency = new HashMap<>();
    int experts = 0;
    for (JsonObject body : sample) {
      Decision decision = rules.decide(resolver.resolve(ContactRequests.toContact(body)), directory, ServiceLevels.defaults());
      assertThat(decision.fallback()).isFalse();
      knowledge.merge(decision.classification().knowledge(), 1, Integer::sum);
      urgency.merge(decision.classification().urgency(), 1, Integer::sum);
      if (decision.route().queue().startsWith("expert:")) {
        experts++;
      }
    }
    double n = sample.size();
    double tolerance = 0.03;
    Map<String, Double> intended = normalised(scenario.urgency());
    double voice = normalised(scenario.channels()).get("voice");
    assertThat(knowledge.getOrDefault(Knowledge.SPECIFICATION, 0) / n)
        .isCloseTo(normalised(scenario.knowledge()).get("specification"), within(tolerance));
    assertThat(urgency.getOrDefault(Urgency.CRITICAL, 0) / n).isCloseTo(intended.get("critical"), within(tolerance));
    assertThat(urgency.getOrDefault(Urgency.HIGH, 0) / n).isCloseTo(intended.get("high"), within(tolerance));
    assertThat(urgency.getOrDefault(Urgency.LOW, 0) / n).isCloseTo(intended.get("low") * (1 - voice), within(tolerance));
    assertThat(urgency.getOrDefault(Urgency.NORMAL, 0) / n)
        .isCloseTo(intended.get("normal") + intended.get("low") * voice, within(tolerance));
    assertThat(experts).isPositive();
  }

  private interface Field {
    String of(JsonObject body);
  }

  private interface Check {
    boolean test(JsonObject body);
  }

  private static Map<String, Double> share(List<JsonObject> bodies, Field field) {
    Map<String, Double> counts = new HashMap<>();
    for (JsonObject body : bodies) {
      counts.merge(field.of(body), 1.0, Double::sum);
    }
    counts.replaceAll((k, v) -> v / bodies.size());
    return counts;
  }

  private static double fraction(List<JsonObject> bodies, Check check) {
    return bodies.stream().filter(check::test).count() / (double) bodies.size();
  }

  private static Map<String, Double> normalised(Map<String, Double> weights) {
    double sum = weights.values().stream().mapToDouble(Double::doubleValue).sum();
    Map<String, Double> shares = new HashMap<>();
    weights.forEach((k, w) -> shares.put(k, w / sum));
    return shares;
  }

  private static void assertShares(Map<String, Double> actual, Map<String, Double> weights) {
    assertShares(actual, weights, TOLERANCE);
  }

  private static void assertShares(Map<String, Double> actual, Map<String, Double> weights, double tolerance) {
    Map<String, Double> expected = normalised(weights);
    assertThat(expected.keySet()).containsAll(actual.keySet());
    expected.forEach((key, share) ->
        assertThat(actual.getOrDefault(key, 0.0)).as("share of %s", key).isCloseTo(share, within(tolerance)));
  }
}
