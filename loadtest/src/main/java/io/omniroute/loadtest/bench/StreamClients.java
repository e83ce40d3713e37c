package io.omniroute.loadtest.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.parsetools.RecordParser;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The client side of {@link StreamConnectionsRun}, in a process of its own so that the engine's
 * heap holds only the engine: registers agents, opens many Server-Sent Events connections to
 * agent and queue streams (Vert.x HTTP client, one connection each), then on {@code go} (standard
 * input) makes traffic for a while: contacts for the dealers' queues, each claimed by one of the
 * dealer's agents and completed, so that events flow to agent and queue streams. It reports on
 * standard output, one line per step ({@code registered}, {@code connected}, {@code traffic}), and
 * exits on {@code quit}.
 *
 * <p>Run by {@link StreamConnectionsRun}: {@code StreamClients PORT CONNECTIONS AGENTS SECONDS RATE}.
 */
public final class StreamClients {
  static final List<String> DEALERS = List.of("DE-MUC-001", "DE-BER-001", "DE-HAM-001", "DE-STR-001", "AT-VIE-001",
      "AT-GRZ-001", "CH-ZRH-001", "CH-GVA-001", "GB-LON-001", "GB-MAN-001", "GB-EDI-001", "FR-PAR-001", "FR-LYO-001",
      "IT-MIL-001", "ES-MAD-001");
  private static final String TOKEN = "Bearer demo-admin";
  private static final int CONCURRENCY = 200;

  private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
  private final int port;
  private final HttpClientAgent requests;
  private final HttpClientAgent streams;
  private final AtomicLong events = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong created = new AtomicLong();
  private final AtomicLong claimed = new AtomicLong();
  private final AtomicLong completed = new AtomicLong();

