package io.omniroute.engine.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omniroute.engine.delivery.InvalidAgentException.FieldError;
import io.omniroute.rules.model.Channel;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads an agent's profile from its JSON form (a {@code PUT} body, or as a store keeps it) and
 * writes agents back: the one place that says what a well-formed profile is. Reading reports every
 * offending field at once, named as a dotted path with indexes ({@code queues[1]}, {@code
 * capacity.voice}); whether the queues exist is the service's check. Stateless and thread-safe.
 *
 * <pre>
 * {"name": "Sepp Huber", "queues": ["dealer:DE-MUC-001"],
 *  "capacity": {"voice": 1, "chat": 3, "email": 10}, "wrapUpSeconds": 10}
 * </pre>
 *
 * Without {@code wrapUpSeconds} the wrap-up time is 0; a queue given twice counts once.
 */
public final class AgentProfiles {
  /** What an agent id looks like: letters, digits and {@code ._:@-}, 1 to 64 characters. */
  public static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@-]{0,63}");
  public static final int MAX_NAME = 200;
  public static final int MAX_QUEUES = 100;
  public static final int MAX_QUEUE_NAME = 128;
  public static final int MAX_CAPACITY = 100;
  public static final int MAX_WRAP_UP_SECONDS = 3600;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> FIELDS = Set.of("id", "name", "queues", "capacity", "wrapUpSeconds");
  private static final String CHANNELS =
      Arrays.stream(Channel.values()).map(Channel::wireName).sorted().collect(Collectors.joining(", "));

  private AgentProfiles() {}

  /**
   * The profile of {@code body} under {@code id}. A body may repeat the id in an {@code id} field;
   * if it does, it must be the same.
   *
   * @throws InvalidAgentException naming every offending field
   */
  public static AgentProfile read(String id, JsonNode body) {
    List<FieldError> errors = new ArrayList<>();
    if (id == null || !ID.matcher(id).matches()) {
      errors.add(new FieldError("id", "must be 1 to 64 letters, digits or ._:@- starting with a letter or digit"));
    }
    if (body == null || !body.isObject()) {
      errors.add(new FieldError("", "must be a JSON object with name, queues, capacity and wrapUpSeconds"));
      throw new InvalidAgentException(errors);
    }
    body.fieldNames().forEachRemaining(field -> {
      if (!FIELDS.contains(field)) {
        errors.add(new FieldError(field, "is not a field of an agent (allowed: "
            + String.join(", ", FIELDS.stream().sorted().toList()) + ")"));
      }
    });
    JsonNode bodyId = body.get("id");
    if (bodyId != null && !bodyId.isNull() && !(bodyId.isTextual() && bodyId.asText().equals(id))) {
      errors.add(new FieldError("id", "is " + shown(bodyId) + " but the agent is stored as '" + id + "'"));
    }
    String name = name(body.get("name"), errors);
    List<String> queues = queues(body.get("queues"), errors);
    Map<Channel, Integer> capacity = capacity(body.get("capacity"), errors);
    JsonNode wrapUp = body.get("wrapUpSeconds");
    Integer wrapUpSeconds = wrapUp == null || wrapUp.isNull() ? Integer.valueOf(0)
        : wholeNumber(wrapUp, "wrapUpSeconds", 0, MAX_WRAP_UP_SECONDS, errors);
    if (!errors.isEmpty()) {
      throw new InvalidAgentException(errors);
    }
    return new AgentProfile(id, name, queues, capacity, wrapUpSeconds);
  }

  /**
   * The presence of a {@code {"presence": "available"}} body.
   *
   * @throws InvalidAgentException naming the field {@code presence}
   */
  public static Presence presence(String wireName) {
    String given = wireName == null ? "missing" : "'" + wireName + "'";
    return Presence.fromWire(wireName).orElseThrow(() -> new InvalidAgentException(List.of(
        new FieldError("presence", "must be one of available, busy, away, offline, not " + given))));
  }

  /** The JSON form of a profile: id, name, queues, capacity by channel wire name, wrapUpSeconds. */
  public static ObjectNode write(AgentProfile profile) {
    ObjectNode json = JSON.createObjectNode().put("id", profile.id()).put("name", profile.name());
    profile.queues().forEach(json.putArray("queues")::add);
    ObjectNode capacity = json.putObject("capacity");
    profile.capacity().forEach((channel, count) -> capacity.put(channel.wireName(), count));
    return json.put("wrapUpSeconds", profile.wrapUpSeconds());
  }

  /** The JSON form of an agent, as {@code GET /v1/agents/{agentId}} answers it: the profile with its presence. */
  public static ObjectNode write(AgentState agent) {
    ObjectNode node = write(agent.profile())
        .put("presence", agent.presence().wireName())
        .put("presenceSince", agent.presenceSince().toString());
    ObjectNode load = node.putObject("load");
    agent.profile().capacity().keySet().forEach(channel ->
        load.put(channel.wireName(), agent.work().load(channel.wireName())));
    ArrayNode offers = node.putArray("offers");
    agent.work().offers().forEach(offer -> offers.add(write(offer)));
    ArrayNode assignments = node.putArray("assignments");
    agent.work().assignments().forEach(assignment -> assignments.addObject()
        .put("contactId", assignment.contactId())
        .put("channel", assignment.channel())
        .put("since", assignment.since().toString()));
    node.put("wrapUpUntil", agent.work().wrapUpUntil() == null ? null : agent.work().wrapUpUntil().toString());
    return node;
  }

  /** An offer as the API shows it, in agents and in offer events. */
  public static ObjectNode write(Offer offer) {
    return JSON.createObjectNode()
        .put("offerId", offer.id())
        .put("contactId", offer.contactId())
        .put("conversationId", offer.conversationId())
        .put("queue", offer.queue())
        .put("channel", offer.channel())
        .put("agentId", offer.agentId())
        .put("offeredAt", offer.offeredAt().toString())
        .put("expiresAt", offer.expiresAt().toString());
  }

  private static String name(JsonNode value, List<FieldError> errors) {
    if (value == null || value.isNull()) {
      errors.add(new FieldError("name", "is required: how the agent is shown, 1 to " + MAX_NAME + " characters"));
      return null;
    }
    if (!value.isTextual() || value.asText().isBlank() || value.asText().length() > MAX_NAME) {
      errors.add(new FieldError("name", "must be text of 1 to " + MAX_NAME + " characters, not only spaces"));
      return null;
    }
    return value.asText();
  }

  private static List<String> queues(JsonNode values, List<FieldError> errors) {
    if (values == null || values.isNull()) {
      errors.add(new FieldError("queues", "is required: the queues the agent serves, such as [\"dealer:DE-MUC-001\"]"));
      return List.of();
    }
    if (!values.isArray() || values.isEmpty() || values.size() > MAX_QUEUES) {
      errors.add(new FieldError("queues", "must be an array of 1 to " + MAX_QUEUES + " queue names"));
      return List.of();
    }
    Set<String> queues = new LinkedHashSet<>();
    for (int i = 0; i < values.size(); i++) {
      JsonNode value = values.get(i);
      if (!value.isTextual() || value.asText().isEmpty() || value.asText().length() > MAX_QUEUE_NAME) {
        errors.add(new FieldError("queues[" + i + "]", "must be a queue name such as dealer:DE-MUC-001, country:DE,"
            + " expert:ev-battery or central"));
      } else {
        queues.add(value.asText());
      }
    }
    return List.copyOf(queues);
  }

  private static Map<Channel, Integer> capacity(JsonNode values, List<FieldError> errors) {
    Map<Channel, Integer> capacity = new EnumMap<>(Channel.class);
    if (values == null || values.isNull()) {
      errors.add(new FieldError("capacity",
          "is required: contacts at once per channel, such as {\"voice\": 1, \"chat\": 3}"));
      return capacity;
    }
    if (!values.isObject() || values.isEmpty()) {
      errors.add(new FieldError("capacity", "must be an object of at least one channel (" + CHANNELS
          + ") with the contacts the agent takes at once on it"));
      return capacity;
    }
    values.fields().forEachRemaining(entry -> {
      String field = "capacity." + entry.getKey();
      Channel channel = channel(entry.getKey());
      if (channel == null) {
        errors.add(new FieldError(field, "is not a channel (allowed: " + CHANNELS + ")"));
        return;
      }
      Integer count = wholeNumber(entry.getValue(), field, 1, MAX_CAPACITY, errors);
      if (count != null) {
        capacity.put(channel, count);
      }
    });
    return capacity;
  }

  private static Channel channel(String wireName) {
    for (Channel channel : Channel.values()) {
      if (channel.wireName().equals(wireName)) {
        return channel;
      }
    }
    return null;
  }

  private static Integer wholeNumber(JsonNode value, String field, int min, int max, List<FieldError> errors) {
    if (value.isNumber() && value.canConvertToExactIntegral()) {
      BigDecimal number = value.decimalValue();
      if (number.compareTo(BigDecimal.valueOf(min)) >= 0 && number.compareTo(BigDecimal.valueOf(max)) <= 0) {
        return number.intValueExact();
      }
    }
    errors.add(new FieldError(field, "must be a whole number from " + min + " to " + max + ", not " + shown(value)));
    return null;
  }

  /** A value as JSON, shortened to what a message can quote. */
  static String shown(JsonNode value) {
    String text = value.toString();
    return text.length() <= 40 ? text : text.substring(0, 37) + "...";
  }
}
