package io.omniroute.rules;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.rule.AgendaFilter;
import org.kie.api.runtime.rule.Match;

/**
 * Lets only the first match of each {@code activation-group} fire within one decision.
 *
 * <p>Drools cancels the other matches of a group itself, but only in a fresh session: a pooled
 * session keeps each group's "triggered at recency" across {@code dispose()} while fact
 * recencies restart, so after the first reuse no match joins its group and every match fires
 * (Drools 10.2, {@code ActivationsManagerImpl.addItemToActivationGroup}). This filter enforces
 * the documented rule, first match wins, for every session. Create one per decision; confined to
 * the decision's thread.
 */
final class FirstMatchPerGroup implements AgendaFilter {
  private final Map<Rule, String> groupOfRule;
  private final Set<String> fired = new HashSet<>(8);

  /** @param groupOfRule the activation group of each rule that has one, keyed by identity */
  FirstMatchPerGroup(Map<Rule, String> groupOfRule) {
    this.groupOfRule = groupOfRule;
  }

  @Override
  public boolean accept(Match match) {
    String group = groupOfRule.get(match.getRule());
    return group == null || fired.add(group);
  }
}
