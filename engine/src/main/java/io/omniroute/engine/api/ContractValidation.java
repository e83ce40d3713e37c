package io.omniroute.engine.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.networknt.schema.ValidationMessage;
import io.omniroute.engine.api.ContractSchemas.BodySchema;
import io.omniroute.engine.api.ContractSchemas.OperationSchemas;
import io.omniroute.engine.api.ContractSchemas.ParameterSchema;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.Cookie;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Validates a request against its OpenAPI operation, on the event loop: parameters (path, query,
 * header, cookie) and the JSON body, with the schemas {@link ContractSchemas} compiled when the
 * router was built. An invalid request is answered with a 400 problem naming each offending field;
 * a valid one continues with its parsed body available from {@link #body(RoutingContext)}.
 *
 * <p>Immutable and thread-safe; one instance per operation, shared by all event loops.
 */
final class ContractValidation implements Handler<RoutingContext> {
  private static final String BODY_KEY = "omniroute.validatedBody";
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final ObjectReader STRICT = MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private final List<ParameterSchema> parameters;
  private final BodySchema body;

  private ContractValidation(OperationSchemas operation) {
    this.parameters = operation.parameters();
    this.body = operation.body();
  }

  /** The validation of one operation, by its {@code operationId}. */
  static ContractValidation of(String operationId, ContractSchemas schemas) {
    return new ContractValidation(schemas.operation(operationId));
  }

  /** The validated JSON body of this request as parsed ({@code null} when the operation has none). */
  static JsonNode bodyTree(RoutingContext ctx) {
    return ctx.get(BODY_KEY);
  }

  /** The validated JSON body of this request as a Vert.x object ({@code null} when it has none). */
  @SuppressWarnings("unchecked")
  static JsonObject bodyObject(RoutingContext ctx) {
    JsonNode tree = bodyTree(ctx);
    if (tree == null) {
      return null;
    }
    try {
      return new JsonObject(MAPPER.treeToValue(tree, Map.class));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a parsed JSON object could not be converted", e);
    }
  }

  @Override
  public void handle(RoutingContext ctx) {
    for (ParameterSchema parameter : parameters) {
      String problem = check(parameter, ctx);
      if (problem != null) {
        Problem.send(ctx, 400, "Invalid request", problem,
            new JsonArray().add(Problem.fieldError(parameter.name(), problem)));
        return;
      }
    }
    if (body != null && !validateBody(ctx)) {
      return;
    }
    ctx.next();
  }

  private boolean validateBody(RoutingContext ctx) {
    Buffer buffer = ctx.body().buffer();
    if (buffer == null || buffer.length() == 0) {
      if (body.required()) {
        Problem.send(ctx, 400, "Invalid request", "The request needs a JSON body: see /openapi.yaml.");
        return false;
      }
      return true;
    }
    String contentType = ctx.request().getHeader("Content-Type");
    if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
      Problem.send(ctx, 415, "Unsupported media type", "Send the body as Content-Type: application/json.");
      return false;
    }
    JsonNode json;
    try {
      json = STRICT.readTree(buffer.getBytes());
    } catch (IOException e) {
      json = null;
    }
    if (json == null || json.isMissingNode()) {
      Problem.send(ctx, 400, "Malformed JSON", "The body is not valid JSON: send a JSON object.");
      return false;
    }
    Set<ValidationMessage> problems = body.schema().validate(json);
    if (!problems.isEmpty()) {
      JsonArray errors = SchemaErrors.fieldErrors(problems);
      Problem.send(ctx, 400, "Invalid request", SchemaErrors.describe(errors, "The body does not match the schema."), errors);
      return false;
    }
    ctx.put(BODY_KEY, json);
    return true;
  }

  /** {@code null} when the parameter is acceptable, else what is wrong with it. */
  private static String check(ParameterSchema parameter, RoutingContext ctx) {
    String raw = switch (parameter.in()) {
      case "path" -> ctx.pathParam(parameter.name());
      case "query" -> ctx.queryParams().get(parameter.name());
      case "header" -> ctx.request().getHeader(parameter.name());
      case "cookie" -> {
        Cookie cookie = ctx.request().getCookie(parameter.name());
        yield cookie == null ? null : cookie.getValue();
      }
      default -> null;
    };
    String what = "The " + parameter.in() + " parameter " + parameter.name();
    if (raw == null) {
      return parameter.required() ? what + " is required." : null;
    }
    JsonNode value;
    try {
      value = switch (parameter.type()) {
        case "integer" -> LongNode.valueOf(Long.parseLong(raw.trim()));
        case "number" -> DoubleNode.valueOf(Double.parseDouble(raw.trim()));
        default -> TextNode.valueOf(raw);
      };
    } catch (NumberFormatException e) {
      return what + " must be " + (parameter.type().equals("integer") ? "an integer" : "a number") + ", got '" + raw + "'.";
    }
    Set<ValidationMessage> problems = parameter.schema().validate(value);
    return problems.isEmpty() ? null : what + " is invalid: " + SchemaErrors.messages(problems, parameter.name()) + ".";
  }
}
