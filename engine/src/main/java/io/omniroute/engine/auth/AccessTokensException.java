package io.omniroute.engine.auth;

/**
 * A tokens file or {@code OMNIROUTE_TOKENS} that cannot be used; the message names the source,
 * the entry and what to fix.
 */
public final class AccessTokensException extends IllegalArgumentException {
  public AccessTokensException(String message) {
    super(message);
  }
}
