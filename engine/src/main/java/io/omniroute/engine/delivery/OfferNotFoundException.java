package io.omniroute.engine.delivery;

import io.omniroute.engine.EngineException;

/** No open offer has this id for this caller: it never existed, has ended, or is another dealer's. */
public final class OfferNotFoundException extends EngineException {
  private final String offerId;

  public OfferNotFoundException(String offerId) {
    super("no open offer " + offerId + ": it has ended (accepted, rejected, timed out or withdrawn) or never existed");
    this.offerId = offerId;
  }

  public String offerId() {
    return offerId;
  }
}
