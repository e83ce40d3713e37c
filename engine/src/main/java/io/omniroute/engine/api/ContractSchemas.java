package io.omniroute.engine.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.AnnotationKeyword;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.oas.OpenApi31;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The request schemas of {@code openapi.yaml}, compiled by networknt's json-schema-validator with
 * the OpenAPI 3.1 dialect. Each operation's parameters and JSON body are found in the document and
 * compiled once, so validating a request costs a few microseconds (Vert.x's own validator ran
 * interpreted: its one 9 KB method is over HotSpot's limit for compiling, see BENCHMARKS.md).
 * Built once per router; the compiled schemas are immutable and shared by all event loops. Public
 * for the benchmarks ({@code loadtest}: {@code ValidationBenchmark}).
 */
public final class ContractSchemas {
  /** Where the contract is known to the validator: {@code $ref}s resolve inside this document. */
  private static final String LOCATION = "app://omniroute/openapi.yaml";
  private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch", "head", "options");

  private final JsonNode document;
  private final JsonSchemaFactory factory;
  private final Set<String> unknownKeywords;
  private final SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
      .regularExpressionFactory(EcmaRegularExpressions.INSTANCE)
      .build();
  private final List<OperationSchemas> operations;

  private ContractSchemas(JsonNode document, JsonSchemaFactory factory, Set<String> unknownKeywords) {
    this.document = document;
    this.factory = factory;
    this.unknownKeywords = unknownKeywords;
    this.operations = readOperations();
  }

  /** Reads the contract's text (YAML). */
  public static ContractSchemas of(String yaml) {
    JsonNode document;
    try {
      document = new ObjectMapper(new YAMLFactory()).readTree(yaml);
    } catch (IOException e) {
      throw new UncheckedIOException("openapi.yaml is not valid YAML", e);
    }
    byte[] bytes = yaml.getBytes(StandardCharsets.UTF_8);
    Set<String> unknown = ConcurrentHashMap.newKeySet();
    JsonMetaSchema dialect = JsonMetaSchema.builder(OpenApi31.getInstance())
        .unknownKeywordFactory((keyword, context) -> {
          unknown.add(keyword);
          return new AnnotationKeyword(keyword);
        })
        .build();
    JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012, builder -> builder
        .metaSchema(dialect)
        .defaultMetaSchemaIri(dialect.getIri())
        .schemaLoaders(loaders -> loaders.add(iri ->
            LOCATION.equals(iri.toString()) ? () -> new ByteArrayInputStream(bytes) : null)));
    return new ContractSchemas(document, factory, unknown);
  }

  /**
   * The keywords met so far that are neither JSON Schema nor OpenAPI: the document's own top-level
   * fields, and anything else only by mistake (a misspelt keyword would silently validate nothing).
   */
  Set<String> unknownKeywords() {
    return Set.copyOf(unknownKeywords);
  }

  /** The parameters and body of one operation, by its {@code operationId}. */
  public OperationSchemas operation(String operationId) {
    return operations().stream()
        .filter(operation -> operation.operationId().equals(operationId))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("openapi.yaml has no operation " + operationId));
  }

  /** Every operation of the contract, in document order, with its schemas compiled. */
  public List<OperationSchemas> operations() {
    return operations;
  }

  private List<OperationSchemas> readOperations() {
    List<OperationSchemas> operations = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
    while (paths.hasNext()) {
      Map.Entry<String, JsonNode> path = paths.next();
      String pathPointer = "/paths/" + escape(path.getKey());
      for (String method : METHODS) {
        JsonNode operation = path.getValue().get(method);
        if (operation != null) {
          List<ParameterSchema> parameters = new ArrayList<>();
          addParameters(path.getValue().path("parameters"), pathPointer + "/parameters", parameters);
          addParameters(operation.path("parameters"), pathPointer + "/" + method + "/parameters", parameters);
          operations.add(new OperationSchemas(operation.path("operationId").asText(), method.toUpperCase(Locale.ROOT),
              path.getKey(), List.copyOf(parameters), body(operation, pathPointer + "/" + method),
              otherMediaTypes(operation)));
        }
      }
    }
    return List.copyOf(operations);
  }

  /**
   * The schema of an operation's JSON answer with this status ({@code application/json} or {@code
   * application/problem+json}), if the contract states one: what clients may rely on, checked by
   * the contract's tests.
   */
  public Optional<JsonSchema> responseBody(String operationId, int status) {
    OperationSchemas operation = operation(operationId);
    String pointer = "/paths/" + escape(operation.path()) + "/" + operation.method().toLowerCase(Locale.ROOT)
        + "/responses/" + status;
    JsonNode response = document.at(pointer);
    if (response.has("$ref")) {
      pointer = localPointer(response.get("$ref").asText());
      response = document.at(pointer);
    }
    for (String mediaType : List.of("application/json", "application/problem+json")) {
      if (response.path("content").path(mediaType).has("schema")) {
        return Optional.of(compile(pointer + "/content/" + escape(mediaType) + "/schema"));
      }
    }
    return Optional.empty();
  }

  private void addParameters(JsonNode list, String listPointer, List<ParameterSchema> into) {
    for (int i = 0; i < list.size(); i++) {
      String pointer = listPointer + "/" + i;
      JsonNode parameter = list.get(i);
      if (parameter.has("$ref")) {
        pointer = localPointer(parameter.get("$ref").asText());
        parameter = document.at(pointer);
      }
      String type = parameter.path("schema").path("type").asText("string");
      into.add(new ParameterSchema(parameter.path("name").asText(), parameter.path("in").asText(),
          parameter.path("required").asBoolean(false), type, compile(pointer + "/schema")));
    }
  }

  private BodySchema body(JsonNode operation, String operationPointer) {
    JsonNode body = operation.get("requestBody");
    if (body == null) {
      return null;
    }
    String pointer = operationPointer + "/requestBody";
    if (body.has("$ref")) {
      pointer = localPointer(body.get("$ref").asText());
      body = document.at(pointer);
    }
    if (!body.path("content").has("application/json")) {
      return null;
    }
    String schemaPointer = pointer + "/content/" + escape("application/json") + "/schema";
    JsonNode description = document.at(schemaPointer).get("description");
    return new BodySchema(body.path("required").asBoolean(false), compile(schemaPointer),
        description == null ? null : description.asText());
  }

  private List<String> otherMediaTypes(JsonNode operation) {
    JsonNode body = operation.get("requestBody");
    if (body == null) {
      return List.of();
    }
    if (body.has("$ref")) {
      body = document.at(localPointer(body.get("$ref").asText()));
    }
    List<String> types = new ArrayList<>();
    body.path("content").fieldNames().forEachRemaining(type -> {
      if (!type.equals("application/json")) {
        types.add(type);
      }
    });
    return List.copyOf(types);
  }

  /**
   * The compiled schema {@code name} of {@code components/schemas}: what a channel adapter's
   * contact must satisfy, exactly as a contact sent to the JSON API.
   */
  public JsonSchema component(String name) {
    if (document.at("/components/schemas/" + escape(name)).isMissingNode()) {
      throw new IllegalArgumentException("openapi.yaml has no schema " + name);
    }
    return compile("/components/schemas/" + escape(name));
  }

  private JsonSchema compile(String pointer) {
    JsonSchema schema = factory.getSchema(SchemaLocation.of(LOCATION + "#" + pointer), config);
    schema.initializeValidators();
    return schema;
  }

  private static String localPointer(String ref) {
    if (!ref.startsWith("#/")) {
      throw new IllegalArgumentException("openapi.yaml: only local $refs are supported, got " + ref);
    }
    return ref.substring(1);
  }

  private static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }

  /**
   * What an operation accepts: its parameters in document order, and its JSON body ({@code null}
   * if none); {@code method} is upper case ({@code GET}), {@code path} as the contract writes it
   * ({@code /v1/contacts/{id}}); {@code otherMediaTypes} the body's media types other than JSON
   * ({@code application/x-www-form-urlencoded}, {@code message/rfc822}, {@code text/csv}), which
   * the handler reads itself.
   */
  public record OperationSchemas(
      String operationId, String method, String path, List<ParameterSchema> parameters, BodySchema body,
      List<String> otherMediaTypes) {}

  /** One parameter: {@code in} is {@code path}, {@code query}, {@code header} or {@code cookie}; {@code type} the schema's type. */
  public record ParameterSchema(String name, String in, boolean required, String type, JsonSchema schema) {}

  /**
   * A JSON request body, whether the operation requires it, and its schema's {@code description}
   * ({@code null} if none): for a body of several forms ({@code oneOf}), what to tell a client
   * whose body has none of them.
   */
  public record BodySchema(boolean required, JsonSchema schema, String description) {}
}
