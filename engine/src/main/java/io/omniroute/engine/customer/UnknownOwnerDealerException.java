package io.omniroute.engine.customer;

import io.omniroute.engine.EngineException;

/** A profile names an owner dealer that the directory does not know. */
public final class UnknownOwnerDealerException extends EngineException {
  private final String dealerId;

  UnknownOwnerDealerException(String dealerId) {
    super("no dealer '" + dealerId + "' in the directory");
    this.dealerId = dealerId;
  }

  public String dealerId() {
    return dealerId;
  }
}
