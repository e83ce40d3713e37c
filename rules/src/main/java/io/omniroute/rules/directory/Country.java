package io.omniroute.rules.directory;

import java.util.List;

/**
 * A market organisation: ISO 3166-1 alpha-2 code, the languages it serves, and its own service
 * numbers and addresses. Immutable.
 *
 * @param phones the country organisation's service numbers (E.164): a call or SMS to one of them
 *     is a contact of this country
 * @param emails the country organisation's service addresses: mail sent to one of them is for this country
 */
public record Country(String code, List<String> languages, List<String> phones, List<String> emails) {
  public Country {
    languages = languages == null ? List.of() : List.copyOf(languages);
    phones = phones == null ? List.of() : List.copyOf(phones);
    emails = emails == null ? List.of() : List.copyOf(emails);
  }

  /** A country without service numbers or addresses. */
  public Country(String code, List<String> languages) {
    this(code, languages, List.of(), List.of());
  }
}
