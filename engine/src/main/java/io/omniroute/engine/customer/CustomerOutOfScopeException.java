package io.omniroute.engine.customer;

import io.omniroute.engine.EngineException;
import java.util.Set;

/** A caller restricted to some countries wrote, or would overwrite, a customer of another country. */
public final class CustomerOutOfScopeException extends EngineException {
  private final Set<String> countries;

  CustomerOutOfScopeException(String customerId, String country, Set<String> countries) {
    super("customer " + customerId + (country == null ? " has no country" : " is of country " + country)
        + ", and this caller may only write customers of " + String.join(", ", countries.stream().sorted().toList()));
    this.countries = Set.copyOf(countries);
  }

  /** The countries the caller may write customers of. */
  public Set<String> countries() {
    return countries;
  }
}
