package io.omniroute.rules.model;

import java.text.Normalizer;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Splits the {@code |}-separated phrase lists that rules pass to {@link
 * Contact#mentionsAny(String)} into keywords, and normalises text and keywords alike. Lists are
 * cached by their text (as a {@link KeywordMatcher}), so a rule pays for splitting once. Thread-safe.
 */
final class Phrases {
  private static final Pattern SEPARATOR = Pattern.compile("\\|");
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final ConcurrentHashMap<String, String[]> RAW = new ConcurrentHashMap<>();
  private static final ConcurrentHashMap<String, KeywordMatcher> MATCHERS = new ConcurrentHashMap<>();
  private static final int CACHE_LIMIT = 10_000;

  private Phrases() {}

  static String[] split(String list) {
    String[] hit = RAW.get(list);
    if (hit != null) {
      return hit;
    }
    String[] parts = SEPARATOR.splitAsStream(list).map(String::trim).filter(p -> !p.isEmpty()).toArray(String[]::new);
    return remember(RAW, list, parts);
  }

  static KeywordMatcher matcher(String list) {
    KeywordMatcher hit = MATCHERS.get(list);
    if (hit != null) {
      return hit;
    }
    KeywordMatcher matcher = KeywordMatcher.of(SEPARATOR.splitAsStream(list)
        .map(Phrases::normalise)
        .filter(p -> !p.isEmpty())
        .map(Keyword::ofNormalised)
        .toList());
    return remember(MATCHERS, list, matcher);
  }

  private static <T> T remember(ConcurrentHashMap<String, T> cache, String list, T value) {
    if (cache.size() < CACHE_LIMIT) {
      cache.put(list, value);
    }
    return value;
  }

  /**
   * Lower-case, German umlauts and sharp s folded to their two-letter forms, other accents
   * removed, white space collapsed to single blanks.
   */
  static String normalise(String value) {
    if (value == null || value.isEmpty()) {
      return "";
    }
    if (isAscii(value)) {
      return foldAscii(value);
    }
    String lower = Normalizer.normalize(value, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    StringBuilder folded = new StringBuilder(lower.length() + 8);
    boolean blank = true;
    boolean ascii = true;
    for (int i = 0; i < lower.length(); i++) {
      char c = lower.charAt(i);
      switch (c) {
        case 'ä' -> folded.append("ae");
        case 'ö' -> folded.append("oe");
        case 'ü' -> folded.append("ue");
        case 'ß' -> folded.append("ss");
        default -> {
          if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
            if (!blank) {
              folded.append(' ');
            }
            blank = true;
            continue;
          }
          if (c > 127) {
            ascii = false;
          }
          folded.append(c);
        }
      }
      blank = false;
    }
    int end = folded.length();
    while (end > 0 && folded.charAt(end - 1) == ' ') {
      end--;
    }
    String result = folded.substring(0, end);
    if (ascii) {
      return result;
    }
    return MARKS.matcher(Normalizer.normalize(result, Normalizer.Form.NFD)).replaceAll("");
  }

  private static boolean isAscii(String value) {
    for (int i = 0; i < value.length(); i++) {
      if (value.charAt(i) > 127) {
        return false;
      }
    }
    return true;
  }

  /** {@link #normalise} for ASCII text, where it is lower-casing and collapsing white space. */
  private static String foldAscii(String value) {
    StringBuilder folded = new StringBuilder(value.length());
    boolean blank = true;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        if (!blank) {
          folded.append(' ');
        }
        blank = true;
      } else {
        folded.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
        blank = false;
      }
    }
    int end = folded.length();
    if (end > 0 && folded.charAt(end - 1) == ' ') {
      end--;
    }
    return folded.substring(0, end);
  }
}
