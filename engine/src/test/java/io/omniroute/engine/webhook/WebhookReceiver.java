package io.omniroute.engine.webhook;

import com.sun.net.httpserver.HttpServer;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/**
 * A real HTTP receiver of webhooks on a loopback port, for tests: records every request (headers,
 * body, the status it answered) and answers the status it is told, 200 unless told otherwise. It
 * can stop listening, so that connections are refused, and listen again on the same port.
 * Thread-safe; close it after the test.
 */
final class WebhookReceiver implements AutoCloseable {
  /** One request as it arrived: its path, headers by lower-case name, the body, and the status answered. */
  record Request(String path, Map<String, String> headers, String body, int answered) {
    JsonObject json() {
      return new JsonObject(body);
    }

    String eventId() {
      return json().getString("id");
    }

    String type() {
      return json().getString("type");
    }

    String subject() {
      return json().getString("subject");
    }

    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }

    boolean delivered() {
      return answered >= 200 && answered < 300;
    }
  }

  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final ExecutorService threads = Executors.newFixedThreadPool(4);
  private final int port;
  private volatile int status = 200;
  private HttpServer server;
  private int stoppedPort;

  private WebhookReceiver(int port) {
    this.port = port;
  }

  static WebhookReceiver start() {
    WebhookReceiver receiver = new WebhookReceiver(0);
    receiver.listen(0);
    return receiver;
  }

  /** The URL of {@code path} on this receiver, e.g. {@code http://127.0.0.1:41234/crm}. */
  String url(String path) {
    return "http://127.0.0.1:" + port() + path;
  }

  int port() {
    return server == null ? port : server.getAddress().getPort();
  }

  /** Answers {@code code} to every request from now on. */
  void answer(int code) {
    status = code;
  }

  /** Stops listening: connections are refused until {@link #listenAgain()}. */
  synchronized void refuseConnections() {
    if (server != null) {
      int was = server.getAddress().getPort();
      server.stop(0);
      server = null;
      stoppedPort = was;
    }
  }

  /** Listens again on the port it had. */
  synchronized void listenAgain() {
    if (server == null) {
      listen(stoppedPort);
    }
  }

  private synchronized void listen(int onPort) {
    IOException last = null;
    for (int attempt = 0; attempt < 50; attempt++) {
      try {
        HttpServer created = HttpServer.create(new InetSocketAddress("127.0.0.1", onPort), 64);
        created.setExecutor(threads);
        created.createContext("/", exchange -> {
          Map<String, String> headers = new TreeMap<>();
          exchange.getRequestHeaders().forEach((name, values) ->
              headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
          String body;
          try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
          }
          int answered = status;
          requests.add(new Request(exchange.getRequestURI().getPath(), headers, body, answered));
          exchange.sendResponseHeaders(answered, -1);
          exchange.close();
        });
        created.start();
        server = created;
        return;
      } catch (IOException e) {
        last = e;
        try {
          Thread.sleep(100);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
    throw new UncheckedIOException("cannot listen on port " + onPort, last);
  }

  /** Every request so far. */
  List<Request> requests() {
    return new ArrayList<>(requests);
  }

  /** The requests that were answered a 2xx. */
  List<Request> delivered() {
    return requests().stream().filter(Request::delivered).toList();
  }

  /** Waits until {@code condition} holds for the requests so far; answers them. */
  List<Request> await(Predicate<List<Request>> condition, Duration timeout, String what) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      List<Request> now = requests();
      if (condition.test(now)) {
        return now;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what + "; got "
            + now.size() + " requests: " + now.stream().map(r -> r.answered() + " " + r.type() + " " + r.subject()).toList());
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
    }
  }

  /** Waits until {@code count} requests were answered a 2xx; answers those. */
  List<Request> awaitDelivered(int count, Duration timeout) {
    await(all -> all.stream().filter(Request::delivered).count() >= count, timeout, count + " delivered events");
    return delivered();
  }

  @Override
  public synchronized void close() {
    if (server != null) {
      server.stop(0);
    }
    threads.shutdownNow();
  }
}
