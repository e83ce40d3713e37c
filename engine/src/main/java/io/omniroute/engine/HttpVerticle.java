package io.omniroute.engine;

import io.omniroute.engine.api.ApiRouter;
import io.omniroute.engine.api.ApiRouter.OpenApiDocument;
import io.omniroute.engine.api.ContactsApi;
import io.omniroute.engine.api.OpsApi;
import io.omniroute.engine.api.QueuesApi;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;

/**
 * One HTTP server instance on its own event loop. The engine deploys several; Vert.x spreads
 * connections over them. Handlers and services are shared and thread-safe.
 */
final class HttpVerticle extends VerticleBase {
  private final EngineOptions options;
  private final OpenApiDocument document;
  private final ContactsApi contacts;
  private final QueuesApi queues;
  private final OpsApi ops;
  private HttpServer server;

  HttpVerticle(EngineOptions options, OpenApiDocument document, ContactsApi contacts, QueuesApi queues, OpsApi ops) {
    this.options = options;
    this.document = document;
    this.contacts = contacts;
    this.queues = queues;
    this.ops = ops;
  }

  @Override
  public Future<?> start() {
    server = vertx.createHttpServer(new HttpServerOptions().setHost(options.host()).setPort(options.port()))
        .requestHandler(ApiRouter.create(vertx, document, contacts, queues, ops));
    return server.listen();
  }

  /** The port this instance listens on. */
  int actualPort() {
    return server.actualPort();
  }
}
