package io.omniroute.engine.rules;

/** The memory rule store passes the rule store contract. */
class MemoryRuleStoreTest extends RuleStoreContract {
  @Override
  protected RuleStore newStore() {
    return new MemoryRuleStore();
  }
}
