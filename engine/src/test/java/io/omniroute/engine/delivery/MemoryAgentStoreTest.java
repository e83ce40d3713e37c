package io.omniroute.engine.delivery;

/** The memory store passes the agent store contract. */
class MemoryAgentStoreTest extends AgentStoreContract {
  @Override
  protected AgentStore newStore() {
    return new MemoryAgentStore();
  }
}
