package io.omniroute.engine.webhook;

import io.omniroute.engine.EngineException;
import io.omniroute.engine.webhook.InvalidWebhookException.FieldError;
import java.util.List;

/**
 * A well-formed webhook that the engine will not deliver to ({@code 422}): its URL is not http or
 * https, does not resolve, or reaches an address receivers may not have (loopback, private,
 * link-local, a cloud metadata service, ...), or a queue of its filter is not a queue of the
 * directory. Each reason names its field and what to change. Immutable.
 */
public final class WebhookRefusedException extends EngineException {
  private final List<FieldError> errors;

  WebhookRefusedException(List<FieldError> errors) {
    super(String.join("; ", errors.stream().map(FieldError::toString).toList()));
    this.errors = List.copyOf(errors);
  }

  public List<FieldError> errors() {
    return errors;
  }
}
