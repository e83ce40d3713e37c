package io.omniroute.rules;

import io.omniroute.rules.model.Classification;
import io.omniroute.rules.model.Route;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of one routing decision: what the contact is, where it goes, how fast it must be
 * answered, which rules fired (in firing order) and which rule version decided. Immutable.
 *
 * @param contextDealerId a dealer kept as context when the contact went above it, or {@code null}
 * @param fallback true when the rules left the decision incomplete and the engine's safe default
 *     (the central desk) was used
 */
public record Decision(
    Classification classification,
    Route route,
    String contextDealerId,
    Duration responseTarget,
    List<String> trace,
    String rulesVersion,
    boolean fallback) {

  public Decision {
    Objects.requireNonNull(classification, "classification");
    Objects.requireNonNull(route, "route");
    Objects.requireNonNull(responseTarget, "responseTarget");
    trace = List.copyOf(trace);
    Objects.requireNonNull(rulesVersion, "rulesVersion");
  }

  /** Whether the decision was stopped at the firing limit (a rule that loops), not merely left incomplete. */
  public boolean stoppedAtFiringLimit() {
    return fallback && trace.contains(RuleSet.FIRING_LIMIT_TRACE);
  }
}
