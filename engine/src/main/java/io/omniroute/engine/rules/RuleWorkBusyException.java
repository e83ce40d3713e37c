package io.omniroute.engine.rules;

import io.omniroute.engine.EngineException;

/** Rule work was refused because {@link RuleWork} already has as much as it accepts; retry shortly. */
public final class RuleWorkBusyException extends EngineException {
  RuleWorkBusyException(int capacity) {
    super("the engine is already checking " + capacity + " rule texts");
  }
}
