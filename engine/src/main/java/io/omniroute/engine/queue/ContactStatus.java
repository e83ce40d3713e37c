package io.omniroute.engine.queue;

/**
 * The life cycle of a contact: {@code QUEUED -> ASSIGNED -> COMPLETED}, and {@code ABANDONED}
 * from {@code QUEUED} or {@code ASSIGNED} when the customer gives up. A follow-up that joined its
 * open conversation is {@code JOINED} from the start: the conversation's waiting or assigned
 * contact carries the matter, and the follow-up is one of its messages.
 */
public enum ContactStatus {
  QUEUED, ASSIGNED, COMPLETED, ABANDONED, JOINED;

  /** Whether a contact in this status may move to {@code next}. */
  public boolean canMoveTo(ContactStatus next) {
    return switch (this) {
      case QUEUED -> next == ASSIGNED || next == ABANDONED;
      case ASSIGNED -> next == COMPLETED || next == ABANDONED;
      case COMPLETED, ABANDONED, JOINED -> false;
    };
  }
}
