package io.omniroute.engine.contact;

import io.omniroute.engine.EngineException;

/** A contact names a {@code conversationId} that no conversation has (or no longer has). */
public final class UnknownConversationException extends EngineException {
  private final String conversationId;

  UnknownConversationException(String conversationId) {
    super("no conversation with id '" + conversationId + "'");
    this.conversationId = conversationId;
  }

  public String conversationId() {
    return conversationId;
  }
}
