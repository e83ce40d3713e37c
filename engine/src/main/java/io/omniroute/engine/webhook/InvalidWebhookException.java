package io.omniroute.engine.webhook;

import io.omniroute.engine.EngineException;
import java.util.List;

/**
 * A webhook that cannot be stored as given: every offending field of its body with what is wrong
 * ({@code 400}). Immutable.
 */
public final class InvalidWebhookException extends EngineException {
  /** One offending field, named as a dotted path with indexes ({@code events[1]}). */
  public record FieldError(String field, String message) {
    @Override
    public String toString() {
      return field + ": " + message;
    }
  }

  private final List<FieldError> errors;

  InvalidWebhookException(List<FieldError> errors) {
    super(errors.size() == 1 ? errors.get(0).toString() : errors.size() + " fields are invalid: " + errors);
    this.errors = List.copyOf(errors);
  }

  public List<FieldError> errors() {
    return errors;
  }
}
