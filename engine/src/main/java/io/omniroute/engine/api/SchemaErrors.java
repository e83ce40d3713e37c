package io.omniroute.engine.api;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.OutputUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns JSON-schema validation output into field errors a client can act on: one entry per
 * offending field, named as a dotted path ({@code from.phone}), with messages such as "is
 * required", "must be one of ..." or the expected format. Stateless.
 */
final class SchemaErrors {
  private SchemaErrors() {}

  private static final Pattern REQUIRED = Pattern.compile("Instance does not have required property \"(.+)\"");
  private static final Pattern SUMMARY = Pattern.compile("Property \".*\" does not match schema|A subschema had errors");
  private static final String UNKNOWN = "does not match additional properties schema";
  private static final Map<String, String> FORMATS = Map.of(
      "from.phone", "must be an E.164 phone number such as +498912345678",
      "from.email", "must be an e-mail address such as anna@example.com",
      "country", "must be an ISO 3166-1 alpha-2 country code such as DE",
      "language", "must be a language tag such as de or en-GB");

  /** Leaf errors of the schema validation, one readable message per field problem. */
  static JsonArray fieldErrors(OutputUnit unit) {
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
