package io.omniroute.engine.api;

import io.omniroute.engine.queue.ConversationRecord;
import io.omniroute.engine.queue.ConversationState;
import io.omniroute.engine.queue.HistoryEvent;
import io.omniroute.engine.queue.Message;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Renders conversations as the API's JSON. Stateless and thread-safe. */
final class ConversationJson {
  private ConversationJson() {}

  /** The full view: who, where it is now, every message in order and the history of its contacts. */
  static JsonObject full(ConversationRecord conversation) {
    JsonArray messages = new JsonArray();
    conversation.messages().forEach(message -> messages.add(message(message)));
    JsonArray history = new JsonArray();
    for (ConversationRecord.ContactEvent step : conversation.history()) {
      HistoryEvent event = step.event();
      history.add(new JsonObject().put("contactId", step.contactId()).put("type", event.type())
          .put("at", event.at().toString()).put("detail", event.detail()));
    }
    return summary(conversation).put("messages", messages).put("history", history);
  }

  /** One line of a customer's list: who, where it is now, when it was active and what it holds. */
  static JsonObject summary(ConversationRecord conversation) {
    ConversationState state = conversation.state();
    JsonArray channels = new JsonArray();
    conversation.messages().stream().map(Message::channel).distinct().forEach(channels::add);
    return new JsonObject()
        .put("id", conversation.id())
        .put("customerId", state.customerId())
        .put("status", state.isOpen() ? "OPEN" : "CLOSED")
        .put("queue", state.queue())
        .put("agent", state.agent())
        .put("urgency", state.urgency() == null ? null : state.urgency().name())
        .put("contactId", state.open() == null ? null : state.open().id())
        .put("startedAt", conversation.startedAt().toString())
        .put("lastActivityAt", conversation.lastActivityAt().toString())
        .put("channels", channels)
        .put("messageCount", conversation.messages().size());
  }

  private static JsonObject message(Message message) {
    JsonObject json = new JsonObject()
        .put("at", message.at().toString())
        .put("channel", message.channel())
        .put("direction", message.direction().wireName());
    if (message.contactId() != null) {
      json.put("contactId", message.contactId());
    }
    if (message.agent() != null) {
      json.put("agent", message.agent());
    }
    if (message.subject() != null) {
      json.put("subject", message.subject());
    }
    json.put("text", message.text());
    if (message.erased()) {
      json.put("erased", true);
    }
    return json;
  }
}
