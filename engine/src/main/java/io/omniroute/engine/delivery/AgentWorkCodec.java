package io.omniroute.engine.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An agent's {@link AgentWork} and {@link Offer}s as the Redis store keeps them: compact JSON with
 * ISO-8601 times. Lossless: {@code read(write(w))} equals {@code w}. Stateless and thread-safe.
 */
final class AgentWorkCodec {
  private static final ObjectMapper JSON = new ObjectMapper();

  private AgentWorkCodec() {}

  static String write(AgentWork work) {
    ObjectNode node = JSON.createObjectNode();
    ArrayNode offers = node.putArray("offers");
    work.offers().forEach(offer -> offers.add(offer(offer)));
    ArrayNode assignments = node.putArray("assignments");
    work.assignments().forEach(assignment -> assignments.addObject()
        .put("contactId", assignment.contactId())
        .put("channel", assignment.channel())
        .put("since", assignment.since().toString()));
    putTime(node, "wrapUpUntil", work.wrapUpUntil());
    putTime(node, "idleSince", work.idleSince());
    putTime(node, "lastOfferedAt", work.lastOfferedAt());
    node.put("missedInARow", work.missedInARow());
    return node.toString();
  }

  /** The work of its stored JSON; {@link AgentWork#NONE} for {@code null} or empty text (an agent without work yet). */
  static AgentWork read(String json) {
    if (json == null || json.isEmpty()) {
      return AgentWork.NONE;
    }
    try {
      JsonNode node = JSON.readTree(json);
      List<Offer> offers = new ArrayList<>();
      node.path("offers").forEach(offer -> offers.add(offer(offer)));
      List<AgentWork.Assignment> assignments = new ArrayList<>();
      node.path("assignments").forEach(assignment -> assignments.add(new AgentWork.Assignment(
          assignment.path("contactId").asText(), assignment.path("channel").asText(),
          Instant.parse(assignment.path("since").asText()))));
      return new AgentWork(offers, assignments, time(node, "wrapUpUntil"), time(node, "idleSince"),
          time(node, "lastOfferedAt"), node.path("missedInARow").asInt());
    } catch (JsonProcessingException | RuntimeException e) {
      throw new IllegalStateException("the stored work of an agent cannot be read: " + e.getMessage(), e);
    }
  }

  private static ObjectNode offer(Offer offer) {
    return JSON.createObjectNode()
        .put("id", offer.id())
        .put("contactId", offer.contactId())
        .put("conversationId", offer.conversationId())
        .put("queue", offer.queue())
        .put("channel", offer.channel())
        .put("agentId", offer.agentId())
        .put("offeredAt", offer.offeredAt().toString())
        .put("expiresAt", offer.expiresAt().toString());
  }

  private static Offer offer(JsonNode node) {
    return new Offer(node.path("id").asText(), node.path("contactId").asText(), node.path("conversationId").asText(),
        node.path("queue").asText(), node.path("channel").asText(), node.path("agentId").asText(),
        Instant.parse(node.path("offeredAt").asText()), Instant.parse(node.path("expiresAt").asText()));
  }

  private static void putTime(ObjectNode node, String field, Instant time) {
    if (time != null) {
      node.put(field, time.toString());
    }
  }

  private static Instant time(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : Instant.parse(value.asText());
  }
}
