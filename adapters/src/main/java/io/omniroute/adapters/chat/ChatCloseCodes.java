package io.omniroute.adapters.chat;

/**
 * The WebSocket close codes of the chat socket (RFC 6455 section 7.4; 4000-4999 are the
 * application's). A widget reconnects after {@link #GOING_AWAY} and {@link #TRY_AGAIN}, and does
 * not after the others without a change.
 */
public final class ChatCloseCodes {
  /** The engine stops; reconnect and resume. */
  public static final short GOING_AWAY = 1001;
  /** A binary frame: the protocol is JSON text frames. */
  public static final short UNSUPPORTED_DATA = 1003;
  /** A frame larger than {@link ChatLimits#maxFrameBytes()}. */
  public static final short TOO_BIG = 1009;
  /** The engine could not take the socket up (its store is unreachable); reconnect later and resume. */
  public static final short TRY_AGAIN = 1013;
  /** The widget names no dealer, or one the directory does not know. */
  public static final short UNKNOWN_DEALER = 4404;
  /** The resume token opens no chat (wrong, expired, or from another engine's store). */
  public static final short UNKNOWN_TOKEN = 4403;
  /** A resume on a socket that already carries a chat. */
  public static final short ALREADY_OPEN = 4409;
  /** More frames than the rate limit allows. */
  public static final short TOO_MANY_FRAMES = 4429;

  private ChatCloseCodes() {}
}
