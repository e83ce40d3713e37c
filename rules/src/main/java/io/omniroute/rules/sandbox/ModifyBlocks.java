package io.omniroute.rules.sandbox;

import java.util.ArrayList;
import java.util.List;

/**
 * Rewrites Drools' {@code modify( $a ) { setX( 1 ), setY( 2 ) }} blocks, which are not Java, into
 * the equivalent Java calls {@code modify( $a ); $a.setX( 1 ); $a.setY( 2 );} so that the Java
 * parser can check them. Newlines are kept, so line numbers stay those of the rule text. Strings,
 * character literals and comments are skipped. Stateless.
 */
final class ModifyBlocks {
  private ModifyBlocks() {}

  static String rewrite(String code) {
    StringBuilder out = new StringBuilder(code.length() + 32);
    int i = 0;
    while (i < code.length()) {
      int skipped = skipLiteralOrComment(code, i);
      if (skipped > i) {
        out.append(code, i, skipped);
        i = skipped;
        continue;
      }
      if (startsWord(code, i, "modify")) {
        int open = skipSpace(code, i + "modify".length());
        if (open < code.length() && code.charAt(open) == '(') {
          int close = matching(code, open, '(', ')');
          int brace = close < 0 ? -1 : skipSpace(code, close + 1);
          if (brace >= 0 && brace < code.length() && code.charAt(brace) == '{') {
            int end = matching(code, brace, '{', '}');
            if (end > 0) {
              String target = code.substring(open + 1, close).strip();
              out.append("modify(").append(target).append(");");
              for (String member : topLevelParts(code.substring(brace + 1, end))) {
                if (!member.isBlank()) {
                  out.append(' ').append(target).append('.').append(member.strip()).append(';');
                }
              }
              out.append("\n".repeat(newlines(code.substring(i, end + 1))));
              i = end + 1;
              continue;
            }
          }
        }
      }
      out.append(code.charAt(i));
      i++;
    }
    return out.toString();
  }

  private static boolean startsWord(String code, int at, String word) {
    return code.startsWith(word, at)
        && (at == 0 || !Character.isJavaIdentifierPart(code.charAt(at - 1)))
        && (at + word.length() >= code.length() || !Character.isJavaIdentifierPart(code.charAt(at + word.length())));
  }

  private static int skipSpace(String code, int at) {
    while (at < code.length() && Character.isWhitespace(code.charAt(at))) {
      at++;
    }
    return at;
  }

  /** The end of a string, character literal or comment starting at {@code at}, else {@code at}. */
  private static int skipLiteralOrComment(String code, int at) {
    char c = code.charAt(at);
    if (c == '"' || c == '\'') {
      int i = at + 1;
      while (i < code.length() && code.charAt(i) != c) {
        i += code.charAt(i) == '\\' ? 2 : 1;
      }
      return Math.min(i + 1, code.length());
    }
    if (code.startsWith("//", at)) {
      int end = code.indexOf('\n', at);
      return end < 0 ? code.length() : end;
    }
    if (code.startsWith("/*", at)) {
      int end = code.indexOf("*/", at + 2);
      return end < 0 ? code.length() : end + 2;
    }
    return at;
  }

  /** The index of the bracket closing the one at {@code at}, or -1. */
  private static int matching(String code, int at, char open, char close) {
    int depth = 0;
    int i = at;
    while (i < code.length()) {
      int skipped = skipLiteralOrComment(code, i);
      if (skipped > i) {
        i = skipped;
        continue;
      }
      char c = code.charAt(i);
      if (c == open) {
        depth++;
      } else if (c == close && --depth == 0) {
        return i;
      }
      i++;
    }
    return -1;
  }

  /** The comma-separated parts of a modify block, splitting only at commas outside brackets. */
  private static List<String> topLevelParts(String body) {
    List<String> parts = new ArrayList<>();
    int depth = 0;
    int start = 0;
    int i = 0;
    while (i < body.length()) {
      int skipped = skipLiteralOrComment(body, i);
      if (skipped > i) {
        i = skipped;
        continue;
      }
      char c = body.charAt(i);
      if (c == '(' || c == '[' || c == '{') {
        depth++;
      } else if (c == ')' || c == ']' || c == '}') {
        depth--;
      } else if (c == ',' && depth == 0) {
        parts.add(body.substring(start, i));
        start = i + 1;
      }
      i++;
    }
    parts.add(body.substring(start));
    return parts;
  }

  private static int newlines(String text) {
    return (int) text.chars().filter(c -> c == '\n').count();
  }
}
