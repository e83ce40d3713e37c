package io.omniroute.engine.channel.social;

import io.omniroute.engine.EngineException;
import java.util.List;

/** A partner channel that cannot be registered as given: each offending field with what is wrong ({@code 400}). Immutable. */
public final class InvalidPartnerChannelException extends EngineException {
  /** One offending field of the body. */
  public record FieldError(String field, String message) {
    @Override
    public String toString() {
      return field + ": " + message;
    }
  }

  private final List<FieldError> errors;

  InvalidPartnerChannelException(List<FieldError> errors) {
    super(errors.size() == 1 ? errors.get(0).toString() : errors.size() + " fields are invalid: " + errors);
    this.errors = List.copyOf(errors);
  }

  public List<FieldError> errors() {
    return errors;
  }
}
