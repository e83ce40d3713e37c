package io.omniroute.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import io.omniroute.engine.Engine;
import io.omniroute.engine.EngineOptions;
import io.omniroute.engine.auth.AccessTokens;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line against a real engine (memory store, one event loop, the demo tokens, of which
 * the generator sends {@code demo-admin} by default) and against the baseline server: open model at
 * 200/s for 2 s with claims, and max mode for 2 s on 4 connections.
 */
class EndToEndTest {
  static Engine engine;
  static BaselineServer.Running baseline;
  @TempDir Path dir;

  @BeforeAll
  static void start() throws Exception {
    engine = Engine.start(EngineOptions.defaults().withHost("127.0.0.1").withPort(0).withInstances(1)
            .withTokens(AccessTokens.demo()))
        .toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    baseline = BaselineServer.start("127.0.0.1", 0, 1).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  @AfterAll
  static void stop() throws Exception {
    if (engine != null) {
      engine.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
    if (baseline != null) {
      baseline.close();
    }
  }

  @Test
  void openModelAgainstTheEngineCreatesContactsAndClaimsThem() throws Exception {
    Path json = dir.resolve("open.json");
    Path chart = dir.resolve("open.png");
    Path histogram = dir.resolve("open.hgrm");
    Output output = run("--url", "http://127.0.0.1:" + engine.port(), "--rate", "200", "--duration", "2s", "--warmup", "0s",
        "--claim-share", "0.3", "--seed", "1", "--connections", "8",
        "--report-out", json.toString(), "--chart-out", chart.toString(), "--histogram-out", histogram.toString());

    assertThat(output.exitCode()).isZero();
    JsonObject report = new JsonObject(Files.readString(json));
    assertThat(report.getString("mode")).isEqualTo("open");
    assertThat(report.getLong("requests")).isEqualTo(400);
    assertThat(report.getLong("errors")).isZero();
    assertThat(report.getJsonObject("errorsByStatus")).isEmpty();
    assertThat(report.getJsonObject("errorsByKind")).isEmpty();
    JsonObject contacts = report.getJsonObject("contactStatuses");
    JsonObject claims = report.getJsonObject("claimStatuses");
    assertThat(contacts.fieldNames()).containsExactly("201");
    assertThat(report.getLong("contacts")).isEqualTo(contacts.getLong("201")).isBetween(230L, 330L);
    assertThat(claims.fieldNames()).isSubsetOf("200", "204");
    assertThat(claims.getLong("200", 0L) + claims.getLong("204", 0L)).isEqualTo(report.getLong("claims")).isPositive();
    assertThat(claims.getLong("200", 0L)).as("claims find contacts in the queues").isPositive();
    assertThat(report.getJsonObject("latencyMs").getLong("count")).isEqualTo(400);

    assertThat(output.stdout()).contains("requests       400 (contacts", "errors         0", "chart written to");
    assertThat(output.stderr()).contains("ok/s");
    assertThat(Files.readAllBytes(chart)).startsWith(0x89, 'P', 'N', 'G');
    assertThat(Files.readString(histogram)).contains("Percentile");
  }

  @Test
  void maxModeAgainstTheEngineReportsItsThroughput() throws Exception {
    Path json = dir.resolve("max.json");
    Output output = run("--url", "http://127.0.0.1:" + engine.port(), "--mode", "max", "--connections", "4",
        "--duration", "2s", "--warmup", "0s", "--seed", "2", "--report-out", json.toString());

    assertThat(output.exitCode()).isZero();
    JsonObject report = new JsonObject(Files.readString(json));
    assertThat(report.getString("mode")).isEqualTo("max");
    assertThat(report.getValue("targetRate")).isNull();
    assertThat(report.getInteger("connections")).isEqualTo(4);
    assertThat(report.getLong("errors")).isZero();
    assertThat(report.getLong("requests")).isPositive();
    assertThat(report.getJsonObject("contactStatuses").getLong("201")).isPositive();
    assertThat(report.getDouble("throughput")).isPositive();
    assertThat(report.getDouble("durationSeconds")).isGreaterThanOrEqualTo(2.0);
    assertThat(output.stdout()).contains("max (closed loop), 4 connections");
  }

  @Test
  void bothModesAgainstTheBaselineServer() throws Exception {
    Path open = dir.resolve("baseline-open.json");
    Output first = run("--url", "http://127.0.0.1:" + baseline.port(), "--rate", "200", "--duration", "2s", "--warmup", "0s",
        "--report-out", open.toString());
    assertThat(first.exitCode()).isZero();
    JsonObject openReport = new JsonObject(Files.readString(open));
    assertThat(openReport.getLong("requests")).isEqualTo(400);
    assertThat(openReport.getLong("errors")).isZero();
    assertThat(openReport.getJsonObject("statuses").fieldNames()).containsExactly("201");
    assertThat(openReport.getJsonObject("statuses").getLong("201")).isEqualTo(400);

    Path max = dir.resolve("baseline-max.json");
    Output second = run("--url", "http://127.0.0.1:" + baseline.port(), "--mode", "MAX", "--connections", "4",
        "--duration", "2s", "--warmup", "0s", "--report-out", max.toString());
    assertThat(second.exitCode()).isZero();
    JsonObject maxReport = new JsonObject(Files.readString(max));
    assertThat(maxReport.getLong("errors")).isZero();
    assertThat(maxReport.getLong("ok")).isEqualTo(maxReport.getLong("requests")).isPositive();
  }

  @Test
  void anUnreachableServerEndsWithExitCodeOneAndConnectionErrors() throws Exception {
    int closedPort;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    Path json = dir.resolve("refused.json");
    Output output = run("--url", "http://127.0.0.1:" + closedPort, "--rate", "50", "--duration", "500ms", "--warmup", "0s",
        "--report-out", json.toString());
    assertThat(output.exitCode()).isEqualTo(1);
    JsonObject report = new JsonObject(Files.readString(json));
    assertThat(report.getLong("ok")).isZero();
    assertThat(report.getLong("errors")).isEqualTo(report.getLong("requests")).isEqualTo(25);
    assertThat(report.getJsonObject("errorsByKind").getLong("connection-refused")).isEqualTo(25);
  }

  @Test
  void invalidOptionsEndWithExitCodeTwo() {
    assertThat(run("--mode", "sideways").exitCode()).isEqualTo(2);
    assertThat(run("--duration", "soon").exitCode()).isEqualTo(2);
    Output badShare = run("--claim-share", "2", "--url", "http://127.0.0.1:1");
    assertThat(badShare.exitCode()).isEqualTo(2);
    assertThat(badShare.stderr()).contains("claimShare must be between 0 and 1");
  }

  @Test
  void helpListsEveryOption() {
    Output help = run("--help");
    assertThat(help.exitCode()).isZero();
    assertThat(help.stdout()).contains("omniroute-load", "--url", "--mode", "--rate", "--duration", "--connections",
        "--scenario", "--directory", "--warmup", "--histogram-out", "--chart-out", "--report-out", "--claim-share", "--seed",
        "--token");
  }

  record Output(int exitCode, String stdout, String stderr) {}

  private static Output run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    LoadGenerator command = new LoadGenerator(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    int code = LoadGenerator.commandLine(command).execute(args);
    return new Output(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
