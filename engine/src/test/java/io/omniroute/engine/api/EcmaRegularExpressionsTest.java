package io.omniroute.engine.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.regex.RegularExpression;
import org.junit.jupiter.api.Test;

class EcmaRegularExpressionsTest {
  private static boolean matches(String pattern, String value) {
    RegularExpression regex = EcmaRegularExpressions.INSTANCE.getRegularExpression(pattern);
    return regex.matches(value);
  }

  @Test
  void dollarIsTheEndOfTheValueNotTheEndOfALine() {
    assertThat(matches("^[A-Z]{2}$", "DE")).isTrue();
    assertThat(matches("^[A-Z]{2}$", "DE\n")).isFalse();
    assertThat(matches("^\\+[1-9][0-9]{6,14}$", "+498912345678\n")).isFalse();
  }

  @Test
  void whitespaceClassesIncludeTheUnicodeSpaces() {
    assertThat(matches("^[^@\\s]+@[^@\\s]+$", "anna@example.com")).isTrue();
    assertThat(matches("^[^@\\s]+@[^@\\s]+$", "anna\u00a0x@example.com")).isFalse();
    assertThat(matches("^\\s$", "\u3000")).isTrue();
    assertThat(matches("^\\S$", "\ufeff")).isFalse();
  }

  @Test
  void dotStopsAtEcmaLineTerminatorsOnly() {
    assertThat(matches("^.$", "\u0085")).isTrue();
    assertThat(matches("^.$", "\u2028")).isFalse();
  }

  @Test
  void aPatternIsFoundAnywhereUnlessAnchored() {
    assertThat(matches("[0-9]", "abc5")).isTrue();
    assertThat(matches("^[0-9]$", "abc5")).isFalse();
  }

  @Test
  void escapedAndBracketedSpecialsStayLiteral() {
    assertThat(matches("^a\\$$", "a$")).isTrue();
    assertThat(matches("^[$.]+$", "$.")).isTrue();
    assertThat(matches("^[$.]+$", "x")).isFalse();
  }
}
