package io.omniroute.engine.intake;

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

  public static Contact toContact(JsonObject body) {
    JsonObject from = body.getJsonObject("from", new JsonObject());
    return Contact.builder(Channel.fromWire(body.getString("channel")))
        .phone(from.getString("phone"))
        .email(from.getString("email"))
        .handle(from.getString("handle"))
        .network(from.getString("network"))
        .customerId(body.getString("customerId"))
        .country(body.getString("country"))
        .dealerId(body.getString("dealerId"))
        .language(body.getString("language"))
        .subject(body.getString("subject"))
        .text(body.getString("text"))
        .references(strings(body.getJsonObject("references")))
        .publicPost(body.getBoolean("public", false))
        .attributes(strings(body.getJsonObject("attributes")))
        .build();
  }

  private static Map<String, String> strings(JsonObject object) {
    if (object == null) {
      return Map.of();
    }
    Map<String, String> values = new LinkedHashMap<>();
    object.forEach(entry -> values.put(entry.getKey(), String.valueOf(entry.getValue())));
    return values;
  }
}
