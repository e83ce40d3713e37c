package io.omniroute.engine.webhook;

import io.omniroute.engine.EngineException;

/**
 * A dealer asked for events of a queue that is not its own, or would replace a webhook that is
 * not its own ({@code 403}).
 */
public final class WebhookOutOfScopeException extends EngineException {
  WebhookOutOfScopeException(String message) {
    super(message);
  }
}
