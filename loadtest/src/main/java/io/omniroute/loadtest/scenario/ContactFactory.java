package io.omniroute.loadtest.scenario;

import io.omniroute.rules.directory.Country;
import io.omniroute.rules.directory.Dealer;
import io.omniroute.rules.directory.Directory;
import io.omniroute.rules.directory.Topic;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Builds the JSON body of {@code POST /v1/contacts} for the engine's schema from a scenario and
 * the directory in use: channel, language, knowledge, urgency and topic are drawn from the
 * scenario's weights; country, dealer, phone number and topic keywords come from the directory.
 *
 * <p>Immutable after construction and thread-safe; the random source passed to {@link #next}
 * belongs to the caller.
 */
public final class ContactFactory {
  private static final String VIN_CHARS = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";
  private static final List<String> NETWORKS = List.of("x", "facebook", "instagram");
  private static final Map<String, String> EMAIL_DOMAINS = Map.of(
      "DE", "example.de", "AT", "example.at", "CH", "example.ch", "GB", "example.co.uk", "FR", "example.fr");

  private final Scenario scenario;
  private final Weighted<String> channels;
  private final Weighted<String> languages;
  private final Weighted<String> knowledge;
  private final Weighted<String> urgency;
  private final Weighted<String> countries;
  private final Weighted<String> references;
  private final Map<String, List<String>> dealersByCountry = new LinkedHashMap<>();
  private final List<String> topicKeywords = new ArrayList<>();
  private final Map<String, Phrases> phrases = new LinkedHashMap<>();
  private final List<String> warnings = new ArrayList<>();

  public ContactFactory(Scenario scenario, Directory directory) {
    this.scenario = scenario;
    this.channels = Weighted.of(scenario.channels());
    this.languages = Weighted.of(scenario.languages());
    this.knowledge = Weighted.of(scenario.knowledge());
    this.urgency = Weighted.of(scenario.urgency());
    this.references = Weighted.of(scenario.references());
    this.countries = countryWeights(scenario, directory);
    for (Dealer dealer : directory.dealers()) {
      dealersByCountry.computeIfAbsent(dealer.country(), c -> new ArrayList<>()).add(dealer.id());
    }
    for (Topic topic : directory.topics()) {
      for (String keyword : topic.keywords()) {
        String plain = keyword.endsWith("*") ? keyword.substring(0, keyword.length() - 1) : keyword;
        if (!plain.isBlank()) {
          topicKeywords.add(plain.trim());
        }
      }
    }
    languages.items().forEach(language -> phrases.put(language, Phrases.of(language)));
  }

  private Weighted<String> countryWeights(Scenario scenario, Directory directory) {
    List<String> known = directory.countries().stream().map(Country::code).toList();
    if (known.isEmpty()) {
      throw new IllegalArgumentException("the directory has no countries");
    }
    if (scenario.countries() == null) {
      return Weighted.uniform(known);
    }
    Map<String, Double> usable = new LinkedHashMap<>();
    scenario.countries().forEach((code, weight) -> {
      if (known.contains(code)) {
        usable.put(code, weight);
      } else {
        warnings.add("scenario country " + code + " is not in the directory: left out");
      }
    });
    if (usable.values().stream().noneMatch(w -> w > 0)) {
      warnings.add("no scenario country is in the directory: using all directory countries " + known + " equally");
      return Weighted.uniform(known);
    }
    return Weighted.of(usable);
  }

  /**
   * What did not fit the directory (scenario countries it does not have), for the user to see.
   */
  public List<String> warnings() {
    return List.copyOf(warnings);
  }

  /** The next contact body. */
  public JsonObject next(SplittableRandom random) {
    String channel = channels.pick(random);
    String language = languages.pick(random);
    String kind = knowledge.pick(random);
    String level = urgency.pick(random);
    String country = countries.pick(random);
    Phrases words = phrases.get(language);

    JsonObject body = new JsonObject().put("channel", channel).put("language", language);
    body.put("from", from(channel, country, words, random));
    if (chance(scenario.customerIdShare(), random)) {
      body.put("customerId", "C-" + digits(9, random));
    }
    if (chance(scenario.countryFieldShare(), random)) {
      body.put("country", country);
    }
    List<String> dealers = dealersByCountry.get(country);
    if (dealers != null && chance(scenario.dealerIdShare(), random)) {
      body.put("dealerId", dealers.get(random.nextInt(dealers.size())));
    }
    if (channel.equals("email")) {
      body.put("subject", words.subject(random));
    }
    body.put("text", text(words, kind, level, random));
    if (kind.equals("specification") && chance(scenario.referenceShare(), random)) {
      String name = references.pick(random);
      body.put("references", new JsonObject().put(name, reference(name, random)));
    }
    if (channel.equals("social")) {
      body.put("public", random.nextInt(10) < 3);
    }
    body.put("attributes", new JsonObject().put("source", "omniroute-load"));
    return body;
  }

  private JsonObject from(String channel, String country, Phrases words, SplittableRandom random) {
    JsonObject from = new JsonObject();
    String name = words.name(random);
    switch (channel) {
      case "voice", "sms" -> {
        String phone = PhoneNumbers.mobile(country, random);
        if (phone != null) {
          from.put("phone", phone);
        }
      }
      case "email", "chat" -> from.put("email", name + "." + digits(4, random) + "@"
          + EMAIL_DOMAINS.getOrDefault(country, "example.com"));
      case "social" -> from.put("handle", "@" + name + digits(4, random)).put("network", NETWORKS.get(random.nextInt(NETWORKS.size())));
      default -> throw new IllegalStateException(channel);
    }
    return from;
  }

  private String text(Phrases words, String kind, String level, SplittableRandom random) {
    StringBuilder text = new StringBuilder(words.greeting(random));
    String urgent = words.urgency(level, random);
    if (urgent != null) {
      text.append(' ').append(urgent);
    }
    text.append(' ').append(words.question(kind, random));
    if (!topicKeywords.isEmpty() && chance(scenario.topicShare(), random)) {
      text.append(' ').append(words.topic(topicKeywords.get(random.nextInt(topicKeywords.size())), random));
    }
    return text.toString();
  }

  private static String reference(String name, SplittableRandom random) {
    return switch (name) {
      case "vin" -> {
        StringBuilder vin = new StringBuilder("WNW");
        for (int i = 0; i < 14; i++) {
          vin.append(VIN_CHARS.charAt(random.nextInt(VIN_CHARS.length())));
        }
        yield vin.toString();
      }
      case "orderId" -> "ORD-" + digits(7, random);
      case "quoteId" -> "Q-" + digits(6, random);
      case "appointmentId" -> "APT-" + digits(6, random);
      case "contractId" -> "C-" + digits(8, random);
      case "policyNumber" -> "POL-" + digits(8, random);
      default -> name.toUpperCase(Locale.ROOT) + "-" + digits(6, random);
    };
  }

  private static boolean chance(double share, SplittableRandom random) {
    return share > 0 && random.nextDouble() < share;
  }

  private static String digits(int count, SplittableRandom random) {
    char[] out = new char[count];
    for (int i = 0; i < count; i++) {
      out[i] = (char) ('0' + random.nextInt(10));
    }
    return new String(out);
  }
}
