package io.omniroute.engine.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Objects;

/**
 * One event on its way to one webhook: pending until an attempt succeeds, or dead (a dead letter)
 * once it was retried for the whole retry period. The event's text never changes, so every attempt
 * sends the same bytes with the same event id. Immutable; each step returns a new delivery.
 *
 * @param webhookId the webhook it goes to
 * @param eventId the CloudEvents id of the event
 * @param type the event's type, for listings
 * @param subject the event's subject (the contact id), for listings
 * @param event the event in the structured JSON mode, exactly as it is sent
 * @param createdAt when it was enqueued (or replayed): it is retried until this plus the retry period
 * @param attempts the attempts that failed so far
 * @param lastAttemptAt when the last failed attempt was made, or {@code null}
 * @param lastError why the last attempt failed, or {@code null}
 * @param deadAt when it went to the dead letters, or {@code null} while it is pending
 */
public record Delivery(
    String webhookId, String eventId, String type, String subject, String event, Instant createdAt, int attempts,
    Instant lastAttemptAt, String lastError, Instant deadAt) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public Delivery {
    Objects.requireNonNull(webhookId, "webhookId");
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(createdAt, "createdAt");
  }

  /** A new, pending delivery of {@code event} (written as {@code json}) to {@code webhookId}. */
  public static Delivery of(String webhookId, WebhookEvent event, String json, Instant at) {
    return new Delivery(webhookId, event.id(), event.type(), event.subject(), json, at, 0, null, null, null);
  }

  /** How stores key it: the webhook id, a space, the event id (neither has spaces). */
  public String key() {
    return key(webhookId, eventId);
  }

  /** The key of the delivery of event {@code eventId} to webhook {@code webhookId}. */
  public static String key(String webhookId, String eventId) {
    return webhookId + " " + eventId;
  }

  /** This delivery after one more failed attempt. */
  public Delivery failed(Instant at, String error) {
    return new Delivery(webhookId, eventId, type, subject, event, createdAt, attempts + 1, at, error, deadAt);
  }

  /** This delivery as a dead letter since {@code at}. */
  public Delivery dead(Instant at) {
    return new Delivery(webhookId, eventId, type, subject, event, createdAt, attempts, lastAttemptAt, lastError, at);
  }

  /** This dead letter pending again from {@code at}, with a fresh retry period; the last error is kept. */
  public Delivery replayed(Instant at) {
    return new Delivery(webhookId, eventId, type, subject, event, at, 0, lastAttemptAt, lastError, null);
  }

  /** As stores keep it. */
  public String toJson() {
    ObjectNode json = JSON.createObjectNode().put("webhookId", webhookId).put("eventId", eventId).put("type", type)
        .put("subject", subject).put("event", event).put("createdAt", createdAt.toString()).put("attempts", attempts);
    if (lastAttemptAt != null) {
      json.put("lastAttemptAt", lastAttemptAt.toString());
    }
    if (lastError != null) {
      json.put("lastError", lastError);
    }
    if (deadAt != null) {
      json.put("deadAt", deadAt.toString());
    }
    return json.toString();
  }

  /** A delivery a store kept with {@link #toJson}. */
  public static Delivery fromJson(String text) {
    try {
      JsonNode json = JSON.readTree(text);
      return new Delivery(json.path("webhookId").asText(), json.path("eventId").asText(), json.path("type").asText(),
          json.path("subject").asText(), json.path("event").asText(), Instant.parse(json.path("createdAt").asText()),
          json.path("attempts").asInt(), instant(json.get("lastAttemptAt")), text(json.get("lastError")),
          instant(json.get("deadAt")));
    } catch (JsonProcessingException | RuntimeException e) {
      throw new IllegalStateException("a stored webhook delivery cannot be read: " + e.getMessage(), e);
    }
  }

  private static Instant instant(JsonNode value) {
    return value == null || value.isNull() ? null : Instant.parse(value.asText());
  }

  private static String text(JsonNode value) {
    return value == null || value.isNull() ? null : value.asText();
  }
}
