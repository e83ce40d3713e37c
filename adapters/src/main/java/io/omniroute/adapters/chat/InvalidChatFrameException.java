package io.omniroute.adapters.chat;

import io.omniroute.adapters.InvalidPayloadException;

/**
 * A chat frame that cannot be read: not JSON, not an object, an unknown {@code type}, a missing or
 * malformed field, a text over the limit. {@link #code()} is the machine-readable reason the error
 * frame carries ({@code malformed-frame}, {@code invalid-frame}, {@code text-too-long}); the
 * message says what to fix. The socket stays open. Immutable.
 */
public final class InvalidChatFrameException extends InvalidPayloadException {
  /** The frame is not a JSON object. */
  public static final String MALFORMED = "malformed-frame";
  /** The frame is JSON but not a frame of the protocol. */
  public static final String INVALID = "invalid-frame";
  /** The message's text is longer than the limit. */
  public static final String TEXT_TOO_LONG = "text-too-long";

  private final String code;

  InvalidChatFrameException(String code, String problem) {
    super(problem);
    this.code = code;
  }

  public String code() {
    return code;
  }
}
