package io.omniroute.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * A rule text that does not compile; {@link #problems()} lists its problems with their positions,
 * the first {@value #MAX_PROBLEMS} of them, followed when there are more by one line (0) saying so:
 * the answer to a text stays small however broken the text is.
 */
public class RuleCompilationException extends RuntimeException {
  /** The most problems reported for one text. */
  public static final int MAX_PROBLEMS = 100;
  private final List<RuleProblem> problems;

  public RuleCompilationException(String source, List<RuleProblem> problems) {
    super("Rules " + source + " do not compile: " + capped(problems));
    this.problems = capped(problems);
  }

  private static List<RuleProblem> capped(List<RuleProblem> problems) {
    if (problems.size() <= MAX_PROBLEMS) {
      return List.copyOf(problems);
    }
    List<RuleProblem> first = new ArrayList<>(problems.subList(0, MAX_PROBLEMS));
    first.add(new RuleProblem(0, 0, "more problems follow: fix these " + MAX_PROBLEMS + " first and check again"));
    return List.copyOf(first);
  }

  public List<RuleProblem> problems() {
    return problems;
  }
}
