package io.omniroute.engine.stream;

import java.util.Objects;

/**
 * One event of a stream as clients receive it: its id, its type ({@code offer.offered}, {@code
 * contact.queued}, {@code queue.depth}, ...) and its data, one line of JSON. Immutable.
 *
 * @param id the event's id ({@link EventId}), ordered within its stream; {@code null} for an event
 *     that is not kept for replay ({@code queue.depth}, which says how things are now)
 * @param type what happened
 * @param data a JSON object without line breaks
 */
public record StreamEvent(String id, String type, String data) {
  /** The type of the event that tells a client to read the state again: it missed events that are no longer kept. */
  public static final String RESET = "reset";

  public StreamEvent {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(data, "data");
    if (data.indexOf('\n') >= 0 || data.indexOf('\r') >= 0) {
      throw new IllegalArgumentException("event data must be one line of JSON: " + data);
    }
  }

  /** Whether the event has an id, so that a client resumes after it. */
  public boolean sequenced() {
    return id != null;
  }
}
