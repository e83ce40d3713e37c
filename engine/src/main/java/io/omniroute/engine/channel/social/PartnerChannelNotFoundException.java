package io.omniroute.engine.channel.social;

import io.omniroute.engine.EngineException;

/** No partner channel with this id, or none the caller may see ({@code 404}). */
public final class PartnerChannelNotFoundException extends EngineException {
  PartnerChannelNotFoundException(String id) {
    super("no partner channel '" + id + "'");
  }
}
