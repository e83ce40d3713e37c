package io.omniroute.loadtest.baseline;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The body the baseline server answers every POST with: shaped and sized like the engine's answer
 * to {@code POST /v1/contacts} (about 500 bytes of JSON). Stateless and thread-safe.
 */
public final class FixedAnswer {
  private FixedAnswer() {}

  /** The JSON text; the same on every call. */
  public static String json() {
    return new JsonObject()
        .put("id", "0f8fad5b-d9cb-469f-a165-70867728950e")
        .put("status", "QUEUED")
        .put("classification", new JsonObject()
            .put("knowledge", "SPECIFICATION").put("urgency", "NORMAL").put("topic", "general"))
        .put("route", new JsonObject()
            .put("level", "DEALER")
            .put("queue", "dealer:DE-MUC-001")
            .put("priority", 20)
            .put("deadline", "2026-01-01T12:00:20Z")
            .put("responseTargetSeconds", 20))
        .put("trace", new JsonArray()
            .add("Knowledge: specification by object reference")
            .add("Urgency: normal otherwise")
            .add("Topic: from directory keywords")
            .add("Route: specification to the dealer named on the contact")
            .add("Service level: response target by channel and urgency"))
        .put("rulesVersion", "default-policy@1")
        .encode();
  }
}
