package io.omniroute.engine.api;

import com.networknt.schema.regex.RegularExpression;
import com.networknt.schema.regex.RegularExpressionFactory;
import java.util.regex.Pattern;

/**
 * The contract's {@code pattern}s with the meaning JSON Schema gives them (ECMA-262, no flags),
 * run by {@link java.util.regex}: the few constructs whose meaning differs are rewritten before
 * compiling. {@code $} is the end of the value (Java's also matches before a final line break),
 * {@code \s} and {@code \S} include the Unicode spaces such as U+00A0 (Java's are ASCII only), and
 * {@code .} excludes exactly ECMA-262's line terminators. Everything else the contract uses is the
 * same in both dialects. A pattern matches when it is found anywhere in the value, as JSON Schema
 * says; anchor it to match the whole value. Stateless and thread-safe.
 */
final class EcmaRegularExpressions implements RegularExpressionFactory {
  static final EcmaRegularExpressions INSTANCE = new EcmaRegularExpressions();
  /** ECMA-262 WhiteSpace and LineTerminator, as the inside of a Java character class. */
  private static final String SPACES = "\\t\\n\\x0B\\f\\r \\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000\\uFEFF";
  private static final String LINE_TERMINATORS = "\\n\\r\\u2028\\u2029";

  private EcmaRegularExpressions() {}

  @Override
  public RegularExpression getRegularExpression(String regex) {
    Pattern pattern = Pattern.compile(toJava(regex));
    return value -> pattern.matcher(value).find();
  }

  /** The Java regular expression that means what {@code ecma} means in ECMA-262. */
  static String toJava(String ecma) {
    StringBuilder java = new StringBuilder(ecma.length() + 16);
    boolean inClass = false;
    for (int i = 0; i < ecma.length(); i++) {
      char c = ecma.charAt(i);
      if (c == '\\' && i + 1 < ecma.length()) {
        char escaped = ecma.charAt(++i);
        switch (escaped) {
          case 's' -> java.append(inClass ? SPACES : "[" + SPACES + "]");
          case 'S' -> java.append("[^" + SPACES + "]");
          default -> java.append(c).append(escaped);
        }
      } else if (inClass) {
        inClass = c != ']';
        java.append(c);
      } else {
        switch (c) {
          case '[' -> {
            inClass = true;
            java.append(c);
            if (i + 1 < ecma.length() && ecma.charAt(i + 1) == '^') {
              java.append(ecma.charAt(++i));
            }
          }
          case '$' -> java.append("\\z");
          case '.' -> java.append("[^" + LINE_TERMINATORS + "]");
          default -> java.append(c);
        }
      }
    }
    return java.toString();
  }
}
