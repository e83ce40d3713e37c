package io.omniroute.engine.queue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A conversation as the store keeps it: one matter across channels and time, with every message
 * in order and the contacts of it that the store still holds. Immutable.
 *
 * @param state its customer, version, urgency and the contact that carries it
 * @param startedAt when its first contact arrived
 * @param lastActivityAt when its last message arrived or it last changed
 * @param messages every message, oldest first
 * @param contacts its contacts still held, oldest first (finished ones are forgotten after the
 *     store's retention)
 */
public record ConversationRecord(
    ConversationState state, Instant startedAt, Instant lastActivityAt, List<Message> messages,
    List<ContactRecord> contacts) {

  public ConversationRecord {
    Objects.requireNonNull(state, "state");
    messages = List.copyOf(messages);
    contacts = List.copyOf(contacts);
  }

  public String id() {
    return state.id();
  }

  /** Every history event of its contacts, in time order, each with its contact's id. */
  public List<ContactEvent> history() {
    List<ContactEvent> events = new ArrayList<>();
    for (ContactRecord contact : contacts) {
      contact.history().forEach(event -> events.add(new ContactEvent(contact.id(), event)));
    }
    events.sort(Comparator.comparing((ContactEvent e) -> e.event().at()));
    return events;
  }

  /** One step of one of its contacts. */
  public record ContactEvent(String contactId, HistoryEvent event) {}
}
