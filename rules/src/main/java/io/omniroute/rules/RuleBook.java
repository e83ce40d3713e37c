package io.omniroute.rules;

import io.omniroute.rules.directory.Directory;
import io.omniroute.rules.model.Classification;
import io.omniroute.rules.model.Contact;
import io.omniroute.rules.model.Knowledge;
import io.omniroute.rules.model.QueueNames;
import io.omniroute.rules.model.Route;
import io.omniroute.rules.model.Urgency;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The rules in force: the active {@code global} rule set and the active rule set of each country
 * scope ({@code DE}, {@code AT}, ...). Immutable; {@link #with} answers a new book, so the engine
 * swaps a whole book atomically and every decision runs entirely on one book.
 *
 * <p>Evaluation order of one decision:
 * <ol>
 *   <li>The global rules classify and route the contact.
 *   <li>If a global rule locked the route ({@link Assessment#lockRoute()}, the default policy does
 *       so for {@code CRITICAL} contacts, which go to the central desk), the decision is final.
 *   <li>Otherwise, when the contact's country has active rules, they run on the same assessment:
 *       they see the global classification and route and may refine either.
 *   <li>A country rule may route only within its framework: the central desk, an expert team, its
 *       own country queue or a dealer of its own country. Any other route is ignored (the trace
 *       says so) and the global route stands.
 *   <li>A decision that stopped at the firing limit, or has no route, falls back to the central
 *       desk ({@link RuleSet#FALLBACK_TRACE}).
 * </ol>
 * {@link Decision#rulesVersion()} names every rule set that ran, for example {@code global:3+DE:2}.
 * Thread-safe.
 */
public final class RuleBook {
  /** The scope of the headquarters' rules, which apply to every contact. */
  public static final String GLOBAL = "global";
  private static final Pattern COUNTRY_SCOPE = Pattern.compile("[A-Z]{2}");

  private final RuleSet global;
  private final Map<String, RuleSet> countries;

  private RuleBook(RuleSet global, Map<String, RuleSet> countries) {
    this.global = Objects.requireNonNull(global, "global");
    this.countries = Collections.unmodifiableMap(countries);
  }

  /** A book with only global rules. */
  public static RuleBook of(RuleSet global) {
    return new RuleBook(global, Map.of());
  }

  /** Whether {@code scope} names a scope: {@code global} or an ISO country code such as {@code DE}. */
  public static boolean isScope(String scope) {
    return GLOBAL.equals(scope) || (scope != null && COUNTRY_SCOPE.matcher(scope).matches());
  }

  /** This book with {@code rules} active in {@code scope}. */
  public RuleBook with(String scope, RuleSet rules) {
    if (!isScope(scope)) {
      throw new IllegalArgumentException("a scope is 'global' or a country code such as 'DE', not '" + scope + "'");
    }
    if (GLOBAL.equals(scope)) {
      return new RuleBook(rules, countries);
    }
    Map<String, RuleSet> next = new TreeMap<>(countries);
    next.put(scope, rules);
    return new RuleBook(global, next);
  }

  /** The rule set active in {@code scope}, if any. */
  public Optional<RuleSet> get(String scope) {
    return GLOBAL.equals(scope) ? Optional.of(global) : Optional.ofNullable(countries.get(scope));
  }

  /** The version of each active scope, global first, then countries alphabetically. */
  public Map<String, String> versions() {
    Map<String, String> versions = new LinkedHashMap<>();
    versions.put(GLOBAL, global.version());
    countries.forEach((scope, rules) -> versions.put(scope, rules.version()));
    return versions;
  }

  /**
   * Decides one contact whose country and dealers were resolved against the directory.
   * Thread-safe; CPU-bound for a few microseconds per rule set that runs.
   */
  public Decision decide(Contact contact, Directory directory, ServiceLevels serviceLevels) {
    Assessment assessment = new Assessment(contact);
    List<String> trace = new ArrayList<>(8);
    boolean limitReached = global.fire(assessment, directory, serviceLevels, trace, "");
    String version = global.version();
    String country = contact.getCountry();
    RuleSet local = country == null ? null : countries.get(country);
    if (local != null && !limitReached && !assessment.isRouteLocked()) {
      version = version + "+" + local.version();
      Route globalRoute = assessment.getRoute();
      limitReached = local.fire(assessment, directory, serviceLevels, trace, country + ": ");
      Route refined = assessment.getRoute();
      if (refined != null && !refined.equals(globalRoute) && !withinCountry(refined, country, directory)) {
        assessment.setRoute(globalRoute);
        trace.add(country + ": route to " + refined.queue() + " ignored: country rules route only to central,"
            + " expert teams, " + QueueNames.country(country) + " or dealers of " + country);
      }
    }
    return complete(contact, assessment, trace, limitReached, version, serviceLevels);
  }

  private static boolean withinCountry(Route route, String country, Directory directory) {
    return switch (route.level()) {
      case CENTRAL, EXPERT -> true;
      case COUNTRY -> route.queue().equals(QueueNames.country(country));
      case DEALER -> country.equals(directory.countryOfDealer(QueueNames.idOf(route.queue())));
    };
  }

  private static Decision complete(
      Contact contact, Assessment a, List<String> trace, boolean limitReached, String version,
      ServiceLevels serviceLevels) {
    Knowledge knowledge = a.getKnowledge() == null ? Knowledge.SCHEME : a.getKnowledge();
    Urgency urgency = a.getUrgency() == null ? Urgency.NORMAL : a.getUrgency();
    String topic = a.getTopic() == null ? Classification.GENERAL_TOPIC : a.getTopic();
    Route route = a.getRoute();
    boolean fallback = limitReached || route == null;
    if (fallback) {
      route = Route.central(urgency.basePriority());
      if (limitReached) {
        trace.add(RuleSet.FIRING_LIMIT_TRACE);
      }
      trace.add(RuleSet.FALLBACK_TRACE);
    }
    Duration target =
        a.getResponseTargetSeconds() > 0 && !fallback
            ? Duration.ofSeconds(a.getResponseTargetSeconds())
            : serviceLevels.targetFor(contact.getChannel(), urgency);
    return new Decision(
        new Classification(knowledge, urgency, topic), route, a.getContextDealerId(), target, trace, version, fallback);
  }
}
