package io.omniroute.rules.model;

/**
 * A contact's subject and text, normalised once for keyword matching (see {@link
 * Contact#mentionsAny(String)}). Immutable.
 */
public final class ContactText {
  private static final ContactText EMPTY = new ContactText("");
  private final String normalised;
  private final int[] wordStarts;

  private ContactText(String normalised) {
    this.normalised = normalised;
    this.wordStarts = findWordStarts();
  }

  private int[] findWordStarts() {
    int count = 0;
    for (int at = 0; at < normalised.length(); at++) {
      if (isWordBoundary(at - 1)) {
        count++;
      }
    }
    int[] starts = new int[count];
    for (int at = 0, next = 0; next < count; at++) {
      if (isWordBoundary(at - 1)) {
        starts[next++] = at;
      }
    }
    return starts;
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
    return Phrases.matcher(phrases).anyIn(this);
  }

  /**
   * Whether the normalised phrase stands in this text as whole words, or, when it ends with
   * {@code *}, at the start of a word: {@code "kuendig*"} matches "kuendigung".
   */
  public boolean mentions(String normalisedPhrase) {
    return mentions(Keyword.ofNormalised(normalisedPhrase));
  }

  /** Whether the keyword stands in this text as whole words, or as a word start for a prefix. */
  public boolean mentions(Keyword keyword) {
    String stem = keyword.stem();
    if (stem.isEmpty()) {
      return false;
    }
    for (int at = normalised.indexOf(stem); at >= 0; at = normalised.indexOf(stem, at + 1)) {
      if (isWordBoundary(at - 1) && (keyword.prefix() || isWordBoundary(at + stem.length()))) {
        return true;
      }
    }
    return false;
  }

  /** The positions where a phrase may begin: the start, and after each character that is neither letter nor digit. */
  int[] wordStarts() {
    return wordStarts;
  }

  /** Whether {@code index} is outside the text or not a letter or digit. */
  boolean isWordBoundary(int index) {
    return index < 0 || index >= normalised.length() || !Character.isLetterOrDigit(normalised.charAt(index));
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
