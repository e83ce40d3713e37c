package io.omniroute.engine.stream;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The id of a kept event, written {@code <milliseconds>-<sequence>} as Redis Stream ids are
 * ({@code 1767600000000-0}): the time it was appended and its number within that millisecond.
 * Ids grow within a stream, so "everything after id X" is a range; ids of a process or Redis
 * that lost its events are older than what is kept and therefore never mistaken for current ones.
 * Immutable.
 */
public record EventId(long millis, long sequence) implements Comparable<EventId> {
  private static final Pattern FORM = Pattern.compile("([0-9]{1,19})-([0-9]{1,19})");

  public EventId {
    if (millis < 0 || sequence < 0) {
      throw new IllegalArgumentException("an event id has no negative parts: " + millis + "-" + sequence);
    }
  }

  /** The id written as {@code <milliseconds>-<sequence>}, or empty when the text is not one. */
  public static Optional<EventId> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher matcher = FORM.matcher(text);
    if (!matcher.matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new EventId(Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2))));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** The id of the event appended after this one at {@code nowMillis}: later in time, or the next in this millisecond. */
  public EventId next(long nowMillis) {
    return nowMillis > millis ? new EventId(nowMillis, 0) : new EventId(millis, sequence + 1);
  }

  @Override
  public int compareTo(EventId other) {
    int byTime = Long.compare(millis, other.millis);
    return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
  }

  @Override
  public String toString() {
    return millis + "-" + sequence;
  }
}
