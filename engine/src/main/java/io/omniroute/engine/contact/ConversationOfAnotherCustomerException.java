package io.omniroute.engine.contact;

import io.omniroute.engine.EngineException;

/** A contact from one customer names the conversation of another: it may not join it. */
public final class ConversationOfAnotherCustomerException extends EngineException {
  private final String conversationId;

  ConversationOfAnotherCustomerException(String conversationId, String senderId) {
    super("conversation " + conversationId + " belongs to another customer than the sender " + senderId);
    this.conversationId = conversationId;
  }

  public String conversationId() {
    return conversationId;
  }
}
