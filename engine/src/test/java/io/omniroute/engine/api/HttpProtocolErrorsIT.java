package io.omniroute.engine.api;

import io.omniroute.engine.http.Problem;
import static org.assertj.core.api.Assertions.assertThat;

import io.omniroute.engine.support.RawHttp;
import io.omniroute.engine.support.RawHttp.Answer;
import io.omniroute.engine.support.RunningEngine;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the engine answers to requests that break HTTP itself, before any route sees them: every
 * one a problem+json, none an ERROR in the log; and {@code HEAD} wherever {@code GET} is allowed.
 */
class HttpProtocolErrorsIT {
  private static RunningEngine engine;

  @BeforeAll
  static void start() {
    engine = RunningEngine.start();
  }

  @AfterAll
  static void stop() {
    engine.close();
  }

  @Test
  void anOverLongUriIs414Problem() {
    Answer answer = RawHttp.send(engine.port(), "GET /health/live?x=" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: x\r\n\r\n");

    assertProblem(answer, 414, "URI");
  }

  @Test
  void overLargeHeadersAre431Problem() {
    Answer answer = RawHttp.send(engine.port(), "GET /health/live HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(20_000) + "\r\n\r\n");

    assertProblem(answer, 431, "header");
  }

  @Test
  void aControlCharacterInAHeaderIs400Problem() {
    Answer answer = RawHttp.send(engine.port(), "GET /health/live HTTP/1.1\r\nHost: x\r\nX-Odd: a\u0001b\r\n\r\n");

    assertProblem(answer, 400, "header");
  }

  @Test
  void anHttpVersionOtherThanOneIs505Problem() {
    Answer answer = RawHttp.send(engine.port(), "GET /health/live HTTP/2.0\r\nHost: x\r\n\r\n");

    assertProblem(answer, 505, "HTTP/1.1");
  }

  @Test
  void aMalformedChunkSizeIs400ProblemAndNoErrorInTheLog() {
    PrintStream original = System.err;
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
    Answer answer;
    try {
      answer = RawHttp.send(engine.port(), "POST /v1/contacts HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer demo-admin\r\n"
          + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n");
    } finally {
      System.setErr(original);
    }

    assertProblem(answer, 400, "chunk");
    assertThat(log.toString(StandardCharsets.UTF_8)).doesNotContain("ERROR").doesNotContain("Exception");
    assertThat(engine.get("/health/live").statusCode()).isEqualTo(200);
  }

  @Test
  void headIsAnsweredWhereGetIsAllowedWithoutABody() {
    Answer live = RawHttp.send(engine.port(), "HEAD /health/live HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    Answer queues = RawHttp.send(engine.port(),
        "HEAD /v1/queues HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer demo-admin\r\nConnection: close\r\n\r\n");
    Answer contract = RawHttp.send(engine.port(), "HEAD /openapi.yaml HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");

    assertThat(live.status()).isEqualTo(200);
    assertThat(live.body()).isEmpty();
    assertThat(queues.status()).isEqualTo(200);
    assertThat(queues.header("Content-Type")).isEqualTo("application/json");
    assertThat(queues.body()).isEmpty();
    assertThat(contract.status()).isEqualTo(200);
  }

  @Test
  void getOnAPostOnlyPathIs405Problem() {
    Answer answer = RawHttp.send(engine.port(), "GET /v1/queues/central/claim HTTP/1.1\r\nHost: x\r\n"
        + "Authorization: Bearer demo-admin\r\nConnection: close\r\n\r\n");

    assertProblem(answer, 405, "GET");
  }

  private static void assertProblem(Answer answer, int status, String detailMentions) {
    assertThat(answer.status()).as(answer.head()).isEqualTo(status);
    assertThat(answer.header("Content-Type")).isEqualTo(Problem.CONTENT_TYPE);
    JsonObject problem = new JsonObject(answer.body());
    assertThat(problem.getInteger("status")).isEqualTo(status);
    assertThat(problem.getString("detail")).contains(detailMentions);
  }
}
