package io.omniroute.engine.api;

import io.omniroute.engine.http.Problem;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.ValidationMessage;
import io.omniroute.engine.api.ContractSchemas.BodySchema;
import io.omniroute.engine.api.ContractSchemas.OperationSchemas;
import io.omniroute.engine.api.ContractSchemas.ParameterSchema;
import io.omniroute.engine.api.JsonBodies.MalformedJsonException;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.Cookie;
import io.vertx.core.json.JsonArray;
import io.vertx.ext.web.RoutingContext;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Validates a request against its OpenAPI operation, on the event loop: parameters (path, query,
 * header, cookie), read strictly by {@link RequestParameters#read}, and the JSON body, read
 * strictly by {@link JsonBodies}, each checked with the schemas {@link ContractSchemas} compiled
 * when the router was built. An invalid request is answered with a problem naming what to fix
 * (400, or 415 for a body that is not plain {@code application/json}); a valid one continues with
 * its values available from {@link RequestParameters#of} and {@link #body(RoutingContext)}.
 *
 * <p>Immutable and thread-safe; one instance per operation, shared by all event loops.
 */
final class ContractValidation implements Handler<RoutingContext> {
  private static final String BODY_KEY = "omniroute.validatedBody";

  private final List<ParameterSchema> parameters;
  private final BodySchema body;
  private final List<String> bufferedMediaTypes;

  ContractValidation(OperationSchemas operation) {
    this(operation, false);
  }

  /**
   * @param buffersOtherBody whether the router buffers a body of the operation's other media
   *     types (a form, a mail) for its handler: then its {@code Content-Type} is checked here
   */
  ContractValidation(OperationSchemas operation, boolean buffersOtherBody) {
    this.parameters = operation.parameters();
    this.body = operation.body();
    this.bufferedMediaTypes = buffersOtherBody ? operation.otherMediaTypes() : List.of();
  }

  /** The validation of one operation, by its {@code operationId}. */
  static ContractValidation of(String operationId, ContractSchemas schemas) {
    return new ContractValidation(schemas.operation(operationId));
  }

  /** The validated JSON body of this request as parsed ({@code null} when the operation has none or it was omitted). */
  static JsonNode body(RoutingContext ctx) {
    return ctx.get(BODY_KEY);
  }

  @Override
  public void handle(RoutingContext ctx) {
    Map<String, JsonNode> values = new HashMap<>();
    ParameterProblem problem = parameterProblem(parameter -> raw(parameter, ctx), values);
    if (problem != null) {
      Problem.send(ctx, 400, "Invalid request", problem.message(),
          new JsonArray().add(Problem.fieldError(problem.parameter(), problem.message())));
      return;
    }
    if (body != null && !validateBody(ctx)) {
      return;
    }
    if (!bufferedMediaTypes.isEmpty() && !checkOtherBody(ctx)) {
      return;
    }
    new RequestParameters(values).attachTo(ctx);
    ctx.next();
  }

  /**
   * Checks the operation's parameters as {@code raw} gives their text ({@code null} when the
   * request does not have one), for a request that does not pass the router (a WebSocket
   * handshake): the first problem, or {@code null} when they are valid.
   */
  ParameterProblem parameterProblem(Function<ParameterSchema, String> raw) {
    return parameterProblem(raw, new HashMap<>());
  }

  /** What is wrong with one parameter: its name, and what to fix. */
  record ParameterProblem(String parameter, String message) {}

  private ParameterProblem parameterProblem(Function<ParameterSchema, String> raw, Map<String, JsonNode> values) {
    for (ParameterSchema parameter : parameters) {
      String text = raw.apply(parameter);
      String what = "The " + parameter.in() + " parameter " + parameter.name();
      String problem;
      if (text == null) {
        problem = parameter.required() ? what + " is required." : null;
      } else {
        problem = check(parameter, text, what, values);
      }
      if (problem != null) {
        return new ParameterProblem(parameter.name(), problem);
      }
    }
    return null;
  }

  private static String check(ParameterSchema parameter, String raw, String what, Map<String, JsonNode> values) {
    JsonNode value;
    try {
      value = RequestParameters.read(parameter.type(), raw);
    } catch (IllegalArgumentException e) {
      return what + " " + e.getMessage() + ", not '" + raw + "'.";
    }
    Set<ValidationMessage> problems = parameter.schema().validate(value);
    if (!problems.isEmpty()) {
      return what + " is invalid: " + SchemaErrors.messages(problems, parameter.name()) + ".";
    }
    values.put(parameter.name(), value);
    return null;
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
    Optional<String> unsupported = JsonBodies.encodingProblem(ctx.request().getHeader("Content-Encoding"))
        .or(() -> JsonBodies.mediaTypeProblem(ctx.request().getHeader("Content-Type")));
    if (unsupported.isPresent()) {
      ctx.response().putHeader("Accept-Encoding", "identity");
      Problem.send(ctx, 415, "Unsupported media type", unsupported.get());
      return false;
    }
    JsonNode json;
    try {
      json = JsonBodies.read(buffer.getBytes());
    } catch (MalformedJsonException e) {
      Problem.send(ctx, 400, "Malformed JSON", e.getMessage());
      return false;
    }
    Set<ValidationMessage> problems = body.schema().validate(json);
    if (!problems.isEmpty()) {
      JsonArray errors = SchemaErrors.fieldErrors(problems, body.description());
      Problem.send(ctx, 400, "Invalid request", SchemaErrors.describe(errors, "The body does not match the schema."), errors);
      return false;
    }
    ctx.put(BODY_KEY, json);
    return true;
  }

  private boolean checkOtherBody(RoutingContext ctx) {
    String contentType = ctx.request().getHeader("Content-Type");
    String mediaType = contentType == null ? "" : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    if (!bufferedMediaTypes.contains(mediaType)) {
      Problem.send(ctx, 415, "Unsupported media type", "Send the body as Content-Type: "
          + String.join(" or ", bufferedMediaTypes) + (contentType == null ? "." : ", not '" + contentType + "'."));
      return false;
    }
    Buffer buffer = ctx.body().buffer();
    if (buffer == null || buffer.length() == 0) {
      Problem.send(ctx, 400, "Invalid request", "The request needs a body of type " + mediaType + ".");
      return false;
    }
    return true;
  }

  private static String raw(ParameterSchema parameter, RoutingContext ctx) {
    return switch (parameter.in()) {
      case "path" -> ctx.pathParam(parameter.name());
      case "query" -> ctx.queryParams().get(parameter.name());
      case "header" -> ctx.request().getHeader(parameter.name());
      case "cookie" -> {
        Cookie cookie = ctx.request().getCookie(parameter.name());
        yield cookie == null ? null : cookie.getValue();
      }
      default -> null;
    };
  }
}
