package io.omniroute.rules.directory;

import java.util.List;

/**
 * A specialist team ("genius function") serving some topics for some countries. An empty
 * country list means every country. Immutable.
 */
public record ExpertTeam(String id, List<String> topics, List<String> countries) {
  public ExpertTeam {
    topics = topics == null ? List.of() : List.copyOf(topics);
    countries = countries == null ? List.of() : List.copyOf(countries);
  }

  /** Whether this team serves the given country; a team without countries serves all known ones. */
  public boolean covers(String countryCode) {
    return countryCode != null && (countries.isEmpty() || countries.contains(countryCode));
  }
}
