package io.omniroute.engine.stream;

/**
 * One connection's view of its stream, as {@link LiveListeners} feeds it: always on the
 * connection's own Vert.x context, in the order of the stream.
 */
public interface StreamListener {
  /** An event of the stream: appended on some node, or this node's {@code queue.depth}. */
  void onEvent(StreamEvent event);

  /** Events may have been missed: the connection must resume from its last event. */
  void onGap();
}
