package io.omniroute.adapters.chat;

/**
 * How much one chat socket may send: the largest frame, the longest message text, and how many
 * frames in a burst ({@code burstFrames}) refilled at {@code framesPerSecond}. Immutable.
 *
 * @param maxFrameBytes the largest text frame in UTF-8 bytes; a larger one closes the socket with
 *     {@link ChatCloseCodes#TOO_BIG}
 * @param maxTextChars the longest text of one message; a longer one is refused with an error frame
 * @param burstFrames how many frames a socket may send at once
 * @param framesPerSecond how many frames per second a socket may send in the long run
 */
public record ChatLimits(int maxFrameBytes, int maxTextChars, int burstFrames, double framesPerSecond) {
  /** 16 KiB frames, 4,000 characters per message, bursts of 20 frames, 2 frames per second. */
  public static final ChatLimits DEFAULTS = new ChatLimits(16 * 1024, 4000, 20, 2.0);

  public ChatLimits {
    if (maxFrameBytes < 256) {
      throw new IllegalArgumentException("chat frames must be allowed at least 256 bytes, got " + maxFrameBytes);
    }
    if (maxTextChars < 1) {
      throw new IllegalArgumentException("chat messages must be allowed at least one character, got " + maxTextChars);
    }
    if (burstFrames < 1 || framesPerSecond <= 0) {
      throw new IllegalArgumentException("the chat rate limit needs a burst of at least 1 frame and a positive rate,"
          + " got " + burstFrames + " and " + framesPerSecond);
    }
  }
}
