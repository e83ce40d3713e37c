package io.omniroute.engine.rules;

import io.omniroute.engine.EngineException;
import java.time.Duration;

/** Rule work did not finish within {@link RuleWork#budget()}; nothing it would have saved was saved. */
public final class RuleWorkTimeoutException extends EngineException {
  private final Duration budget;

  RuleWorkTimeoutException(Duration budget) {
    super("checking the rule text took longer than " + budget.toSeconds() + " s");
    this.budget = budget;
  }

  public Duration budget() {
    return budget;
  }
}
