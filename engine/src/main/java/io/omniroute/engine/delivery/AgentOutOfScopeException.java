package io.omniroute.engine.delivery;

import io.omniroute.engine.EngineException;

/**
 * A restricted caller wrote, or would change, an agent that is not its own: a dealer an agent who
 * serves a queue other than its own dealer queues, an agent the presence of another agent.
 */
public final class AgentOutOfScopeException extends EngineException {
  AgentOutOfScopeException(String message) {
    super(message);
  }
}
