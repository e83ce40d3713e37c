package io.omniroute.engine.queue.redis;

import io.omniroute.engine.queue.ContactCustomer;
import io.omniroute.engine.queue.ContactPayload;
import io.omniroute.engine.queue.ContactRecord;
import io.omniroute.engine.queue.ContactStatus;
import io.omniroute.engine.queue.HistoryEvent;
import io.omniroute.rules.Decision;
import io.omniroute.rules.model.Classification;
import io.omniroute.rules.model.Knowledge;
import io.omniroute.rules.model.Level;
import io.omniroute.rules.model.Relationship;
import io.omniroute.rules.model.Route;
import io.omniroute.rules.model.Urgency;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link ContactRecord} as the JSON text the Redis store keeps. Lossless: decoding an encoded
 * record gives an equal record (instants and durations as ISO-8601 text, to the nanosecond).
 * Stateless and thread-safe.
 */
final class ContactRecordCodec {
  private ContactRecordCodec() {}

  static String encode(ContactRecord r) {
    Decision d = r.decision();
    JsonArray history = new JsonArray();
    for (HistoryEvent e : r.history()) {
      history.add(new JsonObject().put("type", e.type()).put("at", e.at().toString()).put("detail", e.detail()));
    }
    return new JsonObject()
        .put("id", r.id())
        .put("receivedAt", r.receivedAt().toString())
        .put("request", r.request().toJson())
        .put("channel", r.channel())
        .put("country", r.country())
        .put("decision", new JsonObject()
            .put("knowledge", d.classification().knowledge().name())
            .put("urgency", d.classification().urgency().name())
            .put("topic", d.classification().topic())
            .put("route", route(d.route()))
            .put("contextDealerId", d.contextDealerId())
            .put("responseTarget", d.responseTarget().toString())
            .put("trace", new JsonArray(new ArrayList<>(d.trace())))
            .put("rulesVersion", d.rulesVersion())
            .put("fallback", d.fallback()))
        .put("route", route(r.route()))
        .put("deadline", r.deadline() == null ? null : r.deadline().toString())
        .put("status", r.status().name())
        .put("agent", r.agent())
        .put("history", history)
        .put("customer", new JsonObject()
            .put("id", r.customer().id())
            .put("relationship", r.customer().relationship().name())
            .put("ownerDealerId", r.customer().ownerDealerId()))
        .put("conversationId", r.conversationId())
        .encode();
  }

  static ContactRecord decode(String text) {
    JsonObject j = new JsonObject(text);
    JsonObject d = j.getJsonObject("decision");
    List<String> trace = new ArrayList<>();
    d.getJsonArray("trace").forEach(name -> trace.add((String) name));
    Decision decision = new Decision(
        new Classification(
            Knowledge.valueOf(d.getString("knowledge")), Urgency.valueOf(d.getString("urgency")), d.getString("topic")),
        route(d.getJsonObject("route")),
        d.getString("contextDealerId"),
        Duration.parse(d.getString("responseTarget")),
        trace,
        d.getString("rulesVersion"),
        d.getBoolean("fallback"));
    List<HistoryEvent> history = new ArrayList<>();
    for (Object o : j.getJsonArray("history")) {
      JsonObject e = (JsonObject) o;
      history.add(new HistoryEvent(e.getString("type"), Instant.parse(e.getString("at")), e.getString("detail")));
    }
    String deadline = j.getString("deadline");
    return new ContactRecord(
        j.getString("id"),
        Instant.parse(j.getString("receivedAt")),
        ContactPayload.of(j.getJsonObject("request")),
        j.getString("channel"),
        j.getString("country"),
        decision,
        route(j.getJsonObject("route")),
        deadline == null ? null : Instant.parse(deadline),
        ContactStatus.valueOf(j.getString("status")),
        j.getString("agent"),
        history,
        customer(j.getJsonObject("customer")),
        j.getString("conversationId"));
  }

  private static ContactCustomer customer(JsonObject j) {
    return j == null
        ? null
        : new ContactCustomer(j.getString("id"), Relationship.valueOf(j.getString("relationship")), j.getString("ownerDealerId"));
  }

  private static JsonObject route(Route route) {
    return new JsonObject().put("level", route.level().name()).put("queue", route.queue()).put("priority", route.priority());
  }

  private static Route route(JsonObject j) {
    return new Route(Level.valueOf(j.getString("level")), j.getString("queue"), j.getInteger("priority"));
  }
}
