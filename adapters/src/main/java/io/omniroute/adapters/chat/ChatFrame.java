package io.omniroute.adapters.chat;

import java.util.Objects;

/**
 * One frame a chat widget sends over its socket, as {@link ChatFrames#parse} reads it. Immutable.
 */
public sealed interface ChatFrame {
  /**
   * The customer's words: {@code {"type":"message","id":"<client message id>","text":"..."}}. The
   * client id makes a resend idempotent: the same id in the same chat is stored once.
   */
  record Message(String id, String text) implements ChatFrame {
    public Message {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(text, "text");
    }
  }

  /**
   * A reconnecting widget takes its chat up again: {@code {"type":"resume","token":"...","lastSeq":n}};
   * the agent messages after {@code lastSeq} follow.
   */
  record Resume(String token, long lastSeq) implements ChatFrame {
    public Resume {
      Objects.requireNonNull(token, "token");
    }
  }
}
