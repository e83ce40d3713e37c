package io.omniroute.engine.api.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omniroute.engine.api.ContractSchemas.OperationSchemas;
import io.omniroute.engine.api.ContractSchemas.ParameterSchema;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Derives requests from {@code openapi.yaml}: for an operation, values for its parameters and a
 * body from their schemas (objects with their required and some optional fields, strings within
 * their lengths, numbers within their bounds, one of a {@code oneOf}, known good values for
 * patterns), then spoils it as the {@link Mutation} says. All randomness comes from the given
 * {@link Random}, so a seed replays a request exactly. Not thread-safe; one per property try.
 */
final class RequestGenerator {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  /** Values that match the contract's patterns, by pattern. */
  private static final Map<String, List<String>> PATTERN_VALUES = Map.of(
      "^(global|[A-Z]{2})$", List.of("global", "DE", "AT", "GB", "FR", "CH", "XX"),
      "^\\+[1-9][0-9]{6,14}$", List.of("+498912345678", "+4312345678", "+441234567890"),
      "^[^@\\s]+@[^@\\s]+$", List.of("anna@example.com", "tom@example.co.uk"),
      "^[A-Z]{2}$", List.of("DE", "AT", "GB", "FR", "CH", "US"),
      "^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$", List.of("de", "en-GB", "fr"),
      "^[A-Za-z0-9][A-Za-z0-9._:@-]{0,63}$", List.of("C-1001", "C-2002", "crm:4711", "x"));
  private static final List<String> QUEUES = List.of(
      "central", "country:DE", "country:AT", "dealer:DE-MUC-001", "dealer:DE-BER-001", "expert:ev-battery", "nowhere");
  private static final List<String> TEXTS = List.of(
      "I had an accident on the A9, the engine is smoking", "Wann ist mein Auto fertig?",
      "Wie lange hält der Akku im Winter?", "Which colours does the estate come in?", "Is the car still there?");
  private static final List<String> RULE_TEXTS = List.of(
      "package io.omniroute.rules;\n",
      "package io.omniroute.rules;\nrule \"x\" when then",
      "package io.omniroute.rules;\nimport java.io.File;\n",
      "rule", "\u2603\u2603 not DRL");
  private static final List<String> ODD_STRINGS = List.of(
      "DE\n", "de\n", "+498912345678\n", "anna\u00a0x@example.com", "\u0000", "\uD83D\uDE00", " ", "",
      "a\u202Eb", "\\u0000", "%00", "../..", "null", "\uFEFF");
  private static final List<String> ODD_NUMBERS = List.of(
      "+5", " 5", "5 ", "05", "5.0", "5.5", "-1", "0", "2147483648", "4294967297", "9223372036854775808",
      "1e400", "-0", "0x10", "\uFF15", "NaN", "");
  private static final List<String> ODD_JSON_NUMBERS = List.of(
      "1e400", "-1e400", "4294967297", "2147483648", "1.5", "-0.0", "1.0", "123456789012345678901234567890", "-2147483649");
  private static final List<String> TOKENS = List.of(
      "demo-admin", "demo-supervisor", "demo-supervisor-de", "demo-supervisor-at", "demo-ops", "demo-telephony",
      "demo-adapter", "demo-dealer-de-muc-001", "demo-dealer-de-ber-001", "demo-agent-sepp", "not-a-known-token");

  private final JsonNode document;
  private final List<String> contactIds;
  private final Random random;

  RequestGenerator(JsonNode document, List<String> contactIds, Random random) {
    this.document = document;
    this.contactIds = contactIds;
    this.random = random;
  }

  FuzzRequest next(OperationSchemas operation, Mutation mutation) {
    Map<String, String> headers = new LinkedHashMap<>();
    String path = operation.path();
    StringBuilder query = new StringBuilder();
    List<ParameterSchema> parameters = operation.parameters();
    int odd = mutation == Mutation.ODD_PARAMETER && !parameters.isEmpty() ? random.nextInt(parameters.size()) : -1;
    for (int i = 0; i < parameters.size(); i++) {
      ParameterSchema parameter = parameters.get(i);
      if (!parameter.required() && random.nextInt(3) == 0 && i != odd) {
        continue;
      }
      String value = i == odd ? oddParameter(parameter) : parameterValue(operation, parameter);
      switch (parameter.in()) {
        case "path" -> path = path.replace("{" + parameter.name() + "}", encode(value));
        case "query" -> query.append(query.length() == 0 ? "?" : "&").append(parameter.name()).append('=').append(encode(value));
        case "header" -> headers.put(parameter.name(), headerValue(value));
        default -> { }
      }
    }
    String token = switch (mutation) {
      case NO_TOKEN -> null;
      case OTHER_TOKEN -> pick(TOKENS);
      default -> "demo-admin";
    };
    if (token != null) {
      headers.put("Authorization", "Bearer " + token);
    }
    byte[] body = null;
    JsonNode bodySchema = bodySchemaOf(operation);
    if (bodySchema != null) {
      headers.put("Content-Type", "application/json");
      body = body(bodySchema, mutation, headers);
    }
    String method = mutation == Mutation.WRONG_METHOD ? undeclaredMethod(operation.path()) : operation.method();
    return new FuzzRequest(operation.operationId(), mutation, method, path + query, Map.copyOf(headers), body);
  }

