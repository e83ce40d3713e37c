package io.omniroute.engine.support;

import io.omniroute.engine.Engine;
import io.omniroute.engine.EngineOptions;
import io.omniroute.engine.queue.QueueStore;
import io.omniroute.engine.queue.memory.MemoryQueueStore;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * An engine on an ephemeral loopback port with the memory store, and a blocking HTTP client for
 * tests. Close it after the test.
 */
public final class RunningEngine implements AutoCloseable {
  private final Engine engine;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private RunningEngine(Engine engine) {
    this.engine = engine;
  }

  public static RunningEngine start() {
    return start(Clock.systemUTC());
  }

  public static RunningEngine start(Clock clock) {
    return start(EngineOptions.defaults().withHost("127.0.0.1").withPort(0).withInstances(2), clock);
  }

  public static RunningEngine start(EngineOptions options, Clock clock) {
    return start(options, new MemoryQueueStore(), clock);
  }

  /** An engine on loopback, ephemeral port, on the given store (closed with the engine). */
  public static RunningEngine start(QueueStore store) {
    return start(EngineOptions.defaults().withHost("127.0.0.1").withPort(0).withInstances(2), store, Clock.systemUTC());
  }

  public static RunningEngine start(EngineOptions options, QueueStore store, Clock clock) {
    try {
      Engine engine = Engine.start(options, store, clock)
          .toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
      return new RunningEngine(engine);
    } catch (Exception e) {
      throw new IllegalStateException("engine did not start", e);
    }
  }

  public Engine engine() {
    return engine;
  }

  public URI uri(String path) {
    return URI.create("http://127.0.0.1:" + engine.port() + path);
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

  public HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Posts a contact and answers the 201 body. */
  public JsonObject createContact(String json) {
    HttpResponse<String> response = post("/v1/contacts", json);
    if (response.statusCode() != 201) {
      throw new AssertionError("expected 201, got " + response.statusCode() + ": " + response.body());
    }
    return new JsonObject(response.body());
  }

  @Override
  public void close() {
    try {
      engine.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("engine did not stop", e);
    }
  }
}
