package io.omniroute.engine;

import io.omniroute.engine.api.ApiHandlers;
import io.omniroute.engine.api.ApiRouter;
import io.omniroute.engine.api.EventStreamsApi;
import io.omniroute.engine.channel.chat.ChatChannel;
import io.omniroute.engine.channel.chat.ChatPages;
import io.omniroute.engine.http.HttpProtocolErrors;
import io.vertx.ext.web.Router;
import io.omniroute.engine.api.ApiContract;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.util.List;

/**
 * One HTTP server instance on its own event loop. The engine deploys several; Vert.x spreads
 * connections over them. Handlers and services are shared and thread-safe. Requests that break
 * HTTP itself are answered by {@link HttpProtocolErrors}. WebSocket handshakes go to {@link
 * io.omniroute.engine.api.EventStreamsApi#handshake}, which accepts those of the event streams
 * (offering the subprotocol {@value io.omniroute.engine.api.EventStreamsApi#SUBPROTOCOL}) and refuses
 * every other with 404 (setting that handler is also what lets a request of an unknown HTTP version
 * reach {@link HttpProtocolErrors} instead of Vert.x's bare 501), except those of the web chat's
 * socket, which go to {@link ChatChannel#handshake}; the chat widget's files are mounted by {@link ChatPages}.
 */
final class HttpVerticle extends VerticleBase {
  private final EngineOptions options;
  private final ApiContract contract;
  private final ApiHandlers api;
  private HttpServer server;

  HttpVerticle(EngineOptions options, ApiContract contract, ApiHandlers api) {
    this.options = options;
    this.contract = contract;
    this.api = api;
  }

  @Override
  public Future<?> start() {
    Router router = ApiRouter.create(vertx, contract, api);
    new ChatPages().mount(router);
    server = vertx.createHttpServer(new HttpServerOptions().setHost(options.host()).setPort(options.port())
            .setWebSocketSubProtocols(List.of(EventStreamsApi.SUBPROTOCOL)))
        .invalidRequestHandler(HttpProtocolErrors::invalidRequest)
        .webSocketHandshakeHandler(handshake -> {
          if (ChatChannel.isChatSocket(handshake)) {
            api.chat().handshake(handshake);
          } else {
            api.streams().handshake(handshake);
          }
        })
        .requestHandler(request -> {
          if (!HttpProtocolErrors.unsupportedVersion(request)) {
            router.handle(request);
          }
        });
    return server.listen();
  }

  /** The port this instance listens on. */
  int actualPort() {
    return server.actualPort();
  }
}
