package io.omniroute.engine.rules;

import java.time.Instant;
import java.util.Objects;

/**
 * One saved version of a scope's rules: its DRL text, who saved it, when, and why. Immutable.
 *
 * @param scope {@code global} or a country code such as {@code DE}
 * @param version 1, 2, ... within the scope; {@code global} version 1 is the bundled default policy
 */
public record RuleVersion(String scope, int version, String text, String author, Instant savedAt, String comment) {
  public RuleVersion {
    Objects.requireNonNull(scope, "scope");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(author, "author");
    Objects.requireNonNull(savedAt, "savedAt");
    comment = comment == null ? "" : comment;
  }

  /** The version as decisions report it: {@code DE:3}. */
  public String label() {
    return label(scope, version);
  }

  public static String label(String scope, int version) {
    return scope + ":" + version;
  }
}
