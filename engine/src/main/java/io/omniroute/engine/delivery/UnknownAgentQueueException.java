package io.omniroute.engine.delivery;

import io.omniroute.engine.EngineException;
import io.omniroute.engine.delivery.InvalidAgentException.FieldError;
import java.util.List;

/** An agent names queues that the directory does not have: each with its field ({@code queues[2]}). */
public final class UnknownAgentQueueException extends EngineException {
  private final List<FieldError> errors;

  UnknownAgentQueueException(List<FieldError> errors) {
    super(String.join("; ", errors.stream().map(FieldError::message).toList()));
    this.errors = List.copyOf(errors);
  }

  /** One error per unknown queue, naming its field and the queue. */
  public List<FieldError> errors() {
    return errors;
  }
}
