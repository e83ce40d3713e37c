package io.omniroute.rules.model;

/**
 * A contact's subject and text, normalised once for keyword matching (see {@link
 * Contact#mentionsAny(String)}). Immutable.
 */
public final class ContactText {
  private static final ContactText EMPTY = new ContactText("");
  private final String normalised;

  private ContactText(String normalised) {
    this.normalised = normalised;
  }

  static ContactText of(String subject, String text) {
    if ((subject == null || subject.isEmpty()) && (text == null || text.isEmpty())) {
      return EMPTY;
    }
    String joined = (subject == null ? "" : subject) + "\n" + (text == null ? "" : text);
    return new ContactText(Phrases.normalise(joined));
  }

  /** Whether any of the {@code |}-separated phrases is mentioned, as {@link #mentions} defines it. */
  public boolean mentionsAny(String phrases) {
    if (normalised.isEmpty()) {
      return false;
    }
    for (String phrase : Phrases.normalisedSplit(phrases)) {
      if (mentions(phrase)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the normalised phrase stands in this text as whole words, or, when it ends with
   * {@code *}, at the start of a word: {@code "kuendig*"} matches "kuendigung".
   */
  public boolean mentions(String normalisedPhrase) {
    boolean prefix = normalisedPhrase.endsWith("*");
    String phrase = prefix ? normalisedPhrase.substring(0, normalisedPhrase.length() - 1) : normalisedPhrase;
    if (phrase.isEmpty()) {
      return false;
    }
    int from = 0;
    while (true) {
      int at = normalised.indexOf(phrase, from);
      if (at < 0) {
        return false;
      }
      int end = at + phrase.length();
      boolean starts = at == 0 || !Character.isLetterOrDigit(normalised.charAt(at - 1));
      boolean ends = prefix || end == normalised.length() || !Character.isLetterOrDigit(normalised.charAt(end));
      if (starts && ends) {
        return true;
      }
      from = at + 1;
    }
  }

  /** The normalised text: lower case, umlauts folded, white space collapsed. */
  public String normalised() {
    return normalised;
  }

  /** Normalises a keyword the same way as the text, so that it can be passed to {@link #mentions}. */
  public static String normaliseKeyword(String keyword) {
    return Phrases.normalise(keyword);
  }
}