  private StreamClients(int port, int connections) {
    this.port = port;
    this.requests = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true), new PoolOptions().setHttp1MaxSize(64));
    this.streams = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(false).setConnectTimeout(30_000),
        new PoolOptions().setHttp1MaxSize(connections + 16).setMaxWaitQueueSize(-1));
  }

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    int connections = Integer.parseInt(args[1]);
    int agents = Integer.parseInt(args[2]);
    int seconds = Integer.parseInt(args[3]);
    int rate = Integer.parseInt(args[4]);
    StreamClients clients = new StreamClients(port, connections);
    BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    clients.registerAgents(agents);
    System.out.println("registered " + agents);
    long failed = clients.connect(connections, agents);
    System.out.println("connected " + (connections - failed) + " failed " + failed);
    await(commands, "warm");
    clients.traffic(Math.max(1, seconds / 3), rate, agents);
    Thread.sleep(1_000);
    System.out.println("warmed contacts " + clients.created.get());
    clients.created.set(0);
    clients.claimed.set(0);
    clients.completed.set(0);
    clients.events.set(0);
    await(commands, "go");
    clients.traffic(seconds, rate, agents);
    Thread.sleep(2_000);
    System.out.println("traffic contacts " + clients.created.get() + " claimed " + clients.claimed.get() + " completed "
        + clients.completed.get() + " events " + clients.events.get() + " dropped " + clients.dropped.get());
    await(commands, "quit");
    System.exit(0);
  }

  private static void await(BufferedReader commands, String command) throws Exception {
    String line;
    while ((line = commands.readLine()) != null) {
      if (line.strip().equals(command)) {
        return;
      }
    }
    System.exit(1);
  }

  /** agent-0 .. agent-(n-1), agent-i serving the queue of dealer i mod 15. */
  private void registerAgents(int agents) throws InterruptedException {
    Semaphore inFlight = new Semaphore(64);
    CountDownLatch done = new CountDownLatch(agents);
    for (int i = 0; i < agents; i++) {
      inFlight.acquire();
      String body = new JsonObject().put("name", "Agent " + i)
          .put("queues", List.of("dealer:" + DEALERS.get(i % DEALERS.size())))
          .put("capacity", Map.of("email", 10)).encode();
      send(HttpMethod.PUT, "/v1/agents/agent-" + i, body).onComplete(answer -> {
        inFlight.release();
        done.countDown();
      });
    }
    done.await(5, TimeUnit.MINUTES);
  }

  /** Opens the streams, {@value #CONCURRENCY} handshakes at a time; answers how many failed. */
  private long connect(int connections, int agents) throws InterruptedException {
    Semaphore inFlight = new Semaphore(CONCURRENCY);
    CountDownLatch done = new CountDownLatch(connections);
    AtomicLong failed = new AtomicLong();
    for (int i = 0; i < connections; i++) {
      inFlight.acquire();
      String path = i < agents
          ? "/v1/agents/agent-" + i + "/events"
          : "/v1/queues/dealer:" + DEALERS.get(i % DEALERS.size()) + "/events";
      streams.request(new RequestOptions().setMethod(HttpMethod.GET).setHost("127.0.0.1").setPort(port).setURI(path)
              .putHeader("Authorization", TOKEN).putHeader("Accept", "text/event-stream"))
          .compose(request -> request.send())
          .onComplete(opened -> {
            if (opened.succeeded() && opened.result().statusCode() == 200) {
              RecordParser records = RecordParser.newDelimited("\n\n", record -> {
                if (record.toString(StandardCharsets.UTF_8).contains("event: ")) {
                  events.incrementAndGet();
                }
              });
              opened.result().handler(records);
              opened.result().exceptionHandler(error -> dropped.incrementAndGet());
              opened.result().endHandler(end -> dropped.incrementAndGet());
            } else {
              failed.incrementAndGet();
            }
            inFlight.release();
            done.countDown();
          });
    }
    done.await(10, TimeUnit.MINUTES);
    return failed.get();
  }

  /**
   * Contacts at {@code rate} a second for {@code seconds}, each claimed by an agent of its dealer and
   * completed; with a rate of 0 the connections only get their heartbeats for that long.
   */
  private void traffic(int seconds, int rate, int agents) throws InterruptedException {
    if (rate == 0) {
      TimeUnit.SECONDS.sleep(seconds);
      return;
    }
    SplittableRandom random = new SplittableRandom(7);
    long interval = TimeUnit.SECONDS.toNanos(1) / rate;
    long start = System.nanoTime();
    long end = start + TimeUnit.SECONDS.toNanos(seconds);
    for (long next = start; next < end; next += interval) {
      long wait = next - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
      int dealer = random.nextInt(DEALERS.size());
      int agent = dealer + DEALERS.size() * random.nextInt(Math.max(1, agents / DEALERS.size()));
      String body = new JsonObject().put("channel", "email").put("dealerId", DEALERS.get(dealer))
          .put("references", Map.of("vin", "WNW12345678901234")).put("text", "Wann ist mein Auto fertig?").encode();
      send(HttpMethod.POST, "/v1/contacts", body)
          .compose(answer -> {
            created.incrementAndGet();
            return send(HttpMethod.POST, "/v1/queues/dealer:" + DEALERS.get(dealer) + "/claim",
                new JsonObject().put("agent", "agent-" + agent).encode());
          })
          .compose(answer -> {
            if (answer.isEmpty()) {
              return Future.succeededFuture(answer);
            }
            claimed.incrementAndGet();
            return send(HttpMethod.POST, "/v1/contacts/" + new JsonObject(answer).getString("id") + "/complete", "{}");
          })
          .onSuccess(answer -> {
            if (!answer.isEmpty()) {
              completed.incrementAndGet();
            }
          });
    }
  }

  private Future<String> send(HttpMethod method, String path, String body) {
    return requests.request(new RequestOptions().setMethod(method).setHost("127.0.0.1").setPort(port).setURI(path)
            .putHeader("Authorization", TOKEN).putHeader("Content-Type", "application/json"))
        .compose(request -> request.send(Buffer.buffer(body)))
        .compose(response -> response.body().map(answer -> response.statusCode() == 204 ? "" : answer.toString()));
  }
}
