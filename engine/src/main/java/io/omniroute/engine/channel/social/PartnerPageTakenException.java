package io.omniroute.engine.channel.social;

import io.omniroute.engine.EngineException;

/** A page is already registered as another partner channel ({@code 409}). */
public final class PartnerPageTakenException extends EngineException {
  private final String ownerId;

  public PartnerPageTakenException(String network, String page, String ownerId) {
    super("the page '" + page + "' on " + network + " is already registered as partner channel " + ownerId);
    this.ownerId = ownerId;
  }

  /** The id of the channel that has the page. */
  public String ownerId() {
    return ownerId;
  }
}
