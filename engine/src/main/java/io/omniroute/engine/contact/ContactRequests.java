package io.omniroute.engine.contact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omniroute.rules.model.Channel;
import io.omniroute.rules.model.Contact;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Maps a {@code POST /v1/contacts} body, already validated against the OpenAPI schema, to the
 * rules' {@link Contact}. Stateless.
 */
public final class ContactRequests {
  private ContactRequests() {}

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The contact of a body as the engine parsed it. */
  public static Contact toContact(JsonNode body) {
    JsonNode from = body.path("from");
    return Contact.builder(Channel.fromWire(body.path("channel").asText()))
        .phone(text(from, "phone"))
        .email(text(from, "email"))
        .handle(text(from, "handle"))
        .network(text(from, "network"))
        .customerId(text(body, "customerId"))
        .country(text(body, "country"))
        .dealerId(text(body, "dealerId"))
        .language(text(body, "language"))
        .subject(text(body, "subject"))
        .text(text(body, "text"))
        .references(strings(body.get("references")))
        .publicPost(body.path("public").asBoolean(false))
        .attributes(strings(body.get("attributes")))
        .build();
  }

  /** The contact of a body given as a Vert.x object. */
  public static Contact toContact(JsonObject body) {
    return toContact(JSON.<JsonNode>valueToTree(body.getMap()));
  }

  private static String text(JsonNode object, String field) {
    JsonNode value = object.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static Map<String, String> strings(JsonNode object) {
    if (object == null || !object.isObject()) {
      return Map.of();
    }
    Map<String, String> values = new LinkedHashMap<>();
    object.fields().forEachRemaining(entry -> values.put(entry.getKey(), entry.getValue().asText()));
    return values;
  }
}
