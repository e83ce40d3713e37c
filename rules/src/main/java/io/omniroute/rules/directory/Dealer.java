package io.omniroute.rules.directory;

import java.util.List;

/**
 * A dealer, agency or franchisee that owns customer relationships in one country. Immutable.
 *
 * @param phones the dealer's own service numbers (E.164, such as its hotline): a call or SMS to one
 *     of them is a contact of this dealer
 * @param emails the dealer's service addresses: mail sent to one of them is for this dealer
 */
public record Dealer(String id, String name, String country, List<String> phones, List<String> emails) {
  public Dealer {
    phones = phones == null ? List.of() : List.copyOf(phones);
    emails = emails == null ? List.of() : List.copyOf(emails);
  }

  /** A dealer without service numbers or addresses. */
  public Dealer(String id, String name, String country) {
    this(id, name, country, List.of(), List.of());
  }
}
