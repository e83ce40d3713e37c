package io.omniroute.loadtest.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * Push delivery under load: registers {@code AGENTS} agents on the Munich dealer's queue (chat
 * capacity {@code CAPACITY} each, default 50: enough that staffing is never the bottleneck, so the
 * run measures the push path, not a queue waiting for a free agent), connects each one's event stream ({@code GET /v1/agents/{id}/events}, Server-Sent
 * Events), sets them available, then sends {@code RATE} chat contacts per second for that queue
 * (open loop, one every millisecond tick) for a warm-up and a measured period. Each agent accepts
 * an offer after a random think time (50-500 ms) and completes the contact after a random handle
 * time (200-1,000 ms). Measured: the time from the intake answer ({@code 201}) to the {@code
 * offer.offered} event on the agent's stream (0 when the event came first), in a histogram of
 * microseconds; printed with the counts of contacts, offers, accepts and failures.
 *
 * <p>Run against an engine started with {@code --demo-tokens}: {@code java -cp
 * loadtest/target/omniroute-benchmarks.jar io.omniroute.loadtest.bench.OfferLatencyRun [URL]
 * [AGENTS] [RATE] [SECONDS] [WARMUP_SECONDS] [CAPACITY]} (defaults {@code http://127.0.0.1:8480},
 * 200, 1,000, 60, 20, 50). Also printed: the time from the offer ({@code offeredAt}, the engine's
 * clock) to its event at the agent (the load tool's clock; both on this machine). Not thread-safe;
 * one run per process.
 */
public final class OfferLatencyRun {
  private static final String QUEUE = "dealer:DE-MUC-001";
  private static final String CONTACT = new JsonObject().put("channel", "chat").put("dealerId", "DE-MUC-001")
      .put("text", "Is my quote still valid?").encode();
  private static final String TOKEN = "Bearer demo-admin";

  private final Vertx vertx = Vertx.vertx();
  private final HttpClient streams;
  private final HttpClient api;
  private final String host;
  private final int port;
  private final Histogram latency = new Histogram(60_000_000L, 3);
  private final Histogram delivery = new Histogram(60_000_000L, 3);
  private final Map<String, Long> answeredAt = new ConcurrentHashMap<>();
  private final Map<String, Long> offeredAt = new ConcurrentHashMap<>();
  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong answered = new AtomicLong();
  private final AtomicLong offers = new AtomicLong();
  private final AtomicLong accepted = new AtomicLong();
  private final AtomicLong completed = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();
  private volatile boolean measuring;
  private volatile boolean stopped;

  private OfferLatencyRun(String url, int agents) {
    java.net.URI uri = java.net.URI.create(url);
    this.host = uri.getHost();
    this.port = uri.getPort();
    this.streams = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true),
        new PoolOptions().setHttp1MaxSize(agents + 10));
    this.api = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true), new PoolOptions().setHttp1MaxSize(64));
  }

  public static void main(String[] args) throws Exception {
    String url = args.length > 0 ? args[0] : "http://127.0.0.1:8480";
    int agents = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    int rate = args.length > 2 ? Integer.parseInt(args[2]) : 1_000;
    int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 60;
    int warmUp = args.length > 4 ? Integer.parseInt(args[4]) : 20;
    int capacity = args.length > 5 ? Integer.parseInt(args[5]) : 50;
    OfferLatencyRun run = new OfferLatencyRun(url, agents);
    try {
      run.run(agents, rate, seconds, warmUp, capacity);
    } finally {
      run.stopped = true;
      run.vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
  }

  private void run(int agents, int rate, int seconds, int warmUp, int capacity) throws Exception {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < agents; i++) {
      ids.add(String.format("load-agent-%03d", i));
    }
    await(Future.all(ids.stream().map(id -> call(HttpMethod.PUT, "/v1/agents/" + id, new JsonObject()
        .put("name", id).put("queues", List.of(QUEUE)).put("capacity", new JsonObject().put("chat", capacity)).encode()))
        .toList()));
    CountDownLatch connected = new CountDownLatch(agents);
    ids.forEach(id -> connect(id, connected));
    if (!connected.await(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("only " + (agents - connected.getCount()) + " of " + agents + " streams connected");
    }
    await(Future.all(ids.stream().map(id -> call(HttpMethod.PUT, "/v1/agents/" + id + "/presence",
        "{\"presence\":\"available\"}")).toList()));
    long perTick = rate / 1000;
    long extraEvery = rate % 1000 == 0 ? 0 : 1000 / (rate % 1000);
    AtomicLong tick = new AtomicLong();
    long timer = vertx.setPeriodic(1, id -> {
      long n = tick.incrementAndGet();
      long now = perTick + (extraEvery > 0 && n % extraEvery == 0 ? 1 : 0);
      for (int i = 0; i < now; i++) {
        send();
      }
    });
    Thread.sleep(warmUp * 1000L);
    synchronized (latency) {
      latency.reset();
      delivery.reset();
    }
    long sentBefore = sent.get();
    long offersBefore = offers.get();
    measuring = true;
    Thread.sleep(seconds * 1000L);
    measuring = false;
    vertx.cancelTimer(timer);
    Thread.sleep(2_000);
    Histogram copy;
    Histogram deliveryCopy;
    synchronized (latency) {
      copy = latency.copy();
      deliveryCopy = delivery.copy();
    }
    System.out.printf("agents %d (chat capacity %d each), rate %d/s, measured %d s after %d s warm-up%n", agents,
        capacity, rate, seconds, warmUp);
    System.out.printf("contacts sent %,d (measured %,d), answered %,d; offers %,d (measured %,d), accepted %,d,"
            + " completed %,d, failures %,d%n", sent.get(), sent.get() - sentBefore, answered.get(), offers.get(),
        offers.get() - offersBefore, accepted.get(), completed.get(), failures.get());
    System.out.printf("intake answer -> offer event: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms"
            + " (%,d samples)%n", copy.getValueAtPercentile(50) / 1e3, copy.getValueAtPercentile(90) / 1e3,
        copy.getValueAtPercentile(99) / 1e3, copy.getValueAtPercentile(99.9) / 1e3, copy.getMaxValue() / 1e3,
        copy.getTotalCount());
    System.out.printf("offer made (offeredAt) -> offer event: p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
        deliveryCopy.getValueAtPercentile(50) / 1e3, deliveryCopy.getValueAtPercentile(99) / 1e3,
        deliveryCopy.getMaxValue() / 1e3);
  }

  private void send() {
    sent.incrementAndGet();
    call(HttpMethod.POST, "/v1/contacts", CONTACT).onSuccess(body -> {
      answered.incrementAndGet();
      long now = System.nanoTime();
      String id = new JsonObject(body).getString("id");
      Long offered = offeredAt.remove(id);
      if (offered != null) {
        record(0);
      } else {
        answeredAt.put(id, now);
      }
    });
  }

  private void onOffer(JsonObject offer) {
    long now = System.nanoTime();
    if (measuring) {
      java.time.Instant offered = java.time.Instant.parse(offer.getString("offeredAt"));
      long micros = java.time.Duration.between(offered, java.time.Instant.now()).toNanos() / 1_000;
      synchronized (latency) {
        delivery.recordValue(Math.max(0, micros));
      }
    }
    offers.incrementAndGet();
    String contactId = offer.getString("contactId");
    Long answer = answeredAt.remove(contactId);
    if (answer != null) {
      record(now - answer);
    } else {
      offeredAt.put(contactId, now);
    }
    ThreadLocalRandom random = ThreadLocalRandom.current();
    vertx.setTimer(50 + random.nextInt(450), think -> call(HttpMethod.POST, "/v1/offers/" + offer.getString("offerId")
        + "/accept", null).onSuccess(assigned -> {
          accepted.incrementAndGet();
          vertx.setTimer(200 + ThreadLocalRandom.current().nextInt(800), handle ->
              call(HttpMethod.POST, "/v1/contacts/" + contactId + "/complete", null)
                  .onSuccess(done -> completed.incrementAndGet()));
        }));
  }

  private void record(long nanos) {
    if (measuring) {
      synchronized (latency) {
        latency.recordValue(Math.max(0, nanos / 1_000));
      }
    }
  }

  /** Opens agent {@code id}'s event stream and reads its events as they come, line by line. */
  private void connect(String id, CountDownLatch connected) {
    streams.request(new RequestOptions().setHost(host).setPort(port).setMethod(HttpMethod.GET)
            .setURI("/v1/agents/" + id + "/events").putHeader("Authorization", TOKEN)
            .putHeader("Accept", "text/event-stream").setIdleTimeout(0))
        .compose(request -> request.send())
        .onSuccess(response -> {
          if (response.statusCode() != 200) {
            failures.incrementAndGet();
            System.err.println("stream of " + id + " answered " + response.statusCode());
            return;
          }
          connected.countDown();
          SseLines lines = new SseLines((type, data) -> {
            if ("offer.offered".equals(type)) {
              onOffer(new JsonObject(data));
            }
          });
          response.handler(lines::feed);
        })
        .onFailure(failure -> {
          failures.incrementAndGet();
          System.err.println("stream of " + id + " failed: " + failure);
        });
  }

  private Future<String> call(HttpMethod method, String path, String json) {
    if (stopped) {
      return Future.failedFuture("stopped");
    }
    RequestOptions options = new RequestOptions().setHost(host).setPort(port).setMethod(method).setURI(path)
        .putHeader("Authorization", TOKEN);
    if (json != null) {
      options.putHeader("Content-Type", "application/json");
    }
    return api.request(options)
        .compose(request -> json == null ? request.send() : request.send(json))
        .compose(response -> response.body().map(body -> {
          if (response.statusCode() >= 300) {
            failures.incrementAndGet();
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + body);
          }
          return body.toString();
        }))
        .onFailure(failure -> failures.incrementAndGet());
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  /** Splits a Server-Sent Events body into events ({@code event:} type and {@code data:} text); not thread-safe. */
  static final class SseLines {
    private final java.util.function.BiConsumer<String, String> events;
    private final StringBuilder pending = new StringBuilder();
    private String type;
    private final StringBuilder data = new StringBuilder();

    SseLines(java.util.function.BiConsumer<String, String> events) {
      this.events = events;
    }

    void feed(Buffer chunk) {
      pending.append(chunk.toString(java.nio.charset.StandardCharsets.UTF_8));
      int newline;
      while ((newline = pending.indexOf("\n")) >= 0) {
        String line = pending.substring(0, newline);
        pending.delete(0, newline + 1);
        if (line.endsWith("\r")) {
          line = line.substring(0, line.length() - 1);
        }
        line(line);
      }
    }

    private void line(String line) {
      if (line.isEmpty()) {
        if (data.length() > 0) {
          events.accept(type == null ? "message" : type, data.toString());
        }
        type = null;
        data.setLength(0);
      } else if (line.startsWith("event:")) {
        type = line.substring(6).trim();
      } else if (line.startsWith("data:")) {
        if (data.length() > 0) {
          data.append('\n');
        }
        data.append(line.substring(5).stripLeading());
      }
    }
  }
}
