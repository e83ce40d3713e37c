package io.omniroute.rules;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.rule.AgendaFilter;
import org.kie.api.runtime.rule.Match;

/**
 * Lets only the first match of each {@code activation-group} fire within one decision, and
 * appends the name of every rule it lets fire to the decision's trace, in firing order.
 *
 * <p>Drools cancels the other matches of a group itself, but only in a fresh session: a pooled
 * session keeps each group's "triggered at recency" across {@code dispose()} while fact
 * recencies restart, so after the first reuse no match joins its group and every match fires
 * (Drools 10.2, {@code ActivationsManagerImpl.addItemToActivationGroup}). This filter enforces
 * the documented rule, first match wins, for every session.
 *
 * <p>Drools asks the filter right before it fires a match and fires every match the filter
 * accepts ({@code RuleExecutor.fire}), so the accepted matches are the fired rules, and a decision
 * needs no agenda event listener for its trace. Create one per rule-set run; confined to the
 * decision's thread.
 */
final class FirstMatchPerGroup implements AgendaFilter {
  private final Map<Rule, String> groupOfRule;
  private final Set<String> fired = new HashSet<>(8);
  private final List<String> trace;
  private final String tracePrefix;

  /**
   * @param groupOfRule the activation group of each rule that has one, keyed by identity
   * @param trace where the names of the fired rules go
   * @param tracePrefix put before each name, for example {@code "DE: "}; empty for none
   */
  FirstMatchPerGroup(Map<Rule, String> groupOfRule, List<String> trace, String tracePrefix) {
    this.groupOfRule = groupOfRule;
    this.trace = trace;
    this.tracePrefix = tracePrefix;
  }

  @Override
  public boolean accept(Match match) {
    Rule rule = match.getRule();
    String group = groupOfRule.get(rule);
    if (group != null && !fired.add(group)) {
      return false;
    }
    trace.add(tracePrefix.isEmpty() ? rule.getName() : tracePrefix + rule.getName());
    return true;
  }
}