  /** A method the contract does not declare on {@code path}, so that no other operation answers it. */
  private String undeclaredMethod(String path) {
    JsonNode declared = document.path("paths").path(path);
    List<String> undeclared = new ArrayList<>();
    for (String method : List.of("GET", "PUT", "POST", "DELETE", "PATCH")) {
      if (!declared.has(method.toLowerCase(Locale.ROOT))) {
        undeclared.add(method);
      }
    }
    return pick(undeclared);
  }

  private byte[] body(JsonNode schema, Mutation mutation, Map<String, String> headers) {
    JsonNode value = generate(schema, 0);
    switch (mutation) {
      case DROP_REQUIRED_FIELD -> dropAField(value);
      case UNKNOWN_FIELD -> objectIn(value).put("surprise" + random.nextInt(100), "x");
      case WRONG_TYPE -> replaceAField(value, pick(List.of(JSON.numberNode(7), JSON.booleanNode(true), JSON.arrayNode(), JSON.nullNode(), JSON.textNode("7"))));
      case LONG_STRING -> replaceAField(value, JSON.textNode("x".repeat(1 + random.nextInt(70_000))));
      case ODD_CHARACTERS -> replaceAField(value, JSON.textNode(pick(ODD_STRINGS)));
      case EXTREME_NUMBER -> replaceAField(value, JSON.numberNode(new BigDecimal(pick(ODD_JSON_NUMBERS))));
      case OVERSIZED_BODY -> objectIn(value).put("padding", "y".repeat(64 * 1024 + random.nextInt(5 * 1024 * 1024)));
      default -> { }
    }
    String text = value.toString();
    switch (mutation) {
      case DUPLICATE_KEY -> text = text.startsWith("{") && text.length() > 2
          ? "{\"" + firstFieldName(value) + "\":\"again\"," + text.substring(1)
          : text;
      case MALFORMED_JSON -> text = pick(List.of(text.substring(0, Math.max(0, text.length() - 1)), text + "}",
          "{'single':'quotes'}", "[", "", "\uFEFF" + text, text + " trailing", "{\"a\":1,}", "nul"));
      case WRONG_MEDIA_TYPE -> headers.put("Content-Type", pick(List.of("application/jsonx", "text/plain",
          "application/json; charset=iso-8859-1", "application/x-www-form-urlencoded", "application/json; v=1")));
      case CONTENT_ENCODING -> headers.put("Content-Encoding", pick(List.of("gzip", "br", "deflate")));
      default -> { }
    }
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private String parameterValue(OperationSchemas operation, ParameterSchema parameter) {
    return switch (parameter.name()) {
      case "id" -> contactIds.isEmpty() || random.nextInt(4) == 0 ? "no-such-contact" : pick(contactIds);
      case "queue" -> pick(QUEUES);
      case "version" -> String.valueOf(1 + random.nextInt(3));
      case "Idempotency-Key" -> "fuzz-" + random.nextInt(50);
      default -> generate(parameterSchema(operation, parameter), 0).asText();
    };
  }

  private String oddParameter(ParameterSchema parameter) {
    return parameter.type().equals("integer") || random.nextBoolean() ? pick(ODD_NUMBERS) : pick(ODD_STRINGS);
  }

  private JsonNode parameterSchema(OperationSchemas operation, ParameterSchema parameter) {
    for (JsonNode candidate : allParameters(operation)) {
      JsonNode resolved = resolve(candidate);
      if (resolved.path("name").asText().equals(parameter.name())) {
        return resolved.path("schema");
      }
    }
    return JSON.objectNode().put("type", "string");
  }

  private List<JsonNode> allParameters(OperationSchemas operation) {
    JsonNode path = document.path("paths").path(operation.path());
    List<JsonNode> all = new ArrayList<>();
    path.path("parameters").forEach(all::add);
    path.path(operation.method().toLowerCase()).path("parameters").forEach(all::add);
    return all;
  }

  private JsonNode bodySchemaOf(OperationSchemas operation) {
    JsonNode body = resolve(document.path("paths").path(operation.path()).path(operation.method().toLowerCase()).path("requestBody"));
    JsonNode schema = body.path("content").path("application/json").path("schema");
    return schema.isMissingNode() ? null : schema;
  }

  /** A value valid for {@code schema}, as far as this generator knows the schema's keywords. */
  JsonNode generate(JsonNode schema, int depth) {
    schema = resolve(schema);
    if (schema.has("oneOf")) {
      return generate(schema.get("oneOf").get(random.nextInt(schema.get("oneOf").size())), depth);
    }
    if (schema.has("enum")) {
      JsonNode values = schema.get("enum");
      return values.get(random.nextInt(values.size()));
    }
    JsonNode typeNode = schema.path("type");
    String type = typeNode.isArray() ? typeNode.get(0).asText() : typeNode.asText(schema.has("properties") ? "object" : "string");
    return switch (type) {
      case "object" -> object(schema, depth);
      case "array" -> {
        ArrayNode array = JSON.arrayNode();
        int items = Math.max(schema.path("minItems").asInt(0), random.nextInt(depth > 1 ? 1 : 4));
        for (int i = 0; i < Math.min(items, schema.path("maxItems").asInt(Integer.MAX_VALUE)); i++) {
          array.add(generate(schema.path("items"), depth + 1));
        }
        yield array;
      }
      case "integer" -> {
        long min = schema.path("minimum").asLong(0);
        long max = Math.min(schema.path("maximum").asLong(min + 100), min + 100);
        yield JSON.numberNode(min + (long) random.nextInt((int) (max - min + 1)));
      }
      case "number" -> JSON.numberNode(random.nextDouble() * 100);
      case "boolean" -> JSON.booleanNode(random.nextBoolean());
      default -> JSON.textNode(string(schema));
    };
  }

  private ObjectNode object(JsonNode schema, int depth) {
    ObjectNode object = JSON.objectNode();
    List<String> required = new ArrayList<>();
    schema.path("required").forEach(name -> required.add(name.asText()));
    Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields();
    while (properties.hasNext()) {
      Map.Entry<String, JsonNode> property = properties.next();
      if (required.contains(property.getKey()) || (depth < 2 && random.nextInt(3) > 0)) {
        object.set(property.getKey(), generate(property.getValue(), depth + 1));
      }
    }
    JsonNode additional = schema.path("additionalProperties");
    if (additional.isObject() && random.nextBoolean()) {
      for (int i = 0; i < random.nextInt(3); i++) {
        object.set("key" + i, generate(additional, depth + 1));
      }
    }
    return object;
  }

  private String string(JsonNode schema) {
    String pattern = schema.path("pattern").asText(null);
    if (pattern != null) {
      return pick(PATTERN_VALUES.getOrDefault(pattern, List.of("x")));
    }
    if (schema.path("maxLength").asInt(0) >= 100_000) {
      return pick(RULE_TEXTS);
    }
    int min = schema.path("minLength").asInt(0);
    int max = Math.min(schema.path("maxLength").asInt(60), 60);
    String text = pick(TEXTS);
    if (text.length() > max) {
      text = text.substring(0, max);
    }
    return text.length() < min ? text + "x".repeat(min - text.length()) : text;
  }

  private JsonNode resolve(JsonNode node) {
    while (node.has("$ref")) {
      node = document.at(node.get("$ref").asText().substring(1));
    }
    return node;
  }

  private void dropAField(JsonNode value) {
    if (value instanceof ObjectNode object && object.size() > 0) {
      object.remove(firstFieldName(object));
    }
  }

  private void replaceAField(JsonNode value, JsonNode replacement) {
    if (value instanceof ObjectNode object && object.size() > 0) {
      List<String> names = new ArrayList<>();
      object.fieldNames().forEachRemaining(names::add);
      object.set(pick(names), replacement);
    }
  }

  private static ObjectNode objectIn(JsonNode value) {
    return value instanceof ObjectNode object ? object : JSON.objectNode();
  }

  private static String firstFieldName(JsonNode value) {
    Iterator<String> names = value.fieldNames();
    return names.hasNext() ? names.next() : "field";
  }

  /** What of a value an HTTP client sends as a header: visible ASCII and inner spaces only. */
  private static String headerValue(String value) {
    String visible = value.replaceAll("[^\\x20-\\x7E]", "").strip();
    return visible.isEmpty() ? "k" : visible;
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }
}
