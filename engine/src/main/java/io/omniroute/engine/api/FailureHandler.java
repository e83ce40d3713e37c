package io.omniroute.engine.api;

import io.omniroute.engine.queue.ContactNotFoundException;
import io.omniroute.engine.queue.IllegalTransitionException;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.json.schema.OutputUnit;
import io.vertx.openapi.validation.SchemaValidationException;
import io.vertx.openapi.validation.ValidatorException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every failure into a problem+json answer: validation errors name the offending field,
 * store failures map to 404 and 409, and nothing a client sends produces a 5xx. Stateless.
 */
final class FailureHandler {
  private static final Logger LOG = LoggerFactory.getLogger(FailureHandler.class);

  private FailureHandler() {}

  static void handle(RoutingContext ctx) {
    Throwable failure = unwrap(ctx.failure());
    int status = ctx.statusCode();
    if (failure instanceof SchemaValidationException e && isAboutBody(e)) {
      JsonArray errors = fieldErrors(e.getOutputUnit());
      Problem.send(ctx, 400, "Invalid request", describe(errors, e.getMessage()), errors);
    } else if (failure instanceof ValidatorException e) {
      Problem.send(ctx, 400, "Invalid request", explain(e.getMessage()));
    } else if (failure instanceof ContactNotFoundException e) {
      Problem.send(ctx, 404, "Contact not found", capitalise(e.getMessage()) + ": check the id returned by POST /v1/contacts.");
    } else if (failure instanceof IllegalTransitionException e) {
      Problem.send(ctx, 409, "Illegal status change", capitalise(e.getMessage()) + ": " + hint(e) + ".");
    } else if (failure instanceof DecodeException || hasCause(failure, DecodeException.class)) {
      Problem.send(ctx, 400, "Malformed JSON", "The body is not valid JSON: send a JSON object.");
    } else if (status == 413) {
      Problem.send(ctx, 413, "Body too large", "The request body exceeds " + ApiRouter.BODY_LIMIT_BYTES + " bytes (64 KiB): shorten it.");
    } else if (status >= 400 && status < 500) {
      clientError(ctx, status);
    } else {
      LOG.error("unexpected failure on {} {}", ctx.request().method(), ctx.request().path(), failure);
      Problem.send(ctx, 500, "Internal error", "The engine failed to handle this request; the failure was logged.");
    }
  }

  /** Answers a 4xx that came without an exception of ours: unknown path, wrong method, bad media type. */
  static void clientError(RoutingContext ctx, int status) {
    switch (status) {
      case 404 -> Problem.send(ctx, 404, "Not found",
          "No endpoint at " + ctx.request().path() + ": see /openapi.yaml for the API.");
      case 405 -> Problem.send(ctx, 405, "Method not allowed",
          ctx.request().method() + " is not supported on " + ctx.request().path() + ": see /openapi.yaml.");
      case 413 -> Problem.send(ctx, 413, "Body too large",
          "The request body exceeds " + ApiRouter.BODY_LIMIT_BYTES + " bytes (64 KiB): shorten it.");
      case 415 -> Problem.send(ctx, 415, "Unsupported media type", "Send the body as Content-Type: application/json.");
      default -> {
        LOG.debug("client error {} on {}", status, ctx.request().path(), ctx.failure());
        Problem.send(ctx, status, "Bad request",
            ctx.failure() == null ? "The request was rejected." : String.valueOf(ctx.failure().getMessage()));
      }
    }
  }

  private static String hint(IllegalTransitionException e) {
    return switch (e.to()) {
      case COMPLETED -> "only an ASSIGNED contact can be completed; claim it first";
      case ABANDONED -> "only a QUEUED or ASSIGNED contact can be abandoned";
      default -> "see the contact's status with GET /v1/contacts/{id}";
    };
  }

  private static final Pattern REQUIRED = Pattern.compile("Instance does not have required property \"(.+)\"");
  private static final Pattern SUMMARY = Pattern.compile("Property \".*\" does not match schema|A subschema had errors");
  private static final String UNKNOWN = "does not match additional properties schema";
  private static final Map<String, String> FORMATS = Map.of(
      "from.phone", "must be an E.164 phone number such as +498912345678",
      "from.email", "must be an e-mail address such as anna@example.com",
      "country", "must be an ISO 3166-1 alpha-2 country code such as DE",
      "language", "must be a language tag such as de or en-GB");

