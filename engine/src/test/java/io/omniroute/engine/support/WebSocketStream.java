package io.omniroute.engine.support;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A WebSocket connection of a test to an event stream (the JDK's client): every text message is
 * taken as JSON with {@link #next()}; pings are counted. {@link #open} answers the handshake's
 * status when the engine refused it. Thread-safe.
 */
public final class WebSocketStream implements AutoCloseable {
  private final BlockingQueue<JsonObject> messages = new LinkedBlockingQueue<>();
  private final AtomicInteger pings = new AtomicInteger();
  private final CompletableFuture<Integer> closed = new CompletableFuture<>();
  private final int refusedStatus;
  private final WebSocket socket;
  private final StringBuilder partial = new StringBuilder();

  private WebSocketStream(int port, String pathAndQuery, String authorization, String... subprotocols) {
    WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
    if (authorization != null) {
      builder.header("Authorization", authorization);
    }
    if (subprotocols.length > 0) {
      builder.subprotocols(subprotocols[0], java.util.Arrays.copyOfRange(subprotocols, 1, subprotocols.length));
    }
    WebSocket opened = null;
    int refused = 0;
    try {
      opened = builder.buildAsync(URI.create("ws://127.0.0.1:" + port + pathAndQuery), new Listener())
          .get(10, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof WebSocketHandshakeException refusal) {
        refused = refusal.getResponse().statusCode();
      } else {
        throw new IllegalStateException(e);
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    this.socket = opened;
    this.refusedStatus = refused;
  }

  /** Opens a WebSocket to {@code pathAndQuery}, with an {@code Authorization} header unless {@code null}, offering the subprotocols. */
  public static WebSocketStream open(int port, String pathAndQuery, String authorization, String... subprotocols) {
    return new WebSocketStream(port, pathAndQuery, authorization, subprotocols);
  }

  /** Whether the handshake succeeded. */
  public boolean accepted() {
    return socket != null;
  }

  /** The status the engine refused the handshake with, 0 when it accepted it. */
  public int refusedStatus() {
    return refusedStatus;
  }

  /** The subprotocol the engine selected. */
  public String subprotocol() {
    return socket.getSubprotocol();
  }

  public int pings() {
    return pings.get();
  }

  /** The next message; fails when none arrives in time. */
  public JsonObject next() {
    try {
      JsonObject message = messages.poll(SseStream.WAIT_SECONDS, TimeUnit.SECONDS);
      if (message == null) {
        throw new AssertionError("no message within " + SseStream.WAIT_SECONDS + " s");
      }
      return message;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The close status the engine sent, waiting for it. */
  public int awaitClose() {
    try {
      return closed.get(SseStream.WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("the engine did not close the WebSocket", e);
    }
  }

  @Override
  public void close() {
    if (socket != null) {
      socket.abort();
    }
  }

  private final class Listener implements WebSocket.Listener {
    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        messages.add(new JsonObject(partial.toString()));
        partial.setLength(0);
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
      pings.incrementAndGet();
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      closed.complete(statusCode);
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      closed.complete(-1);
    }
  }
}
