package io.omniroute.engine.auth;

/** What {@link AccessPolicy} answers for one caller and one operation. */
public enum AccessDecision {
  /** The caller may call the operation. */
  ALLOW,
  /** The caller may not: {@code 403}. */
  DENY,
  /**
   * Allowed on what the caller's roles own, which only the service can tell once it has loaded
   * the thing: contacts in its own {@code dealer:<id>} queue ({@code completeContact} by a dealer),
   * customers of its country ({@code supervisor:CC}) or owned by its dealer ({@code dealer:<id>}).
   * The service answers anything else exactly as an unknown id.
   */
  ALLOW_OWN;

  /** ALLOW over ALLOW_OWN over DENY: what a caller with two roles gets. */
  AccessDecision or(AccessDecision other) {
    return rank() >= other.rank() ? this : other;
  }

  private int rank() {
    return switch (this) {
      case ALLOW -> 2;
      case ALLOW_OWN -> 1;
      case DENY -> 0;
    };
  }
}
