package io.omniroute.engine.stream;

import java.time.Duration;
import java.util.Objects;

/**
 * How much of each stream is kept for clients that reconnect: an event is kept while it is among
 * the last {@code events} of its stream <em>or</em> younger than {@code age}; only an event that is
 * neither may go. Stores may keep more (Redis trims whole nodes of its streams). Immutable.
 *
 * @param events how many of the latest events are always kept, at least 1
 * @param age how long every event is kept, at least
 */
public record Retention(int events, Duration age) {
  /** The default: the last 10,000 events and the last 15 minutes of each stream. */
  public static final Retention DEFAULT = new Retention(10_000, Duration.ofMinutes(15));

  public Retention {
    Objects.requireNonNull(age, "age");
    if (events < 1) {
      throw new IllegalArgumentException("a stream keeps at least its last event, got " + events);
    }
    if (age.isNegative()) {
      throw new IllegalArgumentException("the replay window cannot be negative, got " + age);
    }
  }
}
