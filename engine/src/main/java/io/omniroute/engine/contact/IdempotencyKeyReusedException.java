package io.omniroute.engine.contact;

import io.omniroute.engine.EngineException;

/**
 * A caller sent an {@code Idempotency-Key} it had already used, with a different body: the key
 * names the first request, so the second is refused and nothing is stored (IETF
 * draft-ietf-httpapi-idempotency-key-header, "422 Unprocessable Content").
 */
public final class IdempotencyKeyReusedException extends EngineException {
  private final String firstContactId;

  IdempotencyKeyReusedException(String firstContactId) {
    super("this Idempotency-Key was already used with a different body, for contact " + firstContactId);
    this.firstContactId = firstContactId;
  }

  /** The contact the key was first used for. */
  public String firstContactId() {
    return firstContactId;
  }
}
