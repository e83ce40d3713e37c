package io.omniroute.engine.channel.social;

import io.omniroute.engine.EngineException;

/** A dealer registers a channel for another dealer, or would replace another dealer's ({@code 403}). */
public final class PartnerChannelOutOfScopeException extends EngineException {
  PartnerChannelOutOfScopeException(String message) {
    super(message);
  }
}
