package io.omniroute.engine.api;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.ext.web.Route;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.OpenAPIContract;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Builds the HTTP router from the OpenAPI contract: every operation of {@code openapi.yaml} becomes
 * a route bound to its handler; its requests are authorized ({@link
 * io.omniroute.engine.auth.Authorizer}: 401 without a known token, 403 without the right) and
 * validated against the contract's schemas ({@link ContractValidation}) before the handler runs. Also serves the contract itself at
 * {@code /openapi.yaml}.
 *
 * <p>Call once per verticle instance, on that verticle's context.
 */
public final class ApiRouter {
  /** Largest accepted request body: 64 KiB. */
  public static final long BODY_LIMIT_BYTES = 64 * 1024;
  /** Largest accepted body of the rule operations ({@code /v1/rules/...}), which carry DRL texts: 4 MiB. */
  public static final long RULES_BODY_LIMIT_BYTES = 4 * 1024 * 1024;

  private ApiRouter() {}

  public static Router create(Vertx vertx, OpenApiDocument document, ApiHandlers api) {
    Map<String, Handler<RoutingContext>> handlers = api.byOperationId();
    Router router = Router.router(vertx);
    ContractSchemas schemas = ContractSchemas.of(document.yaml());
    BodyHandler bodies = BodyHandler.create(false).setBodyLimit(BODY_LIMIT_BYTES);
    BodyHandler ruleBodies = BodyHandler.create(false).setBodyLimit(RULES_BODY_LIMIT_BYTES);
    for (Operation operation : document.contract().operations()) {
      Handler<RoutingContext> handler = handlers.get(operation.getOperationId());
      if (handler == null) {
        throw new IllegalStateException("openapi.yaml operation " + operation.getOperationId() + " has no handler");
      }
      Route route = router.route(operation.getHttpMethod(), vertxPath(operation.getOpenAPIPath()));
      if (operation.getRequestBody() != null) {
        route.handler(operation.getOpenAPIPath().startsWith("/v1/rules") ? ruleBodies : bodies);
      }
      route.handler(api.access().forOperation(operation.getOperationId()));
      route.handler(ContractValidation.of(operation.getOperationId(), schemas)).handler(handler);
    }
    router.get("/openapi.yaml").handler(ctx ->
        ctx.response().putHeader("Content-Type", "application/yaml").end(document.yaml()));
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

  /** The contract as loaded once per engine; immutable and shared. */
  public record OpenApiDocument(OpenAPIContract contract, String yaml) {
    /** Where the contract lives on the class path. */
    public static final String RESOURCE = "openapi.yaml";

    /** Reads {@code openapi.yaml} from the class path and parses it into a contract. */
    public static Future<OpenApiDocument> load(Vertx vertx) {
      String yaml;
      JsonObject json;
      try (InputStream in = ApiRouter.class.getClassLoader().getResourceAsStream(RESOURCE)) {
        if (in == null) {
          return Future.failedFuture(new IllegalStateException(RESOURCE + " is missing from the class path"));
        }
        yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        @SuppressWarnings("unchecked")
        Map<String, Object> tree = new ObjectMapper(new YAMLFactory()).readValue(yaml, Map.class);
        json = new JsonObject(tree);
      } catch (IOException e) {
        return Future.failedFuture(e);
      }
      return OpenAPIContract.from(vertx, json).map(contract -> new OpenApiDocument(contract, yaml));
    }
  }
}
