package io.omniroute.rules.sandbox;

import io.omniroute.rules.RuleProblem;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds, in one pass over a rule text, the characters the DRL lexer cannot read: those outside
 * strings and comments that are control characters, or non-ASCII characters that are neither white
 * space nor part of a Java identifier (an emoji, a typographic quote, a no-break space). Drools' parser reports two errors per such character and
 * its compiler then spends time quadratic in their number; finding them first keeps the check of
 * any text linear in its length. Stateless.
 */
final class UnreadableCharacters {
  private UnreadableCharacters() {}

  /** At most {@code limit} problems, in text order; empty when every character can be read. */
  static List<RuleProblem> find(String drl, int limit) {
    List<RuleProblem> problems = new ArrayList<>();
    int line = 1;
    int lineStart = 0;
    char quote = 0;
    boolean lineComment = false;
    boolean blockComment = false;
    int i = 0;
    while (i < drl.length() && problems.size() < limit) {
      int c = drl.codePointAt(i);
      int next = i + 1 < drl.length() ? drl.charAt(i + 1) : -1;
      int consumed = Character.charCount(c);
      if (lineComment) {
        lineComment = c != '\n';
      } else if (blockComment) {
        if (c == '*' && next == '/') {
          blockComment = false;
          consumed = 2;
        }
      } else if (quote != 0) {
        if (c == '\\' && next >= 0 && next != '\n') {
          consumed = 2;
        } else if (c == quote || c == '\n') {
          quote = 0;
        }
      } else if (c == '"' || c == '\'') {
        quote = (char) c;
      } else if (c == '#' || (c == '/' && next == '/')) {
        lineComment = true;
      } else if (c == '/' && next == '*') {
        blockComment = true;
        consumed = 2;
      } else if (isUnreadable(c)) {
        problems.add(new RuleProblem(line, i - lineStart + 1, String.format(
            "the character U+%04X cannot be read here: write it inside a string or a comment, or remove it", c)));
      }
      if (c == '\n') {
        line++;
        lineStart = i + 1;
      }
      i += consumed;
    }
    return problems;
  }

  private static boolean isUnreadable(int c) {
    if (c < 128) {
      return (c < 32 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 127;
    }
    return !Character.isJavaIdentifierPart(c) && !Character.isWhitespace(c);
  }
}
