package io.omniroute.adapters.chat;

/**
 * A token bucket per socket: a burst of {@link ChatLimits#burstFrames()} frames, refilled at
 * {@link ChatLimits#framesPerSecond()}. Time comes in as monotonic nanoseconds ({@code
 * System.nanoTime()}), so tests drive it. Not thread-safe: one per socket, used on its event loop.
 */
public final class FrameRateLimit {
  private final double capacity;
  private final double perNano;
  private double tokens;
  private long lastNanos;

  public FrameRateLimit(ChatLimits limits, long nowNanos) {
    this.capacity = limits.burstFrames();
    this.perNano = limits.framesPerSecond() / 1_000_000_000d;
    this.tokens = capacity;
    this.lastNanos = nowNanos;
  }

  /** Takes one frame at {@code nowNanos}; {@code false} when the socket has sent too many. */
  public boolean tryTake(long nowNanos) {
    long elapsed = Math.max(0, nowNanos - lastNanos);
    lastNanos = nowNanos;
    tokens = Math.min(capacity, tokens + elapsed * perNano);
    if (tokens < 1) {
      return false;
    }
    tokens -= 1;
    return true;
  }
}
