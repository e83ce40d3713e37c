package io.omniroute.rules.directory;

import io.omniroute.rules.model.Classification;
import io.omniroute.rules.model.ContactText;
import io.omniroute.rules.model.Keyword;
import io.omniroute.rules.model.KeywordMatcher;
import io.omniroute.rules.model.Level;
import io.omniroute.rules.model.QueueNames;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The organisation: countries, dealers, expert teams and the topics they cover.
 *
 * <p>Immutable and thread-safe once built; the rules read it as the global {@code directory}.
 * Build it with {@link DirectoryLoader}, which validates references between entries.
 */
public final class Directory {
  private final Map<String, Country> countries;
  private final Map<String, Dealer> dealers;
  private final Map<String, ExpertTeam> expertTeams;
  private final List<Topic> topics;
  private final KeywordMatcher topicKeywords;
  private final Map<String, List<ExpertTeam>> teamsByTopic;
  private final Map<String, Level> queues;
  private final Map<String, NumberOwner> numberOwners;
  private final Map<String, String> dealersByAddress;
  private final Map<String, String> countriesByAddress;

  Directory(List<Country> countries, List<Dealer> dealers, List<ExpertTeam> teams, List<Topic> topics) {
    this.countries = index(countries, Country::code);
    this.dealers = index(dealers, Dealer::id);
    this.expertTeams = index(teams, ExpertTeam::id);
    this.topics = List.copyOf(topics);
    this.topicKeywords = KeywordMatcher.ofGroups(
        topics.stream().map(topic -> topic.keywords().stream().map(Keyword::of).toList()).toList());
    Map<String, List<ExpertTeam>> byTopic = new LinkedHashMap<>();
    for (ExpertTeam team : teams) {
      for (String topic : team.topics()) {
        byTopic.computeIfAbsent(topic, t -> new ArrayList<>()).add(team);
      }
    }
    this.teamsByTopic = Collections.unmodifiableMap(byTopic);
    Map<String, Level> queueLevels = new LinkedHashMap<>();
    queueLevels.put(QueueNames.CENTRAL, Level.CENTRAL);
    countries.forEach(c -> queueLevels.put(QueueNames.country(c.code()), Level.COUNTRY));
    teams.forEach(t -> queueLevels.put(QueueNames.expert(t.id()), Level.EXPERT));
    dealers.forEach(d -> queueLevels.put(QueueNames.dealer(d.id()), Level.DEALER));
    this.queues = Collections.unmodifiableMap(queueLevels);
    Map<String, NumberOwner> owners = new LinkedHashMap<>();
    countries.forEach(c -> c.phones().forEach(phone -> owners.put(phone, new NumberOwner(null, c.code()))));
    dealers.forEach(d -> d.phones().forEach(phone -> owners.put(phone, new NumberOwner(d.id(), d.country()))));
    this.numberOwners = Collections.unmodifiableMap(owners);
    Map<String, String> dealerAddresses = new HashMap<>();
    dealers.forEach(d -> d.emails().forEach(address -> dealerAddresses.put(normalAddress(address), d.id())));
    this.dealersByAddress = Collections.unmodifiableMap(dealerAddresses);
    Map<String, String> countryAddresses = new HashMap<>();
    countries.forEach(c -> c.emails().forEach(address -> countryAddresses.put(normalAddress(address), c.code())));
    this.countriesByAddress = Collections.unmodifiableMap(countryAddresses);
  }

  /** An email address as the directory compares it: trimmed, lower case. */
  static String normalAddress(String address) {
    return address.trim().toLowerCase(java.util.Locale.ROOT);
  }

  /** The dealer one of whose service addresses {@code address} is (case does not matter), or {@code null}. */
  public String dealerOfAddress(String address) {
    return address == null ? null : dealersByAddress.get(normalAddress(address));
  }

  /** The country one of whose service addresses {@code address} is (case does not matter), or {@code null}. */
  public String countryOfAddress(String address) {
    return address == null ? null : countriesByAddress.get(normalAddress(address));
  }

  /**
   * Whose service number {@code phone} (E.164) is: a dealer's (with its country) or a country's;
   * empty when the directory does not list it.
   */
  public java.util.Optional<NumberOwner> ownerOfNumber(String phone) {
    return java.util.Optional.ofNullable(phone == null ? null : numberOwners.get(phone));
  }

  /**
   * The dealer or country a service number belongs to.
   *
   * @param dealerId the dealer, or {@code null} for a country's own number
   * @param country the country of the dealer, or the country itself
   */
  public record NumberOwner(String dealerId, String country) {}

  private static <T> Map<String, T> index(List<T> items, java.util.function.Function<T, String> id) {
    Map<String, T> map = new LinkedHashMap<>();
    items.forEach(item -> map.put(id.apply(item), item));
    return Collections.unmodifiableMap(map);
  }

  /**
   * The id of the first topic (in file order) with a keyword the text mentions (whole words, or a
   * word start for keywords ending in {@code *}), else {@code general}.
   */
  public String topicOf(ContactText text) {
    int topic = topicKeywords.firstGroupIn(text);
    return topic == KeywordMatcher.NONE ? Classification.GENERAL_TOPIC : topics.get(topic).id();
  }

  /** The first expert team serving the topic in the country, or {@code null} when none does. */
  public String expertTeamFor(String topic, String countryCode) {
    for (ExpertTeam team : teamsByTopic.getOrDefault(topic, List.of())) {
      if (team.covers(countryCode)) {
        return team.id();
      }
    }
    return null;
  }

  public boolean hasCountry(String code) {
    return code != null && countries.containsKey(code);
  }

  public boolean hasDealer(String id) {
    return id != null && dealers.containsKey(id);
  }

  /** The country of a known dealer, or {@code null}. */
  public String countryOfDealer(String dealerId) {
    Dealer dealer = dealerId == null ? null : dealers.get(dealerId);
    return dealer == null ? null : dealer.country();
  }

  /** Every queue the organisation has, with its level: central, countries, expert teams, dealers. */
  public Map<String, Level> queues() {
    return queues;
  }

  public List<Country> countries() {
    return List.copyOf(countries.values());
  }

  public List<Dealer> dealers() {
    return List.copyOf(dealers.values());
  }

  public List<ExpertTeam> expertTeams() {
    return List.copyOf(expertTeams.values());
  }

  public List<Topic> topics() {
    return topics;
  }
}
