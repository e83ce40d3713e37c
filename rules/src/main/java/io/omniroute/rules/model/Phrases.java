package io.omniroute.rules.model;

import java.text.Normalizer;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Splits and normalises the {@code |}-separated phrase lists that rules pass to {@link
 * Contact#mentionsAny(String)}. Lists are cached by their text, so a rule pays for splitting
 * once. Thread-safe.
 */
final class Phrases {
  private static final Pattern SEPARATOR = Pattern.compile("\\|");
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final ConcurrentHashMap<String, String[]> RAW = new ConcurrentHashMap<>();
  private static final ConcurrentHashMap<String, String[]> NORMALISED = new ConcurrentHashMap<>();
  private static final int CACHE_LIMIT = 10_000;

  private Phrases() {}

  static String[] split(String list) {
    return cached(RAW, list, false);
  }

  static String[] normalisedSplit(String list) {
    return cached(NORMALISED, list, true);
  }

  private static String[] cached(
      ConcurrentHashMap<String, String[]> cache, String list, boolean normalise) {
    String[] hit = cache.get(list);
    if (hit != null) {
      return hit;
    }
    String[] parts = SEPARATOR.split(list);
    java.util.List<String> kept = new java.util.ArrayList<>(parts.length);
    for (String part : parts) {
      String value = normalise ? normalise(part) : part.trim();
      if (!value.isEmpty()) {
        kept.add(value);
      }
    }
    String[] result = kept.toArray(String[]::new);
    if (cache.size() < CACHE_LIMIT) {
      cache.put(list, result);
    }
    return result;
  }

  /**
   * Lower-case, German umlauts and sharp s folded to their two-letter forms, other accents
   * removed, white space collapsed to single blanks.
   */
  static String normalise(String value) {
    if (value == null || value.isEmpty()) {
      return "";
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
}
