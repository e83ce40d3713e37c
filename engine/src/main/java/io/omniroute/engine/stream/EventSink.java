package io.omniroute.engine.stream;

import java.time.Duration;

/**
 * One client connection as a {@link StreamSubscription} writes to it: Server-Sent Events or a
 * WebSocket. Every method is called on the connection's own Vert.x context.
 */
public interface EventSink {
  /** How the client is connected, for the meters: {@code sse} or {@code websocket}. */
  String transport();

  /** Starts the stream: the response head (SSE) and how long a client waits before it reconnects. */
  void open(Duration reconnectDelay);

  /** Writes one event. */
  void write(StreamEvent event);

  /** Writes something that keeps proxies from closing an idle connection. */
  void heartbeat();

  /** Whether the connection has more unsent data than it may buffer: the client is too slow. */
  boolean writeQueueFull();

  /** Runs {@code then} once when the connection may take more data after {@link #writeQueueFull()}. */
  void whenDrained(Runnable then);

  /** Runs {@code then} once when the connection is closed, by either side. */
  void onClose(Runnable then);

  /** Closes the connection; the client resumes with its last event id. {@code why} is for the client and the log. */
  void close(String why);
}
