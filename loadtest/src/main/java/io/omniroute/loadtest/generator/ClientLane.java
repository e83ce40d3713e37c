package io.omniroute.loadtest.generator;

import io.omniroute.loadtest.scenario.Operation;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpClientAgent;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.time.Duration;

/**
 * One event loop of the load generator with its own HTTP/1.1 client (keep-alive, no pipelining,
 * at most {@code poolSize} connections) and its own {@link OperationPool}.
 *
 * <p>Threading: deploy it as a verticle; after that, call {@link #sendNext} only on
 * {@link #context()} (e.g. through {@code context().runOnContext}). Nothing in it is shared with
 * other lanes except the {@link Measurements} passed in, which are thread-safe.
 */
public final class ClientLane extends VerticleBase {
  private static final String JSON = "application/json";
  private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

  private final Target target;
  private final String authorization;
  private final int poolSize;
  private final long timeoutMillis;
  private final OperationPool operations;
  private HttpClientAgent client;

  /**
   * @param token the bearer token every request carries, or {@code null} for none
   * @param poolSize HTTP connections of this lane at most
   * @param operations what this lane sends, in order
   */
  public ClientLane(Target target, String token, int poolSize, Duration timeout, OperationPool operations) {
    this.target = target;
    this.authorization = token == null ? null : "Bearer " + token;
    this.poolSize = poolSize;
    this.timeoutMillis = Math.max(1, timeout.toMillis());
    this.operations = operations;
  }

  @Override
  public Future<?> start() {
    client = vertx.httpClientBuilder()
        .with(new HttpClientOptions()
            .setDefaultHost(target.host())
            .setDefaultPort(target.port())
            .setKeepAlive(true)
            .setPipelining(false)
            .setTcpNoDelay(true)
            .setDecompressionSupported(false))
        .with(new PoolOptions().setHttp1MaxSize(poolSize).setMaxWaitQueueSize(-1))
        .build();
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    return client == null ? Future.succeededFuture() : client.close();
  }

  /**
   * Readies the lane before the clock starts: loads the client's code paths by sending one
   * {@code GET} of the base path, whose
   * answer or failure is ignored. The first request of a fresh JVM takes hundreds of
   * milliseconds, which would otherwise land on the first scheduled requests. Thread-safe.
   */
  public Future<Void> prime() {
    Promise<Void> primed = Promise.promise();
    context.runOnContext(v -> {
      RequestOptions options = new RequestOptions()
          .setMethod(HttpMethod.GET)
          .setHost(target.host())
          .setPort(target.port())
          .setURI(target.uri("/"))
          .setConnectTimeout(timeoutMillis)
          .setIdleTimeout(timeoutMillis);
      client.request(options)
          .compose(request -> request.send().compose(response -> response.body()))
          .onComplete(ar -> primed.complete());
    });
    return primed.future();
  }

  /** The event loop this lane runs on. */
  public Context context() {
    return context;
  }

  /**
   * Sends the next operation of this lane's traffic and records its outcome in {@code into},
   * latency measured from {@code intendedNanos}; then calls {@code done}. Call on {@link #context()}.
   */
  public void sendNext(long intendedNanos, Measurements into, Handler<Void> done) {
    into.recordClientLag(intendedNanos, System.nanoTime());
    Operation operation = operations.next();
    RequestOptions options = new RequestOptions()
        .setMethod(HttpMethod.POST)
        .setHost(target.host())
        .setPort(target.port())
        .setURI(target.uri(operation.path()))
        .setConnectTimeout(timeoutMillis)
        .setIdleTimeout(timeoutMillis)
        .putHeader(HttpHeaders.CONTENT_TYPE, JSON)
        .putHeader(HttpHeaders.ACCEPT, JSON);
    if (operation.idempotencyKey() != null) {
      options.putHeader(IDEMPOTENCY_KEY, operation.idempotencyKey());
    }
    if (authorization != null) {
      options.putHeader(HttpHeaders.AUTHORIZATION, authorization);
    }
    Exchange exchange = new Exchange(operation.kind(), intendedNanos, into, done);
    client.request(options)
        .compose(request -> exchange.send(request, operation))
        .onComplete(ar -> {
          if (ar.succeeded()) {
            exchange.answered(ar.result());
          } else {
            exchange.failed(ar.cause());
          }
        });
  }

  /** One request in flight: its times and where its outcome goes. Confined to the lane's event loop. */
  private static final class Exchange {
    private final Operation.Kind kind;
    private final long intendedNanos;
    private final Measurements into;
    private final Handler<Void> done;
    private long sentNanos;

    Exchange(Operation.Kind kind, long intendedNanos, Measurements into, Handler<Void> done) {
      this.kind = kind;
      this.intendedNanos = intendedNanos;
      this.into = into;
      this.done = done;
    }

    Future<Integer> send(HttpClientRequest request, Operation operation) {
      sentNanos = System.nanoTime();
      return request.send(operation.body()).compose(response -> response.body().map(body -> response.statusCode()));
    }

    void answered(int status) {
      into.recordResponse(kind, status, intendedNanos, sentNanos, System.nanoTime());
      done.handle(null);
    }

    void failed(Throwable failure) {
      into.recordFailure(ErrorKinds.of(failure), intendedNanos, System.nanoTime());
      done.handle(null);
    }
  }
}
