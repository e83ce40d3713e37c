package io.omniroute.engine.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omniroute.engine.webhook.InvalidWebhookException.FieldError;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a webhook from its {@code PUT} body and writes webhooks back, both as the API shows them
 * (without the secret) and as a store keeps them (with it): the one place that says what a
 * well-formed webhook is. Reading reports every offending field at once. Stateless and thread-safe.
 *
 * <pre>
 * {"url": "https://crm.example.com/omniroute", "secret": "a long random string",
 *  "events": ["io.omniroute.contact.queued"], "queues": ["dealer:DE-MUC-001"]}
 * </pre>
 */
public final class WebhookJson {
  /** What a webhook id looks like: letters, digits and {@code ._:@-}, 1 to 64 characters. */
  public static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@-]{0,63}");
  public static final int MAX_URL = 2048;
  public static final int MIN_SECRET = 16;
  public static final int MAX_SECRET = 256;
  public static final int MAX_QUEUES = 100;
  public static final int MAX_QUEUE_NAME = 128;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> FIELDS = Set.of("id", "url", "secret", "events", "queues");

  private WebhookJson() {}

  /** What a {@code PUT} asks for: the webhook without what the engine adds. */
  public record Draft(String id, String url, String secret, List<String> events, List<String> queues) {}

  /**
   * The webhook {@code id} of a {@code PUT} body. A body may repeat the id in an {@code id} field;
   * if it does, it must be the same.
   *
   * @throws InvalidWebhookException naming every offending field
   */
  public static Draft read(String id, JsonNode body) {
    List<FieldError> errors = new ArrayList<>();
    if (id == null || !ID.matcher(id).matches()) {
      errors.add(new FieldError("id", "must be 1 to 64 letters, digits or ._:@- starting with a letter or digit"));
    }
    if (body == null || !body.isObject()) {
      errors.add(new FieldError("", "must be a JSON object with url, secret and optionally events and queues"));
      throw new InvalidWebhookException(errors);
    }
    body.fieldNames().forEachRemaining(field -> {
      if (!FIELDS.contains(field)) {
        errors.add(new FieldError(field, "is not a field of a webhook (allowed: events, id, queues, secret, url)"));
      }
    });
    JsonNode bodyId = body.get("id");
    if (bodyId != null && !bodyId.isNull() && !(bodyId.isTextual() && bodyId.asText().equals(id))) {
      errors.add(new FieldError("id", "is " + shown(bodyId) + " but the webhook is stored as '" + id + "'"));
    }
    String url = text(body.get("url"), "url", 1, MAX_URL,
        "the receiver's http or https URL, such as https://crm.example.com/omniroute", errors);
    String secret = text(body.get("secret"), "secret", MIN_SECRET, MAX_SECRET,
        "the key that signs each request, " + MIN_SECRET + " to " + MAX_SECRET
            + " characters (make one with: openssl rand -hex 32)", errors);
    List<String> events = list(body.get("events"), "events", WebhookEvent.TYPES.size(), errors, (value, field) -> {
      if (!WebhookEvent.TYPES.contains(value)) {
        errors.add(new FieldError(field, "is not an event type (allowed: " + String.join(", ", WebhookEvent.TYPES) + ")"));
        return false;
      }
      return true;
    });
    List<String> queues = list(body.get("queues"), "queues", MAX_QUEUES, errors, (value, field) -> {
      if (value.isEmpty() || value.length() > MAX_QUEUE_NAME) {
        errors.add(new FieldError(field, "must be a queue name such as dealer:DE-MUC-001, country:DE,"
            + " expert:ev-battery or central"));
        return false;
      }
      return true;
    });
    if (!errors.isEmpty()) {
      throw new InvalidWebhookException(errors);
    }
    return new Draft(id, url, secret, events, queues);
  }

  /** The webhook as the API shows it: everything but the secret, of which only that it is set. */
  public static ObjectNode write(Webhook webhook) {
    ObjectNode json = JSON.createObjectNode().put("id", webhook.id()).put("url", webhook.url())
        .put("secretSet", !webhook.secret().isEmpty());
    webhook.events().forEach(json.putArray("events")::add);
    webhook.queues().forEach(json.putArray("queues")::add);
    ArrayNode restricted = json.putArray("restrictedTo");
    webhook.restrictedTo().forEach(restricted::add);
    return json.put("createdBy", webhook.createdBy())
        .put("createdAt", webhook.createdAt().toString())
        .put("updatedAt", webhook.updatedAt().toString());
  }

  /** The webhook as a store keeps it: {@link #write} with the secret. */
  public static String stored(Webhook webhook) {
    return write(webhook).put("secret", webhook.secret()).toString();
  }

  /** A webhook a store kept with {@link #stored}. */
  public static Webhook fromStored(String json) {
    try {
      JsonNode node = JSON.readTree(json);
      return new Webhook(node.path("id").asText(), node.path("url").asText(), node.path("secret").asText(),
          strings(node.path("events")), strings(node.path("queues")), strings(node.path("restrictedTo")),
          node.path("createdBy").asText(), Instant.parse(node.path("createdAt").asText()),
          Instant.parse(node.path("updatedAt").asText()));
    } catch (JsonProcessingException | RuntimeException e) {
      throw new IllegalStateException("a stored webhook cannot be read: " + e.getMessage(), e);
    }
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>(array.size());
    array.forEach(value -> values.add(value.asText()));
    return values;
  }

  private static String text(JsonNode value, String field, int min, int max, String what, List<FieldError> errors) {
    if (value == null || value.isNull()) {
      errors.add(new FieldError(field, "is required: " + what));
      return null;
    }
    if (!value.isTextual() || value.asText().length() < min || value.asText().length() > max
        || value.asText().isBlank()) {
      errors.add(new FieldError(field, "must be text of " + min + " to " + max + " characters: " + what));
      return null;
    }
    return value.asText();
  }

  private interface Check {
    boolean accept(String value, String field);
  }

  private static List<String> list(JsonNode values, String field, int max, List<FieldError> errors, Check check) {
    if (values == null || values.isNull()) {
      return List.of();
    }
    if (!values.isArray() || values.size() > max) {
      errors.add(new FieldError(field, "must be an array of at most " + max + " names; leave it out for all"));
      return List.of();
    }
    Set<String> accepted = new LinkedHashSet<>();
    for (int i = 0; i < values.size(); i++) {
      JsonNode value = values.get(i);
      String at = field + "[" + i + "]";
      if (!value.isTextual()) {
        errors.add(new FieldError(at, "must be text, not " + shown(value)));
      } else if (check.accept(value.asText(), at)) {
        accepted.add(value.asText());
      }
    }
    return List.copyOf(accepted);
  }

  private static String shown(JsonNode value) {
    String text = value.toString();
    return text.length() <= 40 ? text : text.substring(0, 37) + "...";
  }
}
