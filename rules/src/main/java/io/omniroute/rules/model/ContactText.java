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

  /** Whether any of the {@code |}-separated phrases starts a word in this text. */
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

  /** Whether the normalised phrase starts a word in this text. */
  public boolean mentions(String normalisedPhrase) {
    int from = 0;
    while (true) {
      int at = normalised.indexOf(normalisedPhrase, from);
      if (at < 0) {
        return false;
      }
      if (at == 0 || !Character.isLetterOrDigit(normalised.charAt(at - 1))) {
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
