package io.omniroute.engine.customer;

import io.omniroute.engine.EngineException;

/** A profile claims an identity that already belongs to another customer; nothing was stored. */
public final class IdentityConflictException extends EngineException {
  private final Identity identity;
  private final String otherCustomerId;

  public IdentityConflictException(Identity identity, String otherCustomerId) {
    super("identity " + identity + " already belongs to customer " + otherCustomerId);
    this.identity = identity;
    this.otherCustomerId = otherCustomerId;
  }

  public Identity identity() {
    return identity;
  }

  public String otherCustomerId() {
    return otherCustomerId;
  }
}
