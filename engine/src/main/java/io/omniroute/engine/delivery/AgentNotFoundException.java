package io.omniroute.engine.delivery;

import io.omniroute.engine.EngineException;

/**
 * No agent of that id that the caller may see. A dealer gets this for another dealer's agent too,
 * so it cannot tell theirs from an unknown one.
 */
public final class AgentNotFoundException extends EngineException {
  AgentNotFoundException(String id) {
    super("no agent with id '" + id + "'");
  }
}
