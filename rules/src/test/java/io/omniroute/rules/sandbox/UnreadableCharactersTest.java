package io.omniroute.rules.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.omniroute.rules.RuleCompilationException;
import io.omniroute.rules.RuleProblem;
import io.omniroute.rules.RuleSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class UnreadableCharactersTest {
  @Test
  void findsAnEmojiOutsideStringsWithItsLineAndColumn() {
    List<RuleProblem> problems = UnreadableCharacters.find("package io.omniroute.rules;\nrule \"a\" \uD83D\uDE00 when", 10);

    assertThat(problems).containsExactly(new RuleProblem(2, 10,
        "the character U+1F600 cannot be read here: write it inside a string or a comment, or remove it"));
  }

  @Test
  void acceptsAnythingInsideStringsAndCommentsAndLettersOutside() {
    String drl = "rule \"Grüße \uD83D\uDE00 \\\" \u201Cquoted\u201D\" // \u2192 arrow\n"
        + "/* \u00a0 \u2603 */ # \u2603\nwhen $größe : Assessment( topic == '\u2603' ) then end";

    assertThat(UnreadableCharacters.find(drl, 10)).isEmpty();
  }

  @Test
  void findsControlCharactersButNotTabsOrLineBreaks() {
    assertThat(UnreadableCharacters.find("rule\t\"a\"\r\nwhen\u0001 then\fend\u007f", 10))
        .extracting(RuleProblem::line, RuleProblem::column)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(2, 5), org.assertj.core.groups.Tuple.tuple(2, 15));
  }

  @Test
  void stopsAtTheLimit() {
    assertThat(UnreadableCharacters.find("\u2603".repeat(1_000), 7)).hasSize(7);
  }

  @Test
  void aTextOfEmojiIsRefusedWithABoundedListOfProblems() {
    String drl = "\uD83D\uDE00".repeat(200_000);

    RuleCompilationException refused = catchThrowableOfType(RuleCompilationException.class,
        () -> RuleSet.compile("DE:draft", drl));

    assertThat(refused.problems()).hasSize(RuleCompilationException.MAX_PROBLEMS + 1);
    assertThat(refused.problems().get(0).column()).isEqualTo(1);
    assertThat(refused.problems().get(RuleCompilationException.MAX_PROBLEMS).message()).contains("more problems follow");
  }

  @Test
  void aTextThatDoesNotParseAnswersTheParsersErrorsWithPositions() {
    RuleCompilationException refused = catchThrowableOfType(RuleCompilationException.class,
        () -> RuleSet.compile("DE:draft", "package io.omniroute.rules;\nrule \"x\" when then\n"));

    assertThat(refused.problems()).isNotEmpty();
    assertThat(refused.problems().get(0).line()).isGreaterThan(0);
  }
}
