package io.omniroute.engine.api;

import io.omniroute.engine.stream.EventSink;
import io.omniroute.engine.stream.StreamEvent;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import java.time.Duration;

/**
 * An event stream written as Server-Sent Events ({@code text/event-stream}): each event is
 * {@code id:} (when it has one), {@code event:} its type and {@code data:} one line of JSON; the
 * stream starts with {@code retry:}, idle connections get a {@code : heartbeat} comment. Closing it
 * ends the response with a comment saying why, or resets the connection of a client that does not
 * read. Used on the connection's context only.
 */
final class SseSink implements EventSink {
  static final String CONTENT_TYPE = "text/event-stream";

  private final HttpServerResponse response;

  SseSink(HttpServerResponse response) {
    this.response = response;
  }

  /** Puts the headers of an event stream on {@code response}. */
  static HttpServerResponse head(HttpServerResponse response) {
    return response.setStatusCode(200)
        .putHeader("Content-Type", CONTENT_TYPE)
        .putHeader("Cache-Control", "no-cache")
        .putHeader("X-Accel-Buffering", "no");
  }

  @Override
  public String transport() {
    return "sse";
  }

  /** Starts the response; a failed write (the client went away) only closes it, which {@link #onClose} hears. */
  @Override
  public void open(Duration reconnectDelay) {
    response.exceptionHandler(failure -> {});
    head(response).setChunked(true).write("retry: " + reconnectDelay.toMillis() + "\n\n");
  }

  @Override
  public void write(StreamEvent event) {
    StringBuilder text = new StringBuilder(event.data().length() + event.type().length() + 48);
    if (event.id() != null) {
      text.append("id: ").append(event.id()).append('\n');
    }
    text.append("event: ").append(event.type()).append('\n')
        .append("data: ").append(event.data()).append("\n\n");
    response.write(Buffer.buffer(text.toString()));
  }

  @Override
  public void heartbeat() {
    response.write(": heartbeat\n\n");
  }

  @Override
  public boolean writeQueueFull() {
    return response.writeQueueFull();
  }

  @Override
  public void whenDrained(Runnable then) {
    response.drainHandler(drained -> {
      response.drainHandler(null);
      then.run();
    });
  }

  @Override
  public void onClose(Runnable then) {
    response.closeHandler(closed -> then.run());
  }

  /** Ends the stream with a comment saying why; a connection that cannot take even that is reset. */
  @Override
  public void close(String why) {
    if (response.closed() || response.ended()) {
      return;
    }
    if (response.writeQueueFull()) {
      response.reset();
    } else {
      response.end(": closing: " + why.replace('\n', ' ') + "\n\n");
    }
  }
}
