package io.omniroute.loadtest.baseline;

import static org.assertj.core.api.Assertions.assertThat;

import io.omniroute.loadtest.BaselineServer;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class BaselineServerTest {
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Test
  void answersAnyPostWith201AndAFixedEngineSizedJsonBody() throws Exception {
    try (BaselineServer.Running server = BaselineServer.start("127.0.0.1", 0, 2)
        .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS)) {
      assertThat(server.port()).isPositive();
      HttpResponse<String> contact = post(server.port(), "/v1/contacts", "{\"channel\":\"voice\"}");
      HttpResponse<String> claim = post(server.port(), "/v1/queues/central/claim", "{\"agent\":\"a\"}");
      assertThat(contact.statusCode()).isEqualTo(201);
      assertThat(claim.statusCode()).isEqualTo(201);
      assertThat(contact.headers().firstValue("content-type")).contains("application/json");
      assertThat(contact.body()).isEqualTo(claim.body()).isEqualTo(FixedAnswer.json());
      assertThat(contact.body().length()).isBetween(400, 700);
      assertThat(new JsonObject(contact.body()).getJsonObject("route").getString("queue")).isEqualTo("dealer:DE-MUC-001");

      HttpResponse<String> get = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/")).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(get.statusCode()).isEqualTo(405);
    }
  }

  @Test
  void doesItsSimulatedWorkBeforeEachAnswer() throws Exception {
    try (BaselineServer.Running server = BaselineServer.start("127.0.0.1", 0, 1, SimulatedWork.of(Duration.ofMillis(50)))
        .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS)) {
      long start = System.nanoTime();
      HttpResponse<String> answer = post(server.port(), "/v1/contacts", "{}");
      assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(Duration.ofMillis(50).toNanos());
      assertThat(answer.statusCode()).isEqualTo(201);
      assertThat(answer.body()).isEqualTo(FixedAnswer.json());
    }
  }

  @Test
  void theMainClassPrintsAParseableListeningLine() throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
        BaselineServer.class.getName(), "--port", "0", "--host", "127.0.0.1", "--instances", "1", "--work", "20us")
        .redirectErrorStream(true).start();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      Pattern listening = Pattern.compile("^listening on (\\d+)$");
      Integer port = null;
      String line;
      while (port == null && (line = out.readLine()) != null) {
        Matcher m = listening.matcher(line);
        if (m.matches()) {
          port = Integer.parseInt(m.group(1));
        }
      }
      assertThat(port).as("a 'listening on PORT' line").isNotNull().isPositive();
      assertThat(post(port, "/anything", "{}").statusCode()).isEqualTo(201);
    } finally {
      process.destroy();
      assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
    }
  }

  private HttpResponse<String> post(int port, String path, String json) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
