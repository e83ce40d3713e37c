package io.omniroute.engine.rules;

import io.omniroute.engine.EngineException;

/** A rule version that was asked for does not exist. */
public final class RuleVersionNotFoundException extends EngineException {
  public RuleVersionNotFoundException(String scope, int version) {
    super("scope '" + scope + "' has no version " + version + ": GET /v1/rules/" + scope + "/versions lists them");
  }
}
