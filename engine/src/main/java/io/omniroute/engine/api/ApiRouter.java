package io.omniroute.engine.api;

import io.omniroute.engine.api.ContractSchemas.OperationSchemas;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.Route;
import java.util.Map;

/**
 * Builds the HTTP router from the OpenAPI contract: every operation of {@code openapi.yaml} becomes
 * a route bound to its handler; its requests pass the operation's access handler ({@link
 * ApiHandlers#access}: 401 without a known token, 403 without the right) and
 * validated against the contract's schemas ({@link ContractValidation}) before the handler runs.
 * Every {@code GET} also answers {@code HEAD} (the same status and headers, no body). Also serves
 * the contract itself at {@code /openapi.yaml}.
 *
 * <p>Call once per verticle instance, on that verticle's context.
 */
public final class ApiRouter {
  /** Largest accepted request body: 64 KiB. */
  public static final long BODY_LIMIT_BYTES = 64 * 1024;
  /** Largest accepted body of the rule operations ({@code /v1/rules/...}), which carry DRL texts: 4 MiB. */
  public static final long RULES_BODY_LIMIT_BYTES = 4 * 1024 * 1024;

  private ApiRouter() {}

  public static Router create(Vertx vertx, ApiContract contract, ApiHandlers api) {
    Map<String, Handler<RoutingContext>> handlers = api.byOperationId();
    Router router = Router.router(vertx);
    BodyHandler bodies = BodyHandler.create(false).setBodyLimit(BODY_LIMIT_BYTES);
    BodyHandler ruleBodies = BodyHandler.create(false).setBodyLimit(RULES_BODY_LIMIT_BYTES);
    for (OperationSchemas operation : contract.schemas().operations()) {
      Handler<RoutingContext> handler = handlers.get(operation.operationId());
      if (handler == null) {
        throw new IllegalStateException("openapi.yaml operation " + operation.operationId() + " has no handler");
      }
      Route route = router.route(HttpMethod.valueOf(operation.method()), vertxPath(operation.path()));
      if (operation.method().equals("GET")) {
        route.method(HttpMethod.HEAD);
      }
      Long otherBodyLimit = api.bufferedBodyLimits().get(operation.operationId());
      if (operation.body() != null) {
        route.handler(operation.path().startsWith("/v1/rules") ? ruleBodies : bodies);
      } else if (otherBodyLimit != null) {
        route.handler(BodyHandler.create(false).setBodyLimit(otherBodyLimit));
      }
      route.handler(api.access().apply(operation.operationId()));
      route.handler(new ContractValidation(operation, otherBodyLimit != null)).handler(handler);
    }
    router.get("/openapi.yaml").method(HttpMethod.HEAD).handler(ctx ->
        ctx.response().putHeader("Content-Type", "application/yaml").end(contract.yaml()));
    router.route().failureHandler(FailureHandler::handle);
    for (int status : new int[] {400, 404, 405, 413, 415}) {
      router.errorHandler(status, ctx -> {
        if (ctx.failure() != null) {
          FailureHandler.handle(ctx);
        } else {
          FailureHandler.clientError(ctx, status);
        }
      });
    }
    router.errorHandler(500, FailureHandler::handle);
    return router;
  }

  /** {@code /v1/contacts/{id}} as Vert.x Web writes it: {@code /v1/contacts/:id}. */
  static String vertxPath(String openApiPath) {
    return openApiPath.replaceAll("\\{([^/}]+)}", ":$1");
  }
}
