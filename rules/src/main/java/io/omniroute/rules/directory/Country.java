package io.omniroute.rules.directory;

import java.util.List;

/** A market organisation: ISO 3166-1 alpha-2 code and the languages it serves. Immutable. */
public record Country(String code, List<String> languages) {
  public Country {
    languages = languages == null ? List.of() : List.copyOf(languages);
  }
}
