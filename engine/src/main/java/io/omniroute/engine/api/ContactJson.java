package io.omniroute.engine.api;

import io.omniroute.engine.queue.ContactRecord;
import io.omniroute.engine.queue.HistoryEvent;
import io.omniroute.rules.Decision;
import io.omniroute.rules.model.Route;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;

/** Renders contacts and decisions as the API's JSON. Stateless. */
public final class ContactJson {
  private ContactJson() {}

  /** The intake answer: id, status, classification, route, trace, rulesVersion. */
  public static JsonObject decision(ContactRecord record) {
    Decision decision = record.decision();
    return new JsonObject()
        .put("id", record.id())
        .put("status", record.status().name())
        .put("classification", classification(decision))
        .put("route", route(decision.route(), record.receivedAt().plus(decision.responseTarget()), decision))
        .put("trace", new JsonArray(decision.trace()))
        .put("rulesVersion", decision.rulesVersion());
  }

  /** The full view: the decision plus the contact as received, where it waits now and its history. */
  public static JsonObject full(ContactRecord record) {
    JsonObject json = decision(record)
        .put("receivedAt", record.receivedAt().toString())
        .put("contact", record.request().toJson())
        .put("current", route(record.route(), record.deadline(), null));
    if (record.agent() != null) {
      json.put("agent", record.agent());
    }
    JsonArray history = new JsonArray();
    for (HistoryEvent event : record.history()) {
      JsonObject item = new JsonObject().put("type", event.type()).put("at", event.at().toString());
      if (event.detail() != null) {
        item.put("detail", event.detail());
      }
      history.add(item);
    }
    return json.put("history", history);
  }

  /** A waiting contact as listed in a queue. */
  public static JsonObject waiting(ContactRecord record, Instant now) {
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

  private static JsonObject route(Route route, Instant deadline, Decision decision) {
    JsonObject json = new JsonObject()
        .put("level", route.level().name())
        .put("queue", route.queue())
        .put("priority", route.priority())
        .put("deadline", deadline.toString());
    if (decision != null) {
      json.put("responseTargetSeconds", decision.responseTarget().toSeconds());
      if (decision.contextDealerId() != null) {
        json.put("contextDealerId", decision.contextDealerId());
      }
    }
    return json;
  }
}
