package io.omniroute.engine.api.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.ValidationMessage;
import io.omniroute.engine.api.ApiContract;
import io.omniroute.engine.api.ContractSchemas.OperationSchemas;
import io.omniroute.engine.support.RunningEngine;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * Fuzzes the running engine from its own contract: every try derives a request for one operation
 * of {@code openapi.yaml} ({@link RequestGenerator}), valid or spoiled by one {@link Mutation}, and
 * sends it. Whatever is sent, the answer is never a 5xx, its status is one the contract documents
 * for the operation (404 and 405 aside, for a request that leaves it), every 4xx is problem+json of the contract's
 * Problem shape, and every 2xx with a body matches the contract's response schema. A request whose
 * odd path parameter makes its path another operation's URL is judged by that operation's contract. At the end the
 * engine is ready, and its heap after a full collection grew by less than {@link
 * #MAX_HEAP_GROWTH_BYTES} over the run. The seed is fixed, so a run repeats exactly; the number of
 * tries is {@code jqwik.tries.default} (junit-platform.properties, or {@code -D} on the command line).
 */
class ContractFuzzIT {
  /** What the run may leave behind in the engine's heap: the contacts it stored, a few KB each. */
  static final long MAX_HEAP_GROWTH_BYTES = 64L * 1024 * 1024;
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static RunningEngine engine;
  private static ApiContract contract;
  private static JsonNode document;
  private static HttpClient http;
  private static final List<String> contactIds = new ArrayList<>();
  private static final Map<String, Optional<JsonSchema>> responseSchemas = new ConcurrentHashMap<>();
  private static long heapBefore;
  private static int tries;

  @BeforeContainer
  static void start() throws IOException {
    engine = RunningEngine.start();
    contract = ApiContract.load();
    document = new ObjectMapper(new YAMLFactory()).readTree(contract.yaml());
    http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    for (String body : List.of("{\"channel\":\"email\",\"dealerId\":\"DE-MUC-001\",\"text\":\"Is my car ready?\"}",
        "{\"channel\":\"voice\",\"country\":\"DE\",\"text\":\"Welche Farben gibt es?\"}",
        "{\"channel\":\"chat\",\"country\":\"AT\",\"text\":\"Wie lange hält der Akku?\"}")) {
      contactIds.add(engine.createContact(body).getString("id"));
    }
    heapBefore = heapAfterFullCollection();
  }

  @AfterContainer
  static void theEngineIsHealthyAndItsHeapBounded() {
    try {
      assertThat(engine.get("/health/ready").statusCode()).isEqualTo(200);
      assertThat(engine.get("/v1/queues").statusCode()).isEqualTo(200);
      long growth = heapAfterFullCollection() - heapBefore;
      System.out.printf("contract fuzz: %d requests; heap after a full collection grew by %.1f MB%n",
          tries, growth / 1024.0 / 1024.0);
      assertThat(growth).isLessThan(MAX_HEAP_GROWTH_BYTES);
    } finally {
      engine.close();
    }
  }

  @Provide
  Arbitrary<String> operations() {
    return Arbitraries.of(contract.schemas().operations().stream().map(OperationSchemas::operationId).toList());
  }

  @Property(seed = "20261205", shrinking = ShrinkingMode.OFF)
  void everyAnswerKeepsTheContract(
      @ForAll("operations") String operationId, @ForAll Mutation mutation, @ForAll long seed) throws Exception {
    FuzzRequest request = new RequestGenerator(document, contactIds, new Random(seed))
        .next(contract.schemas().operation(operationId), mutation);
    String answering = reached(request);
    Answer response = send(request);
    tries++;
    int status = response.statusCode();
    Statistics.label("status").collect(status / 100 + "xx");
    String described = request + "\n  answered " + status + " " + response.headers().map() + " " + response.body();

    assertThat(status).as(described).isLessThan(500);
    assertThat(documented(answering).contains(status) || outsideTheOperation(mutation, status))
        .as("a status the contract documents: " + described).isTrue();
    if (status >= 400) {
      assertThat(response.headers().firstValue("Content-Type")).as(described).hasValue("application/problem+json");
      JsonNode problem = MAPPER.readTree(response.body());
      assertThat(problem.path("status").asInt()).as(described).isEqualTo(status);
      assertThat(problem.path("detail").asText()).as(described).isNotBlank();
    }
    if (status < 300 && status != 204 && !request.method().equals("HEAD")) {
      Optional<JsonSchema> schema = responseSchema(answering, status);
      if (schema.isPresent()) {
        Set<ValidationMessage> problems = schema.get().validate(MAPPER.readTree(response.body()));
        assertThat(problems).as("the response schema: " + described).isEmpty();
      }
    }
    if (status == 201 && operationId.equals("createContact")) {
      synchronized (contactIds) {
        contactIds.add(MAPPER.readTree(response.body()).path("id").asText());
      }
    }
  }

  /**
   * Sends the request and reads the answer; an event stream (which stays open) is closed once its
   * head arrived, its body left empty.
   */
  private static Answer send(FuzzRequest request) throws IOException, InterruptedException {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + engine.port() + request.pathAndQuery()))
        .timeout(Duration.ofSeconds(60))
        .method(request.method(), request.body() == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(request.body()));
    request.headers().forEach(builder::header);
    HttpResponse<InputStream> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
    try (InputStream body = response.body()) {
      boolean stream = response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream");
      return new Answer(response.statusCode(), response.headers(),
          stream ? "" : new String(body.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  /** An answer: status, headers and body. */
  private record Answer(int statusCode, HttpHeaders headers, String body) {}

  /**
   * A wrong method, or a path parameter such as an empty one that makes the path another URL (
   * {@code /v1/contacts//abandon} is {@code /v1/contacts/abandon}), leaves the operation: then 404
   * or 405 are the router's honest answers.
   */
  private static boolean outsideTheOperation(Mutation mutation, int status) {
    return (mutation == Mutation.WRONG_METHOD || mutation == Mutation.ODD_PARAMETER) && (status == 404 || status == 405);
  }

  /**
   * The operation whose contract applies to the answer: the request's own, unless an odd path
   * parameter turned its path into another operation's URL. The router reads {@code //} as
   * {@code /} and ignores a trailing {@code /}, so an empty {@code agentId} makes {@code GET
   * /v1/agents/{agentId}} the list {@code GET /v1/agents}.
   */
  private static String reached(FuzzRequest request) {
    OperationSchemas own = contract.schemas().operation(request.operationId());
    String path = request.pathAndQuery().split("\\?", 2)[0].replaceAll("/{2,}", "/");
    if (request.mutation() != Mutation.ODD_PARAMETER || matches(own.path(), path)) {
      return own.operationId();
    }
    String trimmed = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    return contract.schemas().operations().stream()
        .filter(other -> other.method().equals(request.method()) && matches(other.path(), trimmed))
        .map(OperationSchemas::operationId)
        .findFirst()
        .orElse(own.operationId());
  }

  /** Whether {@code path} is a URL of the OpenAPI path {@code template} ({@code /v1/agents/{agentId}}). */
  private static boolean matches(String template, String path) {
    String[] literals = template.split("\\{[^}]+}", -1);
    StringBuilder regex = new StringBuilder(Pattern.quote(literals[0]));
    for (int i = 1; i < literals.length; i++) {
      regex.append("[^/]+").append(Pattern.quote(literals[i]));
    }
    return path.matches(regex.toString());
  }

  private static Set<Integer> documented(String operationId) {
    OperationSchemas operation = contract.schemas().operation(operationId);
    Set<Integer> statuses = new HashSet<>();
    document.path("paths").path(operation.path()).path(operation.method().toLowerCase()).path("responses")
        .fieldNames().forEachRemaining(code -> statuses.add(Integer.parseInt(code)));
    return statuses;
  }

  private static Optional<JsonSchema> responseSchema(String operationId, int status) {
    return responseSchemas.computeIfAbsent(operationId + " " + status,
        key -> contract.schemas().responseBody(operationId, status));
  }

  private static long heapAfterFullCollection() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
