package io.omniroute.engine.support;

import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A Server-Sent Events connection of a test: opened with {@link EngineClient#events}, it parses
 * the stream on a thread of its own into {@link Event}s that the test takes in order with {@link
 * #next()}. Waits are bounded ({@value #WAIT_SECONDS} s); {@link #close()} drops the connection as a
 * client whose network fails would. Thread-safe.
 */
public final class SseStream implements AutoCloseable {
  static final long WAIT_SECONDS = 15;

  /** One event as the client saw it: the id of its block ({@code null} without an {@code id:} line), type and data. */
  public record Event(String id, String type, String data) {
    public JsonObject json() {
      return new JsonObject(data);
    }
  }

  private final HttpResponse<InputStream> response;
  private final String errorBody;
  private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
  private final List<String> comments = new ArrayList<>();
  private volatile String retry;
  private volatile boolean ended;

  private SseStream(HttpResponse<InputStream> response) throws IOException {
    this.response = response;
    if (response.statusCode() == 200) {
      this.errorBody = null;
      Thread reader = new Thread(this::read, "sse-test-reader");
      reader.setDaemon(true);
      reader.start();
    } else {
      try (InputStream body = response.body()) {
        this.errorBody = new String(body.readAllBytes(), StandardCharsets.UTF_8);
      }
    }
  }

  static SseStream open(HttpClient http, HttpRequest request) {
    try {
      return new SseStream(http.send(request, HttpResponse.BodyHandlers.ofInputStream()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public int status() {
    return response.statusCode();
  }

  public HttpResponse<InputStream> response() {
    return response;
  }

  /** The body of an answer other than 200 (a problem). */
  public String errorBody() {
    return errorBody;
  }

  /** The {@code retry:} the stream started with, or {@code null}. */
  public String retry() {
    return retry;
  }

  /** The comments received so far ({@code heartbeat}, ...). */
  public synchronized List<String> comments() {
    return List.copyOf(comments);
  }

  /** Whether the engine ended the stream. */
  public boolean ended() {
    return ended;
  }

  /** The next event; fails when none arrives in time. */
  public Event next() {
    try {
      Event event = events.poll(WAIT_SECONDS, TimeUnit.SECONDS);
      if (event == null) {
        throw new AssertionError("no event within " + WAIT_SECONDS + " s" + (ended ? " (the stream ended)" : ""));
      }
      return event;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The next {@code count} events. */
  public List<Event> next(int count) {
    List<Event> taken = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      taken.add(next());
    }
    return taken;
  }

  /** Skips events until one matches, and answers it. */
  public Event nextMatching(Predicate<Event> wanted) {
    while (true) {
      Event event = next();
      if (wanted.test(event)) {
        return event;
      }
    }
  }

  /** The events that arrived within {@code quiet} of each other, without waiting longer. */
  public List<Event> drain(Duration quiet) {
    List<Event> taken = new ArrayList<>();
    try {
      Event event;
      while ((event = events.poll(quiet.toMillis(), TimeUnit.MILLISECONDS)) != null) {
        taken.add(event);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return taken;
  }

  /** Drops the connection. */
  @Override
  public void close() {
    try {
      response.body().close();
    } catch (IOException e) {
      // closing a dropped connection
    }
  }

  private void read() {
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
      String id = null;
      String type = null;
      StringBuilder data = null;
      String line;
      while ((line = lines.readLine()) != null) {
        if (line.isEmpty()) {
          if (data != null) {
            events.add(new Event(id, type == null ? "message" : type, data.toString()));
          }
          id = null;
          type = null;
          data = null;
        } else if (line.startsWith(":")) {
          synchronized (this) {
            comments.add(line.substring(1).strip());
          }
        } else {
          int colon = line.indexOf(':');
          String field = colon < 0 ? line : line.substring(0, colon);
          String value = colon < 0 ? "" : line.substring(colon + 1).replaceFirst("^ ", "");
          switch (field) {
            case "id" -> id = value;
            case "event" -> type = value;
            case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
            case "retry" -> retry = value;
            default -> { }
          }
        }
      }
    } catch (IOException e) {
      // the connection was dropped
    } finally {
      ended = true;
    }
  }
}
