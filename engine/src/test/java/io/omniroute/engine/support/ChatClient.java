package io.omniroute.engine.support;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A chat widget as a test drives it: a Vert.x WebSocket client on the engine's chat socket that
 * sends frames and takes the engine's frames as JSON with {@link #next()}; {@link #closeStatus()}
 * waits for the engine to close the socket. Has its own Vert.x instance; close it after the test.
 * Thread-safe.
 */
public final class ChatClient implements AutoCloseable {
  private final Vertx vertx = Vertx.vertx();
  private final BlockingQueue<JsonObject> frames = new LinkedBlockingQueue<>();
  private final CompletableFuture<Short> closed = new CompletableFuture<>();
  private final CompletableFuture<String> closeReason = new CompletableFuture<>();
  private final WebSocket socket;

  private ChatClient(int port, String dealer, String origin) {
    WebSocketClient client = vertx.createWebSocketClient();
    WebSocketConnectOptions options = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port)
        .setURI("/v1/channels/chat/socket" + (dealer == null ? "" : "?dealer=" + dealer));
    if (origin != null) {
      options.addHeader("Origin", origin);
    }
    try {
      socket = client.connect(options).onSuccess(this::listen).toCompletionStage().toCompletableFuture()
          .get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      vertx.close();
      throw new IllegalStateException("the chat socket did not open", e);
    }
  }

  /**
   * Listens on the socket's own event loop as soon as it opens, so that no frame and no close the
   * engine sends at once (an unknown dealer) is missed.
   */
  private void listen(WebSocket opened) {
    opened.textMessageHandler(text -> frames.add(new JsonObject(text)));
    opened.closeHandler(ignored -> {
      closeReason.complete(opened.closeReason());
      closed.complete(opened.closeStatusCode());
    });
  }

  /** Opens the chat socket of {@code dealer} on the engine at {@code port}. */
  public static ChatClient open(int port, String dealer) {
    return new ChatClient(port, dealer, null);
  }

  /** Opens the chat socket from a page of {@code origin}; fails when the engine refuses the handshake. */
  public static ChatClient open(int port, String dealer, String origin) {
    return new ChatClient(port, dealer, origin);
  }

  /** Sends one text frame as it is. */
  public ChatClient sendRaw(String text) {
    socket.writeTextMessage(text);
    return this;
  }

  /** Sends {@code {"type":"message","id","text"}}. */
  public ChatClient send(String id, String text) {
    return sendRaw(new JsonObject().put("type", "message").put("id", id).put("text", text).encode());
  }

  /** Sends {@code {"type":"resume","token","lastSeq"}}. */
  public ChatClient resume(String token, long lastSeq) {
    return sendRaw(new JsonObject().put("type", "resume").put("token", token).put("lastSeq", lastSeq).encode());
  }

  /** The engine's next frame; fails after 10 s without one. */
  public JsonObject next() {
    try {
      JsonObject frame = frames.poll(10, TimeUnit.SECONDS);
      if (frame == null) {
        throw new AssertionError("no chat frame within 10 s");
      }
      return frame;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The next frame of {@code type}, skipping others. */
  public JsonObject next(String type) {
    while (true) {
      JsonObject frame = next();
      if (type.equals(frame.getString("type"))) {
        return frame;
      }
    }
  }

  /** The engine's frames that arrived within {@code millis} and were not taken yet. */
  public java.util.List<JsonObject> drain(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    java.util.List<JsonObject> rest = new java.util.ArrayList<>();
    frames.drainTo(rest);
    return rest;
  }

  /** The status the socket was closed with; waits up to 10 s for the close. */
  public short closeStatus() {
    try {
      return closed.get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("the chat socket was not closed within 10 s", e);
    }
  }

  /** The reason the socket was closed with; waits up to 10 s for the close. */
  public String closeReason() {
    closeStatus();
    return closeReason.getNow(null);
  }

  /** Drops the connection the way a lost network does, without a close handshake from the client's side. */
  public void drop() {
    socket.close();
    closeStatus();
  }

  @Override
  public void close() {
    try {
      if (!socket.isClosed()) {
        socket.close();
      }
    } finally {
      vertx.close();
    }
  }
}
