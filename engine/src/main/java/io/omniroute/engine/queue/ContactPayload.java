package io.omniroute.engine.queue;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.json.JsonObject;
import java.util.Objects;

/**
 * The contact as received, kept as its compact JSON text. A stored contact lives for hours, so it
 * keeps one string instead of a tree of maps: the garbage collector copies one object per contact
 * instead of dozens, which keeps young-generation pauses short under load. Immutable and
 * thread-safe; {@link #toJson()} gives each caller its own copy.
 */
public final class ContactPayload {
  private static final ContactPayload EMPTY = new ContactPayload("{}");

  private final String json;

  private ContactPayload(String json) {
    this.json = json;
  }

  /** The payload of a received contact; later changes to {@code body} do not reach it. */
  public static ContactPayload of(JsonObject body) {
    return new ContactPayload(body.encode());
  }

  /** The payload of a received contact as the engine parsed it. */
  public static ContactPayload of(JsonNode body) {
    return new ContactPayload(body.toString());
  }

  /** The payload whose compact JSON text, as {@link #json()} gave it, is {@code json}. */
  public static ContactPayload ofJsonText(String json) {
    return new ContactPayload(json);
  }

  /** The payload of a contact that carried nothing worth keeping. */
  public static ContactPayload empty() {
    return EMPTY;
  }

  /** The contact as a new JSON object that the caller may change. */
  public JsonObject toJson() {
    return new JsonObject(json);
  }

  /** The compact JSON text. */
  public String json() {
    return json;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ContactPayload p && p.json.equals(json);
  }

  @Override
  public int hashCode() {
    return json.hashCode();
  }

  @Override
  public String toString() {
    return json;
  }
}
