package io.omniroute.rules.directory;

import java.util.List;

/**
 * A market organisation: ISO 3166-1 alpha-2 code, the languages it serves, and its own service
 * numbers (E.164; a call or SMS to one of them is a contact of that country). Immutable.
 */
public record Country(String code, List<String> languages, List<String> phones) {
  public Country {
    languages = languages == null ? List.of() : List.copyOf(languages);
    phones = phones == null ? List.of() : List.copyOf(phones);
  }
}
