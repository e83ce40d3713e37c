package io.omniroute.engine.queue;

/**
 * A {@link Threading} plan no longer fits its conversation: another contact or an agent changed
 * it since it was read, or another contact took the thread key first. Intake reads the
 * conversation again and plans anew; it reaches a caller only when that keeps failing.
 */
public final class ConversationChangedException extends QueueStoreException {
  public ConversationChangedException(String conversationId) {
    super("conversation " + conversationId + " changed while this contact joined it; send the contact again");
  }
}
