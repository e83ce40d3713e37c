package io.omniroute.engine.customer;

import io.omniroute.engine.EngineException;
import java.util.List;

/** A customer profile that cannot be stored as given: every offending field with what is wrong. */
public final class InvalidCustomerException extends EngineException {
  /** One offending field, named as a dotted path with indexes ({@code identities.phones[1]}). */
  public record FieldError(String field, String message) {
    @Override
    public String toString() {
      return field + ": " + message;
    }
  }

  private final List<FieldError> errors;

  InvalidCustomerException(List<FieldError> errors) {
    super(errors.size() == 1 ? errors.get(0).toString() : errors.size() + " fields are invalid: " + errors);
    this.errors = List.copyOf(errors);
  }

  public List<FieldError> errors() {
    return errors;
  }
}
