package io.omniroute.rules.model;

/**
 * A phrase to look for in a contact's text, normalised like the text ({@link ContactText}): whole
 * words, or, when written with a trailing {@code *}, the start of a word ({@code "kuendig*"}
 * matches "kuendigung"). Immutable; made once per rule or directory topic and matched against
 * many texts.
 *
 * @param stem the normalised phrase without the trailing {@code *}
 * @param prefix whether the phrase matches the start of a word rather than whole words
 */
public record Keyword(String stem, boolean prefix) {
  /** The keyword written as {@code phrase}, for example {@code "Kündig*"}. */
  public static Keyword of(String phrase) {
    return ofNormalised(Phrases.normalise(phrase));
  }

  static Keyword ofNormalised(String normalisedPhrase) {
    boolean prefix = normalisedPhrase.endsWith("*");
    return new Keyword(prefix ? normalisedPhrase.substring(0, normalisedPhrase.length() - 1) : normalisedPhrase, prefix);
  }
}
