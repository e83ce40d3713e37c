package io.omniroute.engine;

/**
 * The root of the engine's own failures. Each subclass names one thing that went wrong in terms a
 * caller can act on (an unknown contact, a step its status does not allow, an unreachable store, a
 * reused idempotency key, ...); the HTTP layer maps each to its problem+json answer in one place
 * ({@code api.FailureHandler}), and anything that is not one of them is an unexpected 500. Failures
 * a client causes carry no stack trace: they are answers, not bugs.
 */
public abstract class EngineException extends RuntimeException {
  /** A failure a client causes or can act on: no stack trace, no cause. */
  protected EngineException(String message) {
    super(message, null, false, false);
  }

  /** A failure with an underlying cause worth keeping (an I/O error, a timeout). */
  protected EngineException(String message, Throwable cause) {
    super(message, cause);
  }
}
