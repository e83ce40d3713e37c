package io.omniroute.engine.queue.redis;

import io.omniroute.engine.queue.ContactRecord;
import io.omniroute.engine.queue.ContactStatus;
import io.omniroute.engine.queue.ConversationRecord;
import io.omniroute.engine.queue.ConversationState;
import io.omniroute.engine.queue.Message;
import io.omniroute.rules.model.Urgency;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the Redis store makes of the hashes and lists its reads and {@link Scripts} answer: contact
 * records with their recorded claim applied, conversation states and whole conversations. Stateless
 * and thread-safe.
 */
final class ScriptReplies {
  private ScriptReplies() {}

  /** A hash as a script answers it ({@code HGETALL}: field, value, field, value...). */
  static Map<String, String> hash(Object flat) {
    List<?> items = (List<?>) flat;
    Map<String, String> hash = new HashMap<>(items.size());
    for (int i = 0; i + 1 < items.size(); i += 2) {
      hash.put((String) items.get(i), (String) items.get(i + 1));
    }
    return hash;
  }

  /** The stored contact with a claim applied that a script recorded in hash fields only; empty for an empty hash. */
  static Optional<ContactRecord> contact(Map<String, String> hash) {
    if (hash.isEmpty()) {
      return Optional.empty();
    }
    ContactRecord stored = ContactRecordCodec.decode(hash.get("json"));
    if ("ASSIGNED".equals(hash.get("status")) && stored.status() == ContactStatus.QUEUED) {
      return Optional.of(stored.assigned(hash.get("agent"), Instant.parse(hash.get("claimedAt"))));
    }
    return Optional.of(stored);
  }

  /** The conversation {@code id} from its hash and the hash of the contact that carries it. */
  static ConversationState state(String id, Map<String, String> conversation, Map<String, String> open) {
    return new ConversationState(
        id, text(conversation, "customer"), Long.parseLong(conversation.get("version")),
        Urgency.valueOf(conversation.get("urgency")), contact(open).orElse(null), text(conversation, "lastQueue"),
        text(conversation, "lastAgent"));
  }

  /**
   * The conversation {@code id} from a reply {conversation hash, open contact's hash, messages'
   * JSON, held contacts' hashes}; empty for an empty reply (no such conversation).
   */
  static Optional<ConversationRecord> conversation(String id, List<?> reply) {
    if (reply.isEmpty()) {
      return Optional.empty();
    }
    Map<String, String> conversation = hash(reply.get(0));
    List<Message> messages = new ArrayList<>();
    for (Object json : (List<?>) reply.get(2)) {
      messages.add(MessageCodec.decode((String) json));
    }
    List<ContactRecord> contacts = new ArrayList<>();
    for (Object contact : (List<?>) reply.get(3)) {
      contact(hash(contact)).ifPresent(contacts::add);
    }
    return Optional.of(new ConversationRecord(
        state(id, conversation, hash(reply.get(1))), Instant.parse(conversation.get("startedAt")),
        Instant.parse(conversation.get("lastActivityAt")), messages, contacts));
  }

  /** A hash field that is absent or empty as {@code null}. */
  private static String text(Map<String, String> hash, String field) {
    String value = hash.get(field);
    return value == null || value.isEmpty() ? null : value;
  }
}
