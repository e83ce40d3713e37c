package io.omniroute.engine.queue.redis;

import io.omniroute.engine.queue.Message;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * A conversation's {@link Message} as the JSON text the Redis store keeps in the conversation's
 * message list. Lossless: decoding an encoded message gives an equal message (the time as ISO-8601
 * text, to the nanosecond). The erasure script edits this text in Lua ({@link Scripts#ERASE_CONVERSATIONS}),
 * so the field names are part of the stored format. Stateless and thread-safe.
 */
final class MessageCodec {
  private MessageCodec() {}

  static String encode(Message m) {
    return new JsonObject()
        .put("contactId", m.contactId())
        .put("at", m.at().toString())
        .put("channel", m.channel())
        .put("direction", m.direction().name())
        .put("subject", m.subject())
        .put("text", m.text())
        .put("agent", m.agent())
        .put("erased", m.erased())
        .encode();
  }

  static Message decode(String text) {
    JsonObject j = new JsonObject(text);
    return new Message(
        j.getString("contactId"),
        Instant.parse(j.getString("at")),
        j.getString("channel"),
        Message.Direction.valueOf(j.getString("direction")),
        j.getString("subject"),
        j.getString("text"),
        j.getString("agent"),
        j.getBoolean("erased", false));
  }
}
