package io.omniroute.engine.webhook;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A registered receiver of contact events: where to send them, the secret that signs them, and
 * which of them it wants. Immutable.
 *
 * @param id the webhook's id, chosen by whoever registers it
 * @param url the receiver, {@code http} or {@code https}
 * @param secret the key of the signature's HMAC; never shown back through the API
 * @param events the event types it wants; empty: every type
 * @param queues the queues whose events it wants; empty: every queue its owner may see
 * @param restrictedTo the dealer queues ({@code dealer:<id>}) it is limited to, for a webhook a
 *     dealer registered: it gets only events of contacts in these queues, and only these dealers
 *     see and change it; empty for a webhook an administrator or supervisor registered, which sees
 *     everything. Kept when an administrator replaces a dealer's webhook.
 * @param createdBy the name of the token that registered it
 * @param createdAt when it was registered
 * @param updatedAt when it was last replaced (or registered)
 */
public record Webhook(
    String id, String url, String secret, List<String> events, List<String> queues, List<String> restrictedTo,
    String createdBy, Instant createdAt, Instant updatedAt) {
  public Webhook {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(secret, "secret");
    events = List.copyOf(events);
    queues = List.copyOf(queues);
    restrictedTo = List.copyOf(restrictedTo);
    Objects.requireNonNull(createdBy, "createdBy");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
  }

  /** Whether an event of {@code type} about a contact in {@code eventQueues} goes to this webhook. */
  public boolean wants(String type, Set<String> eventQueues) {
    return (events.isEmpty() || events.contains(type))
        && (restrictedTo.isEmpty() || anyIn(restrictedTo, eventQueues))
        && (queues.isEmpty() || anyIn(queues, eventQueues));
  }

  private static boolean anyIn(List<String> wanted, Set<String> present) {
    for (String queue : wanted) {
      if (present.contains(queue)) {
        return true;
      }
    }
    return false;
  }
}
