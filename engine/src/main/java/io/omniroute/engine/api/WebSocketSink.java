package io.omniroute.engine.api;

import io.omniroute.engine.stream.EventSink;
import io.omniroute.engine.stream.StreamEvent;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.Json;
import java.time.Duration;

/**
 * An event stream written to a WebSocket: each event one text message {@code {"id", "type",
 * "data"}} ({@code id} is {@code null} for an event that is not kept, {@code data} the event's JSON
 * object), a ping frame as heartbeat. Messages from the client are ignored. Closing it closes the
 * WebSocket with status {@value #CLOSE_TRY_AGAIN} (try again later) and the reason. Used on the
 * connection's context only.
 */
final class WebSocketSink implements EventSink {
  /** The close status of a connection the engine closed: the client reconnects with its last event id. */
  static final short CLOSE_TRY_AGAIN = 1013;
  private static final int MAX_REASON_CHARS = 123;

  private final ServerWebSocket socket;

  WebSocketSink(ServerWebSocket socket) {
    this.socket = socket;
  }

  @Override
  public String transport() {
    return "websocket";
  }

  /** Ignores what the client sends; a failed write (the client went away) only closes it, which {@link #onClose} hears. */
  @Override
  public void open(Duration reconnectDelay) {
    socket.handler(ignored -> {});
    socket.exceptionHandler(failure -> {});
  }

  @Override
  public void write(StreamEvent event) {
    socket.writeTextMessage("{\"id\":" + (event.id() == null ? "null" : Json.encode(event.id()))
        + ",\"type\":" + Json.encode(event.type()) + ",\"data\":" + event.data() + "}");
  }

  @Override
  public void heartbeat() {
    socket.writePing(Buffer.buffer("heartbeat"));
  }

  @Override
  public boolean writeQueueFull() {
    return socket.writeQueueFull();
  }

  @Override
  public void whenDrained(Runnable then) {
    socket.drainHandler(drained -> {
      socket.drainHandler(null);
      then.run();
    });
  }

  @Override
  public void onClose(Runnable then) {
    socket.closeHandler(closed -> then.run());
  }

  @Override
  public void close(String why) {
    if (!socket.isClosed()) {
      socket.close(CLOSE_TRY_AGAIN, truncated(why));
    }
  }

  /** A close reason must fit in 123 bytes; the engine's reasons are ASCII. */
  private static String truncated(String why) {
    return why.length() <= MAX_REASON_CHARS ? why : why.substring(0, MAX_REASON_CHARS - 3) + "...";
  }
}
