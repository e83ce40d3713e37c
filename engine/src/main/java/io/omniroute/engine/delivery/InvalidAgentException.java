package io.omniroute.engine.delivery;

import io.omniroute.engine.EngineException;
import java.util.List;

/** An agent or a presence that cannot be stored as given: every offending field with what is wrong. */
public final class InvalidAgentException extends EngineException {
  /** One offending field, named as a dotted path with indexes ({@code queues[1]}, {@code capacity.voice}). */
  public record FieldError(String field, String message) {
    @Override
    public String toString() {
      return field + ": " + message;
    }
  }

  private final List<FieldError> errors;

  InvalidAgentException(List<FieldError> errors) {
    super(errors.size() == 1 ? errors.get(0).toString() : errors.size() + " fields are invalid: " + errors);
    this.errors = List.copyOf(errors);
  }

  public List<FieldError> errors() {
    return errors;
  }
}
