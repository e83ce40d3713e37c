package io.omniroute.engine.queue;

import io.omniroute.rules.model.Urgency;

/**
 * A conversation as intake needs it to plan a contact's {@link Threading}: its version, its urgency
 * and the contact that carries it now. Immutable.
 *
 * @param customerId the customer it belongs to, or {@code null} for an unidentified sender
 * @param version changes with every change of the conversation or of its open contact
 * @param urgency the highest urgency of its contacts since it was (re)opened
 * @param open the contact that opened or reopened it last, while the store still holds it; {@code
 *     null} when forgotten (then the conversation is closed)
 * @param lastQueue where it was last answered, once closed; {@code null} while open for the first time
 * @param lastAgent who answered it last, once closed; {@code null} when nobody did
 */
public record ConversationState(
    String id, String customerId, long version, Urgency urgency, ContactRecord open, String lastQueue, String lastAgent) {

  /** Whether a contact of it waits or is being answered. */
  public boolean isOpen() {
    return open != null && open.isOpen();
  }

  /** The queue it waits in now, or was last answered in. */
  public String queue() {
    if (isOpen() || lastQueue == null) {
      return open == null ? null : open.route().queue();
    }
    return lastQueue;
  }

  /** The agent who has it now, or answered it last; {@code null} when nobody. */
  public String agent() {
    if (isOpen()) {
      return open.status() == ContactStatus.ASSIGNED ? open.agent() : null;
    }
    return lastAgent;
  }
}
