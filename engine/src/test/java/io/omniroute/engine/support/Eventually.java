package io.omniroute.engine.support;

import java.time.Duration;
import java.util.function.Supplier;
import org.assertj.core.api.Assertions;

/** Waits for something that happens asynchronously, checking every few milliseconds, and fails with what was seen last. */
public final class Eventually {
  private Eventually() {}

  /** Answers the first value of {@code read} that {@code done} accepts within 10 seconds; fails otherwise. */
  public static <T> T until(Supplier<T> read, java.util.function.Predicate<T> done) {
    return until(read, done, Duration.ofSeconds(10));
  }

  /** Answers the first value of {@code read} that {@code done} accepts within {@code timeout}; fails otherwise. */
  public static <T> T until(Supplier<T> read, java.util.function.Predicate<T> done, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    T last = read.get();
    while (!done.test(last)) {
      if (System.nanoTime() > deadline) {
        return Assertions.fail("still not as expected after %s: %s", timeout, last);
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Assertions.fail("interrupted while waiting; last seen: %s", last);
      }
      last = read.get();
    }
    return last;
  }
}
