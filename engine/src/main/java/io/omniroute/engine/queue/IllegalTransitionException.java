package io.omniroute.engine.queue;

/** A status change the contact's life cycle does not allow, such as completing a queued contact. */
public class IllegalTransitionException extends QueueStoreException {
  private final ContactStatus from;
  private final ContactStatus to;

  public IllegalTransitionException(String id, ContactStatus from, ContactStatus to) {
    super("contact " + id + " is " + from + " and cannot become " + to);
    this.from = from;
    this.to = to;
  }

  public ContactStatus from() {
    return from;
  }

  public ContactStatus to() {
    return to;
  }
}
