package io.omniroute.loadtest.scenario;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The traffic mix the load generator sends, read from a scenario YAML file (see
 * {@code loadtest/scenarios/realistic.yaml} and {@code loadtest/README.md} for every field).
 *
 * <p>Maps are weights: they need not add up to 1, they are normalised. Fields ending in
 * {@code Share} are probabilities between 0 and 1. Immutable and thread-safe.
 *
 * @param name a label for reports
 * @param claimShare fraction of operations that are claims instead of new contacts
 * @param channels weights per channel: voice, email, chat, social, sms
 * @param languages weights per language of the text: en, de
 * @param knowledge weights of scheme (general questions) and specification (a concrete object)
 * @param urgency weights of critical, high, normal and low texts
 * @param topicShare fraction of contacts that mention an expert topic keyword from the directory
 * @param customerIdShare fraction of contacts that carry a customerId
 * @param dealerIdShare fraction of contacts that name a dealer of their country
 * @param referenceShare fraction of specification contacts that carry an object reference
 * @param countryFieldShare fraction of contacts that carry an explicit country field
 * @param countries weights per country code; {@code null} means every directory country equally
 * @param references weights per reference name used by specification contacts
 * @param claimQueues weights per queue level a claim goes to: central, country, expert, dealer
 */
public record Scenario(
    String name,
    double claimShare,
    Map<String, Double> channels,
    Map<String, Double> languages,
    Map<String, Double> knowledge,
    Map<String, Double> urgency,
    double topicShare,
    double customerIdShare,
    double dealerIdShare,
    double referenceShare,
    double countryFieldShare,
    Map<String, Double> countries,
    Map<String, Double> references,
    Map<String, Double> claimQueues) {

  public static final Set<String> CHANNELS = Set.of("voice", "email", "chat", "social", "sms");
  public static final Set<String> LANGUAGES = Phrases.LANGUAGES;
  public static final Set<String> KNOWLEDGE = Set.of("scheme", "specification");
  public static final Set<String> URGENCY = Set.of("critical", "high", "normal", "low");
  public static final Set<String> QUEUE_LEVELS = Set.of("central", "country", "expert", "dealer");
  /** The reference names the default policy treats as a concrete object (SPECIFICATION). */
  public static final Set<String> OBJECT_REFERENCES =
      Set.of("vin", "policyNumber", "contractId", "orderId", "quoteId", "appointmentId");

  public Scenario {
    name = name == null || name.isBlank() ? "unnamed" : name;
    share("claimShare", claimShare);
    share("topicShare", topicShare);
    share("customerIdShare", customerIdShare);
    share("dealerIdShare", dealerIdShare);
    share("referenceShare", referenceShare);
    share("countryFieldShare", countryFieldShare);
    channels = weights("channels", channels, CHANNELS);
    languages = weights("languages", languages, LANGUAGES);
    knowledge = weights("knowledge", knowledge, KNOWLEDGE);
    urgency = weights("urgency", urgency, URGENCY);
    countries = countries == null ? null : weights("countries", countries, null);
    references = references == null
        ? ordered("vin", 0.5, "orderId", 0.2, "quoteId", 0.15, "appointmentId", 0.15)
        : weights("references", references, OBJECT_REFERENCES);
    claimQueues = claimQueues == null
        ? ordered("central", 0.1, "country", 0.5, "expert", 0.05, "dealer", 0.35)
        : weights("claimQueues", claimQueues, QUEUE_LEVELS);
  }

  /** The same scenario with another claim share (the {@code --claim-share} option). */
  public Scenario withClaimShare(double newClaimShare) {
    return new Scenario(name, newClaimShare, channels, languages, knowledge, urgency, topicShare, customerIdShare,
        dealerIdShare, referenceShare, countryFieldShare, countries, references, claimQueues);
  }

  /** Weights in a fixed order, so that a seed gives the same traffic in every JVM. */
  private static Map<String, Double> ordered(Object... keysAndWeights) {
    Map<String, Double> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndWeights.length; i += 2) {
      map.put((String) keysAndWeights[i], (Double) keysAndWeights[i + 1]);
    }
    return Collections.unmodifiableMap(map);
  }

  private static void share(String field, double value) {
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(field + " must be between 0 and 1, got " + value);
    }
  }

  private static Map<String, Double> weights(String field, Map<String, Double> map, Set<String> allowed) {
    if (map == null || map.isEmpty()) {
      throw new IllegalArgumentException(field + " is missing: give at least one weight");
    }
    double sum = 0;
    for (Map.Entry<String, Double> e : map.entrySet()) {
      if (allowed != null && !allowed.contains(e.getKey())) {
        throw new IllegalArgumentException(field + ": unknown key '" + e.getKey() + "', allowed: " + allowed);
      }
      Double w = e.getValue();
      if (w == null || !(w >= 0) || w.isInfinite()) {
        throw new IllegalArgumentException(field + "." + e.getKey() + " must be a weight of 0 or more, got " + w);
      }
      sum += w;
    }
    if (sum <= 0) {
      throw new IllegalArgumentException(field + ": the weights add up to 0");
    }
    return Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }
}
