package io.omniroute.engine.conversation;

import io.omniroute.engine.EngineException;

/** No conversation with this id that the caller may see. */
public final class ConversationNotFoundException extends EngineException {
  private final String conversationId;

  ConversationNotFoundException(String conversationId) {
    super("no conversation with id '" + conversationId + "'");
    this.conversationId = conversationId;
  }

  public String conversationId() {
    return conversationId;
  }
}
