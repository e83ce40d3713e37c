package io.omniroute.engine.channel.chat;

import java.time.Instant;
import java.util.Objects;

/**
 * What a chat's resume token opens: its conversation, the dealer whose site it runs on, its thread
 * key (every message of the chat joins the conversation by it) and when it opened. Immutable.
 */
public record ChatSession(String conversationId, String dealerId, String threadKey, Instant openedAt) {
  public ChatSession {
    Objects.requireNonNull(conversationId, "conversationId");
    Objects.requireNonNull(dealerId, "dealerId");
    Objects.requireNonNull(threadKey, "threadKey");
    Objects.requireNonNull(openedAt, "openedAt");
  }
}
