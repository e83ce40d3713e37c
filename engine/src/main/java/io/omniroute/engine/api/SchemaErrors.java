package io.omniroute.engine.api;

import io.omniroute.engine.http.Problem;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.ValidationMessage;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Set;

/**
 * Turns JSON-schema validation messages into field errors a client can act on: one entry per
 * offending field and problem, the field named as a dotted path ({@code from.phone}), with messages
 * such as "is required", "must be one of ..." or the expected format. Stateless.
 */
final class SchemaErrors {
  private SchemaErrors() {}

  private static final Map<String, String> FORMATS = Map.of(
      "from.phone", "must be an E.164 phone number such as +498912345678",
      "from.email", "must be an e-mail address such as anna@example.com",
      "country", "must be an ISO 3166-1 alpha-2 country code such as DE",
      "language", "must be a language tag such as de or en-GB");

  /**
   * One {@code {field, message}} per problem, in the order the validator found them, without
   * repeats. A body of several forms ({@code oneOf}) is judged by the form whose fields it has:
   * the problems of that form alone are reported; when it has the fields of none (or of several),
   * one problem says so, in the words of {@code formsHint} (the body schema's description).
   */
  static JsonArray fieldErrors(Collection<ValidationMessage> messages, String formsHint) {
    Optional<ValidationMessage> oneOf = messages.stream()
        .filter(message -> message.getType().equals("oneOf") && message.getInstanceLocation().toString().isEmpty())
        .findFirst();
    if (oneOf.isEmpty()) {
      return fieldErrors(messages);
    }
    String alternatives = oneOf.get().getEvaluationPath() + "/";
    Map<String, List<ValidationMessage>> byForm = new LinkedHashMap<>();
    List<ValidationMessage> outside = new ArrayList<>();
    for (ValidationMessage message : messages) {
      String path = message.getEvaluationPath().toString();
      if (message == oneOf.get()) {
        continue;
      }
      if (path.startsWith(alternatives)) {
        String form = path.substring(alternatives.length()).split("/", 2)[0];
        byForm.computeIfAbsent(form, key -> new ArrayList<>()).add(message);
      } else {
        outside.add(message);
      }
    }
    List<List<ValidationMessage>> matchingShape = byForm.values().stream()
        .filter(problems -> problems.stream().noneMatch(SchemaErrors::isShapeProblem))
        .toList();
    if (matchingShape.size() == 1) {
      outside.addAll(matchingShape.get(0));
      return fieldErrors(outside);
    }
    JsonArray errors = fieldErrors(outside);
    errors.add(Problem.fieldError("body", formsHint != null ? formsHint
        : "must have the fields of exactly one of the forms /openapi.yaml describes for this body"));
    return errors;
  }

  /** Whether a problem is with which fields an object has, rather than with a field's value. */
  private static boolean isShapeProblem(ValidationMessage message) {
    return message.getInstanceLocation().toString().isEmpty()
        && (message.getType().equals("required") || message.getType().equals("additionalProperties"));
  }

  /** One {@code {field, message}} per problem, in the order the validator found them, without repeats. */
  static JsonArray fieldErrors(Collection<ValidationMessage> messages) {
    Set<List<String>> seen = new LinkedHashSet<>();
    for (ValidationMessage message : messages) {
      String field = field(message);
      seen.add(List.of(field, message(field, message)));
    }
    JsonArray errors = new JsonArray();
    seen.forEach(error -> errors.add(Problem.fieldError(error.get(0), error.get(1))));
    return errors;
  }

  /** The messages alone, for a value that is not a field of a body (a parameter). */
  static String messages(Collection<ValidationMessage> messages, String field) {
    Set<String> texts = new LinkedHashSet<>();
    messages.forEach(message -> texts.add(message(field, message)));
    return String.join("; ", texts);
  }

  private static String field(ValidationMessage message) {
    String pointer = message.getInstanceLocation().toString();
    List<String> parts = new ArrayList<>();
    for (String token : pointer.split("/")) {
      if (!token.isEmpty()) {
        parts.add(token.replace("~1", "/").replace("~0", "~"));
      }
    }
    String type = message.getType();
    if (message.getProperty() != null && (type.equals("required") || type.equals("additionalProperties"))) {
      parts.add(message.getProperty());
    }
    return parts.isEmpty() ? "body" : String.join(".", parts);
  }

  private static String message(String field, ValidationMessage message) {
    Object[] arguments = message.getArguments();
    return switch (message.getType()) {
      case "required" -> "is required";
      case "additionalProperties" -> "is not a known field: remove it (see /openapi.yaml)";
      case "enum" -> "must be one of " + values(message.getSchemaNode());
      case "pattern" -> FORMATS.getOrDefault(field, "must match the pattern " + arguments[0]);
      case "type" -> "must be of type " + arguments[1] + ", not " + arguments[0];
      default -> message.getError();
    };
  }

  private static String values(JsonNode enumeration) {
    List<String> values = new ArrayList<>();
    enumeration.forEach(value -> values.add(value.asText()));
    return String.join(", ", values);
  }

  static String describe(JsonArray errors, String fallback) {
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
}
