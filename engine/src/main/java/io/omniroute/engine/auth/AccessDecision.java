package io.omniroute.engine.auth;

/** What {@link AccessPolicy} answers for one caller and one operation. */
public enum AccessDecision {
  /** The caller may call the operation. */
  ALLOW,
  /** The caller may not: {@code 403}. */
  DENY,
  /**
   * A dealer on an operation on one contact ({@code completeContact}): allowed only when the
   * contact's current queue is the caller's own {@code dealer:<id>} queue, which only the handler
   * can tell after loading the contact ({@link io.omniroute.engine.contact.Caller#mayActOnContactIn}).
   */
  ALLOW_OWN_DEALER_CONTACT;

  /** ALLOW over ALLOW_OWN_DEALER_CONTACT over DENY: what a caller with two roles gets. */
  AccessDecision or(AccessDecision other) {
    return rank() >= other.rank() ? this : other;
  }

  private int rank() {
    return switch (this) {
      case ALLOW -> 2;
      case ALLOW_OWN_DEALER_CONTACT -> 1;
      case DENY -> 0;
    };
  }
}
