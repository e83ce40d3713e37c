package io.omniroute.engine.webhook;

import io.omniroute.engine.EngineException;

/**
 * No webhook of that id that the caller may see. A dealer gets this for another dealer's or an
 * administrator's webhook too, so it cannot tell theirs from an unknown one.
 */
public final class WebhookNotFoundException extends EngineException {
  WebhookNotFoundException(String id) {
    super("no webhook with id '" + id + "'");
  }
}
