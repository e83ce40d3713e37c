package io.omniroute.rules.directory;

import java.util.List;

/**
 * A dealer, agency or franchisee that owns customer relationships, with its country and its own
 * service numbers (E.164, such as its hotline: a call or SMS to one of them is a contact of this
 * dealer). Immutable.
 */
public record Dealer(String id, String name, String country, List<String> phones) {
  public Dealer {
    phones = phones == null ? List.of() : List.copyOf(phones);
  }
}
