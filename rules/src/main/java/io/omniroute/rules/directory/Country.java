package io.omniroute.rules.directory;

import java.util.List;

/**
 * A market organisation: ISO 3166-1 alpha-2 code and the languages it serves. Immutable.
 *
 * @param emails the country organisation's service addresses: mail sent to one of them is for
 *     this country (empty when it has none listed)
 */
public record Country(String code, List<String> languages, List<String> emails) {
  public Country {
    languages = languages == null ? List.of() : List.copyOf(languages);
    emails = emails == null ? List.of() : List.copyOf(emails);
  }

  /** A country without service addresses. */
  public Country(String code, List<String> languages) {
    this(code, languages, List.of());
  }
}
