package io.omniroute.engine.support;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A blocking HTTP/1.1 client for an engine on loopback, for tests. Every request carries
 * {@code Authorization: Bearer demo-admin} (the engines of the tests run with the demo tokens)
 * unless the request sets its own; {@link #as(String)} and {@link #anonymous()} are views that send
 * another token or none. Thread-safe: many test threads may send through one instance. A request
 * that cannot reach the engine (refused, reset) throws {@link UncheckedIOException}.
 */
public abstract class EngineClient {
  /** The token every request carries unless told otherwise. */
  public static final String DEFAULT_TOKEN = "demo-admin";

  private final HttpClient http;
  private final String token;

  protected EngineClient() {
    this.http = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5))
        .build();
    this.token = DEFAULT_TOKEN;
  }

  private EngineClient(EngineClient base, String token) {
    this.http = base.http;
    this.token = token;
  }

  /** The port the engine listens on. */
  public abstract int port();

  /** A view of this client that sends {@code Authorization: Bearer <token>}, e.g. {@code as("demo-ops")}. */
  public EngineClient as(String token) {
    return new View(this, java.util.Objects.requireNonNull(token, "token"));
  }

  /** A view of this client that sends no {@code Authorization} header. */
  public EngineClient anonymous() {
    return new View(this, null);
  }

  /** The token this client sends, or {@code null} for none. */
  public String token() {
    return token;
  }

  public URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port() + path);
  }

  public HttpResponse<String> get(String path) {
    return send(HttpRequest.newBuilder(uri(path)).GET());
  }

  public HttpResponse<String> post(String path, String json) {
    return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  public HttpResponse<String> post(String path, String json, String idempotencyKey) {
    return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
        .header("Idempotency-Key", idempotencyKey).POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  public HttpResponse<String> put(String path, String json) {
    return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  public HttpResponse<String> delete(String path) {
    return send(HttpRequest.newBuilder(uri(path)).DELETE());
  }

  /** Sends the request, with this client's token unless the request has an {@code Authorization} header. */
  public HttpResponse<String> send(HttpRequest.Builder request) {
    HttpRequest built = request.timeout(Duration.ofSeconds(10)).build();
    if (token != null && built.headers().firstValue("Authorization").isEmpty()) {
      built = HttpRequest.newBuilder(built, (name, value) -> true).header("Authorization", "Bearer " + token).build();
    }
    try {
      return http.send(built, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Opens the Server-Sent Events stream at {@code path} with this client's token, resuming after
   * {@code lastEventId} (sent as {@code Last-Event-ID}) unless it is {@code null}.
   */
  public SseStream events(String path, String lastEventId) {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Accept", "text/event-stream").GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (lastEventId != null) {
      request.header("Last-Event-ID", lastEventId);
    }
    return SseStream.open(http, request.timeout(Duration.ofSeconds(10)).build());
  }

  /** Opens the Server-Sent Events stream at {@code path} from now on. */
  public SseStream events(String path) {
    return events(path, null);
  }

  /** Posts a contact and answers the 201 body. */
  public JsonObject createContact(String json) {
    HttpResponse<String> response = post("/v1/contacts", json);
    if (response.statusCode() != 201) {
      throw new AssertionError("expected 201, got " + response.statusCode() + ": " + response.body());
    }
    return new JsonObject(response.body());
  }

  /** The Prometheus text of {@code /metrics}. */
  public String scrape() {
    return get("/metrics").body();
  }

  /** The same engine and HTTP client with another token. */
  private static final class View extends EngineClient {
    private final EngineClient base;

    View(EngineClient base, String token) {
      super(base, token);
      this.base = base;
    }

    @Override
    public int port() {
      return base.port();
    }
  }
}
