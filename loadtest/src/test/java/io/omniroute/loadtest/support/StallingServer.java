package io.omniroute.loadtest.support;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntToLongFunction;

/**
 * A test server on an ephemeral loopback port that answers every POST with 201 after a delay
 * chosen per request number (1 = the first POST); other methods get 204 at once. It remembers the
 * {@code Authorization} headers of the POSTs. One event loop.
 */
public final class StallingServer implements AutoCloseable {
  private final Vertx vertx = Vertx.vertx();
  private final AtomicInteger posts = new AtomicInteger();
  private final Set<String> authorizations = ConcurrentHashMap.newKeySet();
  private final HttpServer server;

  /** @param delayMillis the delay for the n-th POST (n from 1); 0 answers at once */
  public StallingServer(IntToLongFunction delayMillis) {
    try {
      server = vertx.createHttpServer()
          .requestHandler(request -> {
            if (request.method() != HttpMethod.POST) {
              request.response().setStatusCode(204).end();
              return;
            }
            int n = posts.incrementAndGet();
            authorizations.add(String.valueOf(request.getHeader("Authorization")));
            request.body().onSuccess(body -> {
              long delay = delayMillis.applyAsLong(n);
              if (delay <= 0) {
                request.response().setStatusCode(201).end("{\"ok\":true}");
              } else {
                vertx.setTimer(delay, id -> request.response().setStatusCode(201).end("{\"ok\":true}"));
              }
            });
          })
          .listen(0, "127.0.0.1")
          .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("test server did not start", e);
    }
  }

  public String url() {
    return "http://127.0.0.1:" + server.actualPort();
  }

  /** POST requests received so far. */
  public int posts() {
    return posts.get();
  }

  /** The distinct {@code Authorization} headers of the POSTs so far; {@code "null"} for none. */
  public Set<String> authorizations() {
    return Set.copyOf(authorizations);
  }

  @Override
  public void close() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }
}
