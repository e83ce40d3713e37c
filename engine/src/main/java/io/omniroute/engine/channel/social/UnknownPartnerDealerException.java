package io.omniroute.engine.channel.social;

import io.omniroute.engine.EngineException;

/** A partner channel names a dealer that the directory does not know ({@code 422}). */
public final class UnknownPartnerDealerException extends EngineException {
  private final String dealerId;

  UnknownPartnerDealerException(String dealerId) {
    super("no dealer '" + dealerId + "' in the directory");
    this.dealerId = dealerId;
  }

  public String dealerId() {
    return dealerId;
  }
}