  private static boolean isAboutBody(SchemaValidationException e) {
    return e.getMessage() == null || !e.getMessage().contains("parameter");
  }

  /** Leaf errors of the schema validation, one readable message per field problem. */
  private static JsonArray fieldErrors(OutputUnit unit) {
    List<OutputUnit> leaves = new ArrayList<>();
    collectLeaves(unit, leaves);
    Map<String, Set<String>> byField = new LinkedHashMap<>();
    for (OutputUnit leaf : leaves) {
      String field = field(leaf.getInstanceLocation());
      String message = leaf.getError();
      if (message == null) {
        continue;
      }
      Matcher required = REQUIRED.matcher(message);
      if (required.matches()) {
        field = field.equals("body") ? required.group(1) : field + "." + required.group(1);
        message = "is required";
      } else if (message.startsWith("Instance does not match any of [")) {
        message = "must be one of " + message.substring("Instance does not match any of [".length(), message.length() - 1)
            .replace("\"", "").replace(",", ", ");
      } else if (message.startsWith("String does not match pattern")) {
        message = FORMATS.getOrDefault(field, message);
      }
      byField.computeIfAbsent(field, f -> new LinkedHashSet<>()).add(message);
    }
    JsonArray errors = new JsonArray();
    byField.forEach((field, messages) -> {
      List<String> specific = messages.stream()
          .filter(m -> !SUMMARY.matcher(m).matches() && !m.endsWith(UNKNOWN)).toList();
      boolean declared = messages.stream().anyMatch(m -> m.endsWith("does not match schema"));
      if (specific.isEmpty() && !declared && messages.stream().anyMatch(m -> m.endsWith(UNKNOWN))) {
        specific = List.of("is not a known field: remove it (see /openapi.yaml)");
      }
      specific.forEach(message -> errors.add(Problem.fieldError(field, message)));
    });
    return errors;
  }

  /** A validator message made actionable. */
  private static String explain(String message) {
    String text = message == null ? "The request is invalid" : message.replaceAll("\\.+$", "");
    if (text.contains("can't be decoded")) {
      return "The body is not valid JSON: send a JSON object.";
    }
    if (text.contains("format of the request body is not supported")) {
      return "The body must be sent with Content-Type: application/json.";
    }
    if (text.contains("does not contain the required body")) {
      return "The request needs a JSON body: see /openapi.yaml.";
    }
    return text + ".";
  }

  private static void collectLeaves(OutputUnit unit, List<OutputUnit> leaves) {
    if (unit == null) {
      return;
    }
    if (unit.getErrors() == null || unit.getErrors().isEmpty()) {
      if (unit.getError() != null) {
        leaves.add(unit);
      }
      return;
    }
    for (OutputUnit child : unit.getErrors()) {
      collectLeaves(child, leaves);
    }
  }

  private static String field(String instanceLocation) {
    if (instanceLocation == null) {
      return "body";
    }
    String pointer = instanceLocation.startsWith("#") ? instanceLocation.substring(1) : instanceLocation;
    return pointer.isEmpty() || pointer.equals("/") ? "body" : pointer.substring(1).replace('/', '.');
  }

  private static String describe(JsonArray errors, String fallback) {
    if (errors.isEmpty()) {
      return fallback;
    }
    StringBuilder detail = new StringBuilder();
    for (int i = 0; i < errors.size(); i++) {
      JsonObject error = errors.getJsonObject(i);
      if (i > 0) {
        detail.append("; ");
      }
      detail.append(error.getString("field")).append(": ").append(error.getString("message"));
    }
    return detail.toString();
  }

  /** The validation or store failure behind Vert.x Web's wrappers, else the failure itself. */
  private static Throwable unwrap(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ValidatorException || t instanceof io.omniroute.engine.queue.QueueStoreException) {
        return t;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return failure;
  }

  private static boolean hasCause(Throwable failure, Class<? extends Throwable> type) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  private static String capitalise(String message) {
    return message.isEmpty() ? message : Character.toUpperCase(message.charAt(0)) + message.substring(1);
  }
}
