package io.omniroute.rules;

/** One compile problem in a rule text: line and column (1-based, 0 when unknown) and a message. */
public record RuleProblem(int line, int column, String message) {
  @Override
  public String toString() {
    return "line " + line + ", column " + column + ": " + message;
  }
}
