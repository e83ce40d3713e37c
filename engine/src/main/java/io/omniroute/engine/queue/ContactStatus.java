package io.omniroute.engine.queue;

/**
 * The life cycle of a contact: {@code QUEUED -> ASSIGNED -> COMPLETED}, and {@code ABANDONED}
 * from {@code QUEUED} or {@code ASSIGNED} when the customer gives up. While an offer of it to an
 * agent is open, a queued contact is {@code OFFERED}: reserved for that agent, out of its queue's
 * serve order; it becomes {@code ASSIGNED} when the agent accepts and {@code QUEUED} again when the
 * offer ends otherwise. A follow-up that joined its
 * open conversation is {@code JOINED} from the start: the conversation's waiting or assigned
 * contact carries the matter, and the follow-up is one of its messages.
 */
public enum ContactStatus {
  QUEUED, OFFERED, ASSIGNED, COMPLETED, ABANDONED, JOINED;

  /** Whether a contact in this status may move to {@code next}. */
  public boolean canMoveTo(ContactStatus next) {
    return switch (this) {
      case QUEUED -> next == ASSIGNED || next == ABANDONED || next == OFFERED;
      case OFFERED -> next == ASSIGNED || next == QUEUED;
      case ASSIGNED -> next == COMPLETED || next == ABANDONED;
      case COMPLETED, ABANDONED, JOINED -> false;
    };
  }
}
