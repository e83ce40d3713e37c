package io.omniroute.loadtest.scenario;

import java.util.Map;
import java.util.SplittableRandom;

/**
 * Generates valid E.164 mobile numbers for a country: numbers libphonenumber (which the engine
 * uses to find a contact's country) considers valid and assigns to that country. Contacts from
 * other countries get no phone number. Stateless and thread-safe; the random source belongs to
 * the caller.
 */
public final class PhoneNumbers {
  /** Country code to a mobile prefix (with the country calling code) and the digits that follow. */
  private static final Map<String, Plan> PLANS = Map.ofEntries(
      Map.entry("DE", new Plan("+49151", 8)),
      Map.entry("AT", new Plan("+43664", 7)),
      Map.entry("CH", new Plan("+4179", 7)),
      Map.entry("GB", new Plan("+447400", 6)),
      Map.entry("FR", new Plan("+3361", 7)),
      Map.entry("IT", new Plan("+39347", 7)),
      Map.entry("ES", new Plan("+346", 8)),
      Map.entry("NL", new Plan("+3161", 7)),
      Map.entry("BE", new Plan("+32470", 6)),
      Map.entry("LU", new Plan("+352621", 6)),
      Map.entry("SE", new Plan("+4670", 7)),
      Map.entry("NO", new Plan("+4741", 6)),
      Map.entry("PL", new Plan("+48501", 6)),
      Map.entry("CZ", new Plan("+420601", 6)),
      Map.entry("IE", new Plan("+35387", 7)),
      Map.entry("PT", new Plan("+35191", 7)));

  private record Plan(String prefix, int digits) {}

  private PhoneNumbers() {}

  /** The countries numbers can be generated for. */
  public static java.util.Set<String> supportedCountries() {
    return PLANS.keySet();
  }

  /** Whether numbers can be generated for this country. */
  public static boolean supports(String countryCode) {
    return PLANS.containsKey(countryCode);
  }

  /** A mobile number in the country, or {@code null} when the country is not supported. */
  public static String mobile(String countryCode, SplittableRandom random) {
    Plan plan = PLANS.get(countryCode);
    if (plan == null) {
      return null;
    }
    StringBuilder number = new StringBuilder(plan.prefix());
    for (int i = 0; i < plan.digits(); i++) {
      number.append((char) ('0' + random.nextInt(10)));
    }
    return number.toString();
  }
}
