package io.omniroute.engine.channel.chat;

import io.omniroute.engine.conversation.Outbound;
import io.omniroute.engine.queue.ConversationRecord;
import io.omniroute.engine.queue.Message;
import io.vertx.core.Future;

/**
 * The chat's outbound side: an agent's answer, once stored, is announced through the {@link
 * ChatStore} to every node, where the sockets of its conversation read it from the conversation
 * and send it. A customer without an open socket gets it when the widget resumes. Thread-safe.
 */
final class ChatOutbound implements Outbound {
  private final ChatStore store;

  ChatOutbound(ChatStore store) {
    this.store = store;
  }

  @Override
  public Future<Void> send(ConversationRecord conversation, Message answer) {
    return store.announce(conversation.id());
  }
}
