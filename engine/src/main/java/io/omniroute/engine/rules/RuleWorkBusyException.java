package io.omniroute.engine.rules;

/** Rule work was refused because {@link RuleWork} already has as much as it accepts; retry shortly. */
public final class RuleWorkBusyException extends RuntimeException {
  RuleWorkBusyException(int capacity) {
    super("the engine is already checking " + capacity + " rule texts", null, false, false);
  }
}
