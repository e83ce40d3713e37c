package io.omniroute.engine.channel.chat;

import io.omniroute.engine.queue.ConversationRecord;
import io.omniroute.engine.queue.Message;
import java.util.ArrayList;
import java.util.List;

/**
 * A conversation as its chat sees it: every message has a seq, its position in the conversation
 * (1 for the first), which never changes, so "the agent messages after seq n" is exact on every
 * node and after any restart of a node. The agent messages of a chat are the conversation's
 * outbound messages on channel {@code chat} that still have a text. Stateless.
 */
final class ChatTranscript {
  static final String CHANNEL = "chat";

  private ChatTranscript() {}

  /** One agent message and its seq. */
  record AgentMessage(long seq, Message message) {}

  /** The agent messages of {@code conversation} after {@code seq}, in order. */
  static List<AgentMessage> agentMessagesAfter(ConversationRecord conversation, long seq) {
    List<Message> messages = conversation.messages();
    List<AgentMessage> after = new ArrayList<>();
    for (int i = (int) Math.min(Math.max(seq, 0), messages.size()); i < messages.size(); i++) {
      Message message = messages.get(i);
      if (message.direction() == Message.Direction.OUTBOUND && CHANNEL.equals(message.channel())
          && message.text() != null) {
        after.add(new AgentMessage(i + 1, message));
      }
    }
    return after;
  }

  /** The seq of the customer's message brought by contact {@code contactId}, 0 when the conversation has none. */
  static long seqOfContact(ConversationRecord conversation, String contactId) {
    List<Message> messages = conversation.messages();
    for (int i = messages.size() - 1; i >= 0; i--) {
      if (contactId.equals(messages.get(i).contactId())) {
        return i + 1;
      }
    }
    return 0;
  }
}
