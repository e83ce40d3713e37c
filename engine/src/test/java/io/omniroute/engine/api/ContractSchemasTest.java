package io.omniroute.engine.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.omniroute.engine.api.ContractSchemas.OperationSchemas;
import io.omniroute.engine.api.ContractSchemas.ParameterSchema;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ContractSchemasTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static String yaml;
  private static ContractSchemas schemas;

  @BeforeAll
  static void load() throws IOException {
    try (InputStream in = ContractSchemasTest.class.getClassLoader().getResourceAsStream("openapi.yaml")) {
      yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    schemas = ContractSchemas.of(yaml);
  }

  @Test
  void compilesEveryOperationWithOnlyKnownKeywords() throws IOException {
    JsonNode document = new ObjectMapper(new YAMLFactory()).readTree(yaml);
    List<String> operationIds = new ArrayList<>();
    document.path("paths").forEach(path -> path.forEach(operation -> {
      if (operation.has("operationId")) {
        operationIds.add(operation.get("operationId").asText());
      }
    }));

    operationIds.forEach(schemas::operation);

    assertThat(operationIds).hasSizeGreaterThan(15);
    assertThat(schemas.unknownKeywords()).isSubsetOf("openapi", "info", "servers", "paths", "components", "security", "tags");
  }

  /** Handlers read integers from requests as {@code int}: the contract must not let one exceed it. */
  @Test
  void everyIntegerARequestCarriesFitsAnInt() throws IOException {
    JsonNode document = new ObjectMapper(new YAMLFactory()).readTree(yaml);
    List<String> unbounded = new ArrayList<>();
    document.path("paths").forEach(path -> path.forEach(operation -> {
      operation.path("parameters").forEach(parameter -> collectUnboundedIntegers(document, parameter, "", unbounded));
      collectUnboundedIntegers(document, operation.path("requestBody"), "", unbounded);
    }));

    assertThat(unbounded).isEmpty();
  }

  private static void collectUnboundedIntegers(JsonNode document, JsonNode node, String where, List<String> into) {
    if (node.has("$ref")) {
      collectUnboundedIntegers(document, document.at(node.get("$ref").asText().substring(1)), node.get("$ref").asText(), into);
      return;
    }
    if ("integer".equals(node.path("type").asText())
        && (!node.has("maximum") || node.get("maximum").asLong() > Integer.MAX_VALUE
            || !node.has("minimum") || node.get("minimum").asLong() < Integer.MIN_VALUE)) {
      into.add(where + " " + node);
    }
    node.fields().forEachRemaining(field -> {
      if (field.getValue().isContainerNode()) {
        collectUnboundedIntegers(document, field.getValue(), where + "/" + field.getKey(), into);
      }
    });
    if (node.isArray()) {
      node.forEach(item -> collectUnboundedIntegers(document, item, where, into));
    }
  }

  @Test
  void acceptsAFullContact() {
    assertThat(contactErrors("{\"channel\":\"email\",\"from\":{\"email\":\"anna@example.com\"},\"country\":\"DE\","
        + "\"dealerId\":\"DE-MUC-001\",\"language\":\"en-GB\",\"subject\":\"Offer\",\"text\":\"Is the car still there?\","
        + "\"references\":{\"vin\":\"WVW123\"},\"attributes\":{\"campaign\":\"spring\"}}")).isEmpty();
  }

  @Test
  void namesEachOffendingFieldWithWhatToFix() {
    assertThat(messages(contactErrors("{\"text\":\"hi\"}"))).containsExactly("channel: is required");
    assertThat(messages(contactErrors("{\"channel\":\"fax\"}")))
        .containsExactly("channel: must be one of voice, email, chat, social, sms");
    assertThat(messages(contactErrors("{\"channel\":\"voice\",\"from\":{\"phone\":\"089123\"}}")))
        .containsExactly("from.phone: must be an E.164 phone number such as +498912345678");
    assertThat(messages(contactErrors("{\"channel\":\"voice\",\"country\":\"Germany\",\"language\":\"German\"}")))
        .containsExactlyInAnyOrder("country: must be an ISO 3166-1 alpha-2 country code such as DE",
            "language: must be a language tag such as de or en-GB");
    assertThat(messages(contactErrors("{\"channel\":\"voice\",\"colour\":\"blue\"}")))
        .containsExactly("colour: is not a known field: remove it (see /openapi.yaml)");
    assertThat(messages(contactErrors("{\"channel\":\"voice\",\"references\":{\"vin\":42}}")))
        .containsExactly("references.vin: must be of type string, not integer");
    assertThat(messages(contactErrors("{\"channel\":\"voice\",\"customerId\":\"\"}")))
        .containsExactly("customerId: must be at least 1 characters long");
    assertThat(messages(contactErrors("[1,2]"))).containsExactly("body: must be of type object, not array");
  }

  @Test
  void findsReferencedParametersWithTheirSchemas() {
    OperationSchemas listQueue = schemas.operation("getQueue");

    assertThat(listQueue.parameters()).extracting(ParameterSchema::name, ParameterSchema::in, ParameterSchema::type)
        .containsExactly(tuple("queue", "path", "string"),
            tuple("limit", "query", "integer"));
    ParameterSchema limit = listQueue.parameters().get(1);
    assertThat(limit.schema().validate(LongNode.valueOf(100))).isEmpty();
    assertThat(SchemaErrors.messages(limit.schema().validate(LongNode.valueOf(5000)), "limit"))
        .isEqualTo("must have a maximum value of 1000");
    ParameterSchema key = schemas.operation("createContact").parameters().get(0);
    assertThat(key.name()).isEqualTo("Idempotency-Key");
    assertThat(key.schema().validate(TextNode.valueOf("k".repeat(201)))).isNotEmpty();
    assertThat(listQueue.body()).isNull();
  }

  @Test
  void refusesAnUnknownOperation() {
    assertThatThrownBy(() -> schemas.operation("noSuchOperation")).hasMessageContaining("noSuchOperation");
  }

  private static JsonArray contactErrors(String body) {
    try {
      return SchemaErrors.fieldErrors(schemas.operation("createContact").body().schema().validate(JSON.readTree(body)));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static List<String> messages(JsonArray errors) {
    List<String> messages = new ArrayList<>();
    for (Object error : errors) {
      Map<?, ?> map = ((JsonObject) error).getMap();
      messages.add(map.get("field") + ": " + map.get("message"));
    }
    return messages;
  }
}
