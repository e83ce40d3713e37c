package io.omniroute.engine.support;

import io.vertx.core.json.JsonObject;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Test threads that post contacts to one or more engines, each with its own {@code Idempotency-Key},
 * and record every outcome: the status and contact id, or the failure when the engine could not be
 * reached (its outcome is then unknown). Thread {@code i} posts to engine {@code i % engines}. A
 * thread stops at its first unreachable engine, when {@link #stop()} is called, or when {@code
 * limit} contacts have been sent in all. Start with {@link #start}; close stops and joins.
 */
public final class IntakeLoad implements AutoCloseable {
  /** Bodies that the default policy routes to three different levels: central, dealer and country. */
  public static final List<String> BODIES = List.of(
      "{\"channel\":\"voice\",\"country\":\"DE\",\"text\":\"Unfall auf der A8, Nummer %d\"}",
      "{\"channel\":\"email\",\"dealerId\":\"DE-MUC-001\",\"text\":\"Mein Angebot %d\"}",
      "{\"channel\":\"chat\",\"from\":{\"handle\":\"@anna\",\"network\":\"x\"},\"country\":\"DE\",\"text\":\"Hallo %d\"}");

  /**
   * One request: its key and body, the status (0 when the engine could not be reached), the
   * contact id and queue of a 200 or 201, the {@code Content-Type} and {@code Retry-After} headers,
   * and when it was sent and how long it took.
   */
  public record Outcome(
      String key, String body, int status, String id, String queue, String contentType, String retryAfter,
      long sentAtNanos, long tookNanos, String contactStatus, String conversationId) {
    public boolean reached() {
      return status != 0;
    }
  }

  /**
   * A web chat whose sessions (the thread key, one of {@value #SESSIONS}) each send several
   * messages: the first opens a conversation, the next join it while it is open, and one after it
   * was completed reopens it. Its template's second argument is the session.
   */
  public static final String SESSION_CHAT =
      "{\"channel\":\"chat\",\"country\":\"DE\",\"thread\":{\"key\":\"session-%2$d\"},\"text\":\"Frage %1$d\"}";
  /** How many chat sessions {@link #SESSION_CHAT} spreads its messages over. */
  public static final int SESSIONS = 25;

  private final List<? extends EngineClient> engines;
  private final List<String> bodies;
  private final String keyPrefix;
  private final int limit;
  private final AtomicInteger sent = new AtomicInteger();
  private final AtomicBoolean stopped = new AtomicBoolean();
  private final Queue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
  private final List<Thread> threads = new ArrayList<>();

  private IntakeLoad(List<? extends EngineClient> engines, List<String> bodies, String keyPrefix, int limit) {
    this.engines = engines;
    this.bodies = bodies;
    this.keyPrefix = keyPrefix;
    this.limit = limit;
  }

  /** Starts {@code threads} posting threads over {@code engines}, sending at most {@code limit} contacts. */
  public static IntakeLoad start(List<? extends EngineClient> engines, int threads, String keyPrefix, int limit) {
    return start(engines, BODIES, threads, keyPrefix, limit);
  }

  /**
   * The same with these body templates, used in turn: each is formatted with the contact's number
   * and its chat session ({@link #SESSIONS}).
   */
  public static IntakeLoad start(
      List<? extends EngineClient> engines, List<String> bodies, int threads, String keyPrefix, int limit) {
    IntakeLoad load = new IntakeLoad(engines, bodies, keyPrefix, limit);
    for (int t = 0; t < threads; t++) {
      EngineClient engine = engines.get(t % engines.size());
      Thread thread = new Thread(() -> load.post(engine), "intake-load-" + t);
      load.threads.add(thread);
      thread.start();
    }
    return load;
  }

  private void post(EngineClient engine) {
    while (!stopped.get()) {
      int n = sent.getAndIncrement();
      if (n >= limit) {
        return;
      }
      String key = keyPrefix + "-" + n;
      String body = bodies.get(n % bodies.size()).formatted(n, n % SESSIONS);
      long start = System.nanoTime();
      try {
        HttpResponse<String> response = engine.post("/v1/contacts", body, key);
        long took = System.nanoTime() - start;
        boolean decided = response.statusCode() == 200 || response.statusCode() == 201;
        JsonObject answer = decided ? new JsonObject(response.body()) : new JsonObject();
        outcomes.add(new Outcome(key, body, response.statusCode(), answer.getString("id"),
            decided ? answer.getJsonObject("route").getString("queue") : null,
            response.headers().firstValue("Content-Type").orElse(null),
            response.headers().firstValue("Retry-After").orElse(null), start, took,
            answer.getString("status"), answer.getString("conversationId")));
      } catch (UncheckedIOException unreachable) {
        outcomes.add(new Outcome(key, body, 0, null, null, null, null, start, System.nanoTime() - start, null, null));
        return;
      }
    }
  }

  /** Waits until {@code count} contacts were answered 201, or every thread has stopped. */
  public void awaitCreated(int count, long timeoutMillis) throws InterruptedException {
    long deadline = System.currentTimeMillis() + timeoutMillis;
    while (created().size() < count && System.currentTimeMillis() < deadline && threads.stream().anyMatch(Thread::isAlive)) {
      Thread.sleep(10);
    }
  }

  /** Asks every thread to stop after its current request. */
  public void stop() {
    stopped.set(true);
  }

  /** Waits for every thread to finish. */
  public void join() throws InterruptedException {
    for (Thread thread : threads) {
      thread.join(TimeUnit.SECONDS.toMillis(60));
    }
  }

  public List<Outcome> outcomes() {
    return List.copyOf(outcomes);
  }

  /** Outcomes answered 201, by idempotency key. */
  public Map<String, Outcome> created() {
    return outcomes.stream().filter(o -> o.status() == 201).collect(Collectors.toMap(Outcome::key, o -> o));
  }

  /** Requests whose outcome is unknown: the engine could not be reached or went away mid-request. */
  public List<Outcome> unreached() {
    return outcomes.stream().filter(o -> !o.reached()).toList();
  }

  @Override
  public void close() throws InterruptedException {
    stop();
    join();
  }
}
