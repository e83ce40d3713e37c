package io.omniroute.adapters.chat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The contact one chat message becomes, in the shape of the API's {@code ContactRequest}: channel
 * {@code chat}, the widget's dealer and its country, the chat's thread key (so every message of
 * one chat joins one conversation) and the text. The customer is anonymous: no {@code from}.
 *
 * <p>A chat's thread key is {@code chat-<id of its first message>}: the first message, resent
 * before the widget heard that its chat opened, becomes the same contact again instead of a second
 * chat. The idempotency key of a message is its chat's thread key and its client id. Stateless.
 */
public final class ChatContact {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ChatContact() {}

  /** The thread key of the chat whose first message has client id {@code firstClientId}. */
  public static String threadKey(String firstClientId) {
    return "chat-" + firstClientId;
  }

  /** The contact of {@code text} in the chat {@code threadKey} on {@code dealerId}'s site ({@code country} may be null). */
  public static ObjectNode of(String dealerId, String country, String threadKey, String text) {
    ObjectNode contact = JSON.createObjectNode().put("channel", "chat").put("dealerId", dealerId);
    if (country != null) {
      contact.put("country", country);
    }
    contact.putObject("thread").put("key", threadKey);
    return contact.put("text", text);
  }

  /** The idempotency key of the message {@code clientId} in the chat {@code threadKey}. */
  public static String idempotencyKey(String threadKey, String clientId) {
    return threadKey + "/" + clientId;
  }
}
