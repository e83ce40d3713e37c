package io.omniroute.loadtest.baseline;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;

/**
 * One instance of the baseline HTTP server on its own event loop: reads the body of any POST and
 * answers 201 with {@link FixedAnswer}, after its {@link SimulatedWork} if it has some; anything
 * else gets 405. Deploy several instances on the same port, as the engine does; Vert.x spreads
 * connections over them.
 *
 * <p>Threading: all work happens on the verticle's event loop; nothing is shared between instances.
 */
public final class BaselineVerticle extends VerticleBase {
  private static final CharSequence JSON = HttpHeaders.createOptimized("application/json");

  private final String host;
  private final int port;
  private final SimulatedWork work;
  private final Buffer answer = Buffer.buffer(FixedAnswer.json());
  private HttpServer server;

  public BaselineVerticle(String host, int port, SimulatedWork work) {
    this.host = host;
    this.port = port;
    this.work = work;
  }

  @Override
  public Future<?> start() {
    server = vertx.createHttpServer(new HttpServerOptions().setHost(host).setPort(port)).requestHandler(this::handle);
    return server.listen();
  }

  private void handle(HttpServerRequest request) {
    if (request.method() != HttpMethod.POST) {
      request.response().setStatusCode(405).putHeader(HttpHeaders.ALLOW, "POST").end();
      return;
    }
    request.body().onComplete(body -> {
      if (body.failed()) {
        request.response().setStatusCode(400).end();
        return;
      }
      work.perform();
      request.response().setStatusCode(201).putHeader(HttpHeaders.CONTENT_TYPE, JSON).end(answer);
    });
  }

  /** The port this instance listens on (after start). */
  public int actualPort() {
    return server.actualPort();
  }
}
