package io.omniroute.engine.api;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import io.omniroute.engine.queue.ContactCustomer;
import io.omniroute.engine.queue.ContactRecord;
import io.omniroute.engine.queue.HistoryEvent;
import io.omniroute.rules.Decision;
import io.omniroute.rules.model.Route;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;

/**
 * Renders contacts and decisions as the API's JSON. The answers of the busy operations (a new
 * contact's decision, a contact's full view) are written field by field with Jackson's streaming
 * generator straight into bytes, without building a tree of maps first; the received contact is
 * copied in as the compact JSON it is stored as. Stateless and thread-safe.
 */
public final class ContactJson {
  private static final JsonFactory JSON = new JsonFactory();

  private ContactJson() {}

  /** The intake answer: id, status, classification, route, trace, rulesVersion, customer. */
  public static Buffer decision(ContactRecord record) {
    return write(json -> {
      json.writeStartObject();
      decisionFields(json, record);
      json.writeEndObject();
    });
  }

  /**
   * The intake answer with where the contact's conversation is now: its queue, or the agent who
   * has it ({@code carrier} is the contact that carries the conversation; {@code null} when unknown).
   */
  public static Buffer accepted(ContactRecord record, ContactRecord carrier) {
    return write(json -> {
      json.writeStartObject();
      decisionFields(json, record);
      if (carrier != null) {
        json.writeObjectFieldStart("conversation");
        json.writeStringField("id", record.conversationId());
        json.writeStringField("status", carrier.isOpen() ? "OPEN" : "CLOSED");
        json.writeStringField("contactId", carrier.id());
        json.writeStringField("queue", carrier.route().queue());
        if (carrier.agent() != null) {
          json.writeStringField("agent", carrier.agent());
        }
        json.writeEndObject();
      }
      json.writeEndObject();
    });
  }

  /** The full view: the decision plus the contact as received, where it waits now and its history. */
  public static Buffer full(ContactRecord record) {
    return write(json -> {
      json.writeStartObject();
      decisionFields(json, record);
      json.writeStringField("receivedAt", record.receivedAt().toString());
      json.writeFieldName("contact");
      json.writeRawValue(record.request().json());
      if (record.isErased()) {
        json.writeBooleanField("erased", true);
      }
      json.writeFieldName("current");
      route(json, record.route(), record.deadline(), null);
      if (record.agent() != null) {
        json.writeStringField("agent", record.agent());
      }
      json.writeArrayFieldStart("history");
      for (HistoryEvent event : record.history()) {
        json.writeStartObject();
        json.writeStringField("type", event.type());
        json.writeStringField("at", event.at().toString());
        if (event.detail() != null) {
          json.writeStringField("detail", event.detail());
        }
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
    });
  }

  /** How much of a waiting contact's text its preview shows. */
  static final int PREVIEW_CHARACTERS = 200;

  /**
   * A waiting contact as listed in a queue, with a preview so that an agent sees what waits: the
   * channel, the sender's name when a profile identified them ({@code customerName}, else {@code
   * null}), the subject and the first {@value #PREVIEW_CHARACTERS} characters of the text.
   */
  public static JsonObject waiting(ContactRecord record, Instant now, String customerName) {
    JsonObject request = record.request().toJson();
    String text = request.getString("text");
    JsonObject preview = new JsonObject()
        .put("channel", record.channel())
        .put("customerName", customerName)
        .put("subject", request.getString("subject"))
        .put("text", text == null || text.length() <= PREVIEW_CHARACTERS ? text : text.substring(0, PREVIEW_CHARACTERS));
    return waiting(record, now).put("conversationId", record.conversationId()).put("preview", preview);
  }

  private static JsonObject waiting(ContactRecord record, Instant now) {
    return new JsonObject()
        .put("id", record.id())
        .put("channel", record.channel())
        .put("priority", record.route().priority())
        .put("urgency", record.decision().classification().urgency().name())
        .put("knowledge", record.decision().classification().knowledge().name())
        .put("topic", record.decision().classification().topic())
        .put("receivedAt", record.receivedAt().toString())
        .put("waitSeconds", Math.max(0, Duration.between(record.receivedAt(), now).toSeconds()))
        .put("deadline", record.deadline().toString());
  }

  static JsonObject classification(Decision decision) {
    return new JsonObject()
        .put("knowledge", decision.classification().knowledge().name())
        .put("urgency", decision.classification().urgency().name())
        .put("topic", decision.classification().topic());
  }

  private static void decisionFields(JsonGenerator json, ContactRecord record) throws IOException {
    Decision decision = record.decision();
    json.writeStringField("id", record.id());
    json.writeStringField("conversationId", record.conversationId());
    json.writeStringField("status", record.status().name());
    json.writeObjectFieldStart("classification");
    json.writeStringField("knowledge", decision.classification().knowledge().name());
    json.writeStringField("urgency", decision.classification().urgency().name());
    json.writeStringField("topic", decision.classification().topic());
    json.writeEndObject();
    json.writeFieldName("route");
    route(json, decision.route(), record.receivedAt().plus(decision.responseTarget()), decision);
    json.writeArrayFieldStart("trace");
    for (String step : decision.trace()) {
      json.writeString(step);
    }
    json.writeEndArray();
    json.writeStringField("rulesVersion", decision.rulesVersion());
    ContactCustomer customer = record.customer();
    json.writeObjectFieldStart("customer");
    json.writeStringField("id", customer.id());
    json.writeStringField("identification", customer.identification().name());
    json.writeStringField("relationship", customer.relationship().wireName());
    json.writeStringField("ownerDealerId", customer.ownerDealerId());
    json.writeEndObject();
  }

  private static void route(JsonGenerator json, Route route, Instant deadline, Decision decision) throws IOException {
    json.writeStartObject();
    json.writeStringField("level", route.level().name());
    json.writeStringField("queue", route.queue());
    json.writeNumberField("priority", route.priority());
    if (deadline != null) {
      json.writeStringField("deadline", deadline.toString());
    }
    if (decision != null) {
      json.writeNumberField("responseTargetSeconds", decision.responseTarget().toSeconds());
      if (decision.contextDealerId() != null) {
        json.writeStringField("contextDealerId", decision.contextDealerId());
      }
    }
    json.writeEndObject();
  }

  private static Buffer write(Body body) {
    try (ByteArrayBuilder bytes = new ByteArrayBuilder(1024)) {
      try (JsonGenerator json = JSON.createGenerator(bytes, JsonEncoding.UTF8)) {
        body.writeTo(json);
      }
      return Buffer.buffer(bytes.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException("writing JSON to memory failed", e);
    }
  }

  @FunctionalInterface
  private interface Body {
    void writeTo(JsonGenerator json) throws IOException;
  }
}
