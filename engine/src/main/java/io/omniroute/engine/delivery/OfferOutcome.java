package io.omniroute.engine.delivery;

import java.util.Locale;

/** How an offer ended. Wire names are the lower-case constant names without underscores. */
public enum OfferOutcome {
  /** The agent took the contact: it is assigned to them. */
  ACCEPTED,
  /** The agent declined it, with a reason; it is offered to the next eligible agent. */
  REJECTED,
  /** Nobody answered within the offer timeout; it is offered to the next eligible agent. */
  TIMED_OUT,
  /** The engine took it back: the contact escalated, moved, or ended while the offer was open. */
  WITHDRAWN;

  /** The name on the wire and in event types: {@code accepted}, {@code rejected}, {@code timedout}, {@code withdrawn}. */
  public String wireName() {
    return name().replace("_", "").toLowerCase(Locale.ROOT);
  }
}
