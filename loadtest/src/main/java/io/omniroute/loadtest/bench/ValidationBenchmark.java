package io.omniroute.loadtest.bench;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.omniroute.engine.api.ContractSchemas;
import io.omniroute.engine.api.JsonBodies;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.OutputFormat;
import io.vertx.json.schema.Validator;
import io.vertx.openapi.contract.OpenAPIContract;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Parsing and validating one {@code POST /v1/contacts} body against {@code openapi.yaml}, the
 * first thing the engine does with every contact:
 *
 * <ul>
 *   <li>{@link #networknt}: what the engine does now ({@link JsonBodies}: a Jackson tree, strict
 *       about duplicate keys, trailing tokens and encodings, exact numbers; then the schema {@link
 *       ContractSchemas} compiled with networknt's json-schema-validator);
 *   <li>{@link #networkntLenientReader}: the same schema after a plain Jackson tree (trailing
 *       tokens refused, nothing else): what the strict reading costs;
 *   <li>{@link #vertxJsonSchema}: what it did before: Vert.x's decoder, then Vert.x's pass/fail
 *       validator compiled once from the same contract. Its validating method is 9,290 bytes of
 *       bytecode, over HotSpot's 8,000-byte limit for JIT compilation, so it runs interpreted
 *       unless the JVM runs with {@code -XX:-DontCompileHugeMethods} (a second fork below).
 * </ul>
 *
 * Run: {@code java -jar loadtest/target/omniroute-benchmarks.jar ValidationBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 2, timeUnit = TimeUnit.SECONDS)
public class ValidationBenchmark {
  /** A contact such as the load generator sends: e-mail, German, with a dealer and a reference. */
  public static final String CONTACT = "{\"channel\":\"email\",\"from\":{\"email\":\"anna@example.com\"},"
      + "\"country\":\"DE\",\"dealerId\":\"DE-MUC-001\",\"language\":\"de\",\"subject\":\"Frage zu meinem Auto\","
      + "\"text\":\"Ich habe eine Frage zum Angebot für den Wagen auf Ihrem Hof, bitte um Rückruf.\","
      + "\"references\":{\"vin\":\"WVWZZZ1JZXW000001\"}}";

  private static final ObjectReader LENIENT =
      new ObjectMapper().reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  byte[] body = CONTACT.getBytes(StandardCharsets.UTF_8);
  com.networknt.schema.JsonSchema networkntSchema;
  Validator vertxValidator;
  private Vertx vertx;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    String yaml;
    try (InputStream in = ContractSchemas.class.getClassLoader().getResourceAsStream("openapi.yaml")) {
      yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    networkntSchema = ContractSchemas.of(yaml).operation("createContact").body().schema();
    vertx = Vertx.vertx();
    @SuppressWarnings("unchecked")
    Map<String, Object> tree = new ObjectMapper(new YAMLFactory()).readValue(yaml, Map.class);
    OpenAPIContract contract = OpenAPIContract.from(vertx, intakeOnly(new JsonObject(tree)))
        .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    vertxValidator = contract.getSchemaRepository().validator(
        contract.operation("createContact").getRequestBody().getContent().get("application/json").getSchema(),
        new JsonSchemaOptions().setDraft(Draft.DRAFT202012).setBaseUri("app://").setOutputFormat(OutputFormat.Flag));
  }

  /**
   * The contract reduced to what Vert.x's validator needs for the intake body: its operation and
   * the schemas. (Vert.x's contract parser refuses the full contract; its validation of this body
   * is what is measured.)
   */
  private static JsonObject intakeOnly(JsonObject contract) {
    JsonObject post = contract.getJsonObject("paths").getJsonObject("/v1/contacts").getJsonObject("post");
    return new JsonObject()
        .put("openapi", contract.getString("openapi"))
        .put("info", new JsonObject().put("title", "intake").put("version", "1"))
        .put("paths", new JsonObject().put("/v1/contacts", new JsonObject().put("post", new JsonObject()
            .put("operationId", post.getString("operationId"))
            .put("requestBody", post.getJsonObject("requestBody"))
            .put("responses", new JsonObject().put("201", new JsonObject().put("description", "accepted"))))))
        .put("components", new JsonObject().put("schemas", contract.getJsonObject("components").getJsonObject("schemas")));
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    vertx.close();
  }

  @Benchmark
  public boolean networknt() {
    try {
      return networkntSchema.validate(JsonBodies.read(body)).isEmpty();
    } catch (JsonBodies.MalformedJsonException e) {
      return false;
    }
  }

  @Benchmark
  public boolean networkntLenientReader() {
    try {
      JsonNode json = LENIENT.readTree(body);
      return networkntSchema.validate(json).isEmpty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Benchmark
  public boolean vertxJsonSchema() {
    Object json = Json.decodeValue(Buffer.buffer(body));
    return Boolean.TRUE.equals(vertxValidator.validate(json).getValid());
  }

  /** The same Vert.x validator in a JVM that compiles huge methods. */
  @Benchmark
  @Fork(value = 1, jvmArgsAppend = "-XX:-DontCompileHugeMethods")
  public boolean vertxJsonSchemaCompiled() {
    return vertxJsonSchema();
  }
}
