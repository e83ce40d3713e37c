package io.omniroute.engine;

/**
 * The store could not be reached in time (Redis down, timed out or refusing commands). Nothing of
 * the failed operation was applied, or it was applied atomically before the failure was seen;
 * callers answer {@code 503} and let the client retry with the same idempotency key.
 */
public class StoreUnavailableException extends EngineException {
  public StoreUnavailableException(String message) {
    super(message);
  }
}
