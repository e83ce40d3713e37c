package io.omniroute.loadtest.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omniroute.loadtest.support.Runs;
import io.omniroute.loadtest.support.StallingServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Every request carries the run's bearer token, the engine's demo admin token by default. */
class TokenTest {

  @Test
  void sendsTheDemoAdminTokenByDefault() throws Exception {
    try (StallingServer server = new StallingServer(n -> 0)) {
      run(Runs.open(server.url(), 50, Duration.ofMillis(400), 2, 0.0));

      assertThat(server.authorizations()).containsExactly("Bearer demo-admin");
    }
  }

  @Test
  void sendsAnotherTokenOrNone() throws Exception {
    try (StallingServer server = new StallingServer(n -> 0)) {
      run(Runs.open(server.url(), 50, Duration.ofMillis(400), 2, 0.0).withToken("s3cr3t-t0ken"));
      assertThat(server.authorizations()).containsExactly("Bearer s3cr3t-t0ken");
    }
    try (StallingServer server = new StallingServer(n -> 0)) {
      run(Runs.open(server.url(), 50, Duration.ofMillis(400), 2, 0.0).withToken(null));
      assertThat(server.authorizations()).containsExactly("null");
    }
  }

  @Test
  void rejectsATokenWithSpaces() {
    assertThatThrownBy(() -> Runs.open("http://127.0.0.1:1", 50, Duration.ofSeconds(1), 1, 0.0).withToken("Bearer x"))
        .hasMessageContaining("--token must be a token without spaces");
  }

  private static void run(RunSettings settings) {
    new LoadRun(settings, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).execute();
  }
}
