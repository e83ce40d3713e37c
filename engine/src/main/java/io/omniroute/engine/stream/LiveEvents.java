package io.omniroute.engine.stream;

/**
 * Where {@link EventStreams} hands every event appended on any node, as it happens: this node's
 * {@link LiveListeners}. Called from one thread at a time, in the order the events of a stream were
 * appended; implementations must be quick and must not block.
 */
public interface LiveEvents {
  /** Nobody listens: events are dropped. */
  LiveEvents NONE = new LiveEvents() {
    @Override
    public void event(String stream, StreamEvent event) {}

    @Override
    public void gap() {}
  };

  /** An event of {@code stream} was appended. */
  void event(String stream, StreamEvent event);

  /** Events may have been missed (the fan-out was interrupted): every listener must resume from its last event. */
  void gap();
}
