package io.omniroute.engine.stream;

import java.util.List;

/**
 * What a stream answers a client that resumes after an event id: the events that followed it, or
 * that it does not keep that id (too old, or from before the events were lost), so the client must
 * start over. Immutable.
 */
public sealed interface Replay {
  /** The events after the id, oldest first; fewer than asked for when these are the latest. */
  record Events(List<StreamEvent> events) implements Replay {
    public Events {
      events = List.copyOf(events);
    }
  }

  /** The id is not among the events kept. */
  record NotKept() implements Replay {}
}
