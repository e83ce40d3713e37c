package io.omniroute.rules.directory;

import java.util.List;

/**
 * An independent partner that owns customer relationships in one country. Immutable.
 *
 * @param emails the dealer's service addresses: mail sent to one of them is for this dealer
 *     (empty when the dealer has none listed)
 */
public record Dealer(String id, String name, String country, List<String> emails) {
  public Dealer {
    emails = emails == null ? List.of() : List.copyOf(emails);
  }

  /** A dealer without service addresses. */
  public Dealer(String id, String name, String country) {
    this(id, name, country, List.of());
  }
}
