package io.omniroute.engine.conversation;

import io.omniroute.engine.queue.ConversationRecord;
import io.omniroute.engine.queue.Message;
import io.vertx.core.Future;

/**
 * Carries an agent's answer, once it is stored in its conversation, to the customer over the
 * answer's channel: an email by SMTP, a chat message to the customer's open socket. The stored
 * answer stays whatever happens here; an implementation that can fail owns its retries and says
 * in its result whether the answer left. Implementations are thread-safe and called on an event loop.
 */
@FunctionalInterface
public interface Outbound {
  /** Sends nothing: for channels without an outbound adapter. */
  Outbound NONE = (conversation, answer) -> Future.succeededFuture();

  /**
   * Sends {@code answer} (already stored, {@link Message.Direction#OUTBOUND}) of {@code
   * conversation} (as it is with the answer).
   */
  Future<Void> send(ConversationRecord conversation, Message answer);
}
