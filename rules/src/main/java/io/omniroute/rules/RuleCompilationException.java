package io.omniroute.rules;

import java.util.List;

/** A rule text that does not compile; {@link #problems()} lists every problem with its position. */
public class RuleCompilationException extends RuntimeException {
  private final List<RuleProblem> problems;

  public RuleCompilationException(String source, List<RuleProblem> problems) {
    super("Rules " + source + " do not compile: " + problems);
    this.problems = List.copyOf(problems);
  }

  public List<RuleProblem> problems() {
    return problems;
  }
}
