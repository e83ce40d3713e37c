package io.omniroute.engine.api;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.OutputFormat;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.SchemaRepository;
import io.vertx.json.schema.Validator;
import io.vertx.openapi.contract.MediaType;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.contract.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Validates a request against its OpenAPI operation, on the event loop: parameters (path, query,
 * header) and the JSON body, with JSON-schema validators compiled once when the router is built.
 * An invalid request is answered with a 400 problem naming each offending field; a valid one
 * continues with its parsed body available from {@link #body(RoutingContext)}.
 *
 * <p>Immutable and thread-safe; one instance per operation, shared by all event loops. (Vert.x's
 * own OpenAPI router builds a new schema validator for every request and validates on the worker
 * pool, which cost more than the whole routing decision; see BENCHMARKS.md.)
 */
final class ContractValidation implements Handler<RoutingContext> {
  private static final String BODY_KEY = "omniroute.validatedBody";
  private static final JsonSchemaOptions DETAILED =
      new JsonSchemaOptions().setDraft(Draft.DRAFT202012).setBaseUri("app://").setOutputFormat(OutputFormat.Basic);
  private static final JsonSchemaOptions PASS_FAIL =
      new JsonSchemaOptions().setDraft(Draft.DRAFT202012).setBaseUri("app://").setOutputFormat(OutputFormat.Flag);

  private final List<ParameterCheck> parameters;
  private final SchemaCheck body;
  private final boolean bodyRequired;

  private ContractValidation(List<ParameterCheck> parameters, SchemaCheck body, boolean bodyRequired) {
    this.parameters = parameters;
    this.body = body;
    this.bodyRequired = bodyRequired;
  }

  /** Compiles the validators of one operation. */
  static ContractValidation of(Operation operation, SchemaRepository schemas) {
    List<ParameterCheck> parameters = new ArrayList<>();
    for (Parameter parameter : operation.getParameters()) {
      parameters.add(new ParameterCheck(parameter, SchemaCheck.of(schemas, parameter.getSchema())));
    }
    SchemaCheck body = null;
    boolean required = false;
    if (operation.getRequestBody() != null) {
      MediaType json = operation.getRequestBody().getContent().get("application/json");
      if (json != null) {
        body = SchemaCheck.of(schemas, json.getSchema());
        required = operation.getRequestBody().isRequired();
      }
    }
    return new ContractValidation(List.copyOf(parameters), body, required);
  }

  /** The validated JSON body of this request ({@code null} when the operation has none). */
  static Object body(RoutingContext ctx) {
    return ctx.get(BODY_KEY);
  }

  /** The validated JSON body of this request as an object. */
  static JsonObject bodyObject(RoutingContext ctx) {
    return (JsonObject) ctx.get(BODY_KEY);
  }

  @Override
  public void handle(RoutingContext ctx) {
    for (ParameterCheck parameter : parameters) {
      String problem = parameter.check(ctx);
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
      if (bodyRequired) {
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
    Object json;
    try {
      json = Json.decodeValue(buffer);
    } catch (DecodeException e) {
      Problem.send(ctx, 400, "Malformed JSON", "The body is not valid JSON: send a JSON object.");
      return false;
    }
    OutputUnit result = body.validate(json);
    if (result != null) {
      JsonArray errors = SchemaErrors.fieldErrors(result);
      Problem.send(ctx, 400, "Invalid request", SchemaErrors.describe(errors, "The body does not match the schema."), errors);
      return false;
    }
    ctx.put(BODY_KEY, json);
    return true;
  }

  /** One parameter: where it comes from, whether it is required, its type and its schema. */
  private record ParameterCheck(Parameter parameter, SchemaCheck validator) {
    String name() {
      return parameter.getName();
    }

    String check(RoutingContext ctx) {
      String where = parameter.getIn().name().toLowerCase(Locale.ROOT);
      String raw = switch (parameter.getIn()) {
        case PATH -> ctx.pathParam(parameter.getName());
        case QUERY -> ctx.queryParams().get(parameter.getName());
        case HEADER -> ctx.request().getHeader(parameter.getName());
        case COOKIE -> ctx.request().getCookie(parameter.getName()) == null
            ? null : ctx.request().getCookie(parameter.getName()).getValue();
      };
      if (raw == null) {
        return parameter.isRequired() ? "The " + where + " parameter " + parameter.getName() + " is required." : null;
      }
      Object value = raw;
      String type = parameter.getSchemaType() == null ? "string" : parameter.getSchemaType().name();
      if (type.equals("INTEGER") || type.equals("NUMBER")) {
        try {
          value = type.equals("INTEGER") ? (Object) Long.parseLong(raw.trim()) : (Object) Double.parseDouble(raw.trim());
        } catch (NumberFormatException e) {
          return "The " + where + " parameter " + parameter.getName() + " must be " + (type.equals("INTEGER") ? "an integer" : "a number")
              + ", got '" + raw + "'.";
        }
      }
      OutputUnit result = validator.validate(value);
      if (result == null) {
        return null;
      }
      return "The " + where + " parameter " + parameter.getName() + " is invalid: "
          + SchemaErrors.describe(SchemaErrors.fieldErrors(result), "see /openapi.yaml").replace("body: ", "") + ".";
    }
  }

  /**
   * One schema, compiled twice: a pass/fail validator ({@link OutputFormat#Flag}) for the common,
   * valid case, and a detailed one ({@link OutputFormat#Basic}) run only on failure, for the error
   * list. Validating a valid contact in pass/fail mode skips building the output tree, which was the
   * single largest cost of a request.
   */
  private record SchemaCheck(Validator passFail, Validator detailed) {
    static SchemaCheck of(SchemaRepository schemas, JsonSchema schema) {
      return new SchemaCheck(schemas.validator(schema, PASS_FAIL), schemas.validator(schema, DETAILED));
    }

    /** {@code null} when the value is valid, else the detailed result. */
    OutputUnit validate(Object value) {
      if (Boolean.TRUE.equals(passFail.validate(value).getValid())) {
        return null;
      }
      return detailed.validate(value);
    }
  }
}
