package io.omniroute.loadtest.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TargetTest {

  @Test
  void parsesHostPortAndBasePath() {
    Target target = Target.parse("http://127.0.0.1:8480");
    assertThat(target).isEqualTo(new Target("127.0.0.1", 8480, ""));
    assertThat(target.uri("/v1/contacts")).isEqualTo("/v1/contacts");
    assertThat(Target.parse("http://engine:9000/omniroute/").uri("/v1/contacts")).isEqualTo("/omniroute/v1/contacts");
    assertThat(Target.parse("http://localhost").port()).isEqualTo(80);
  }

  @Test
  void rejectsWhatItCannotSendTo() {
    assertThatThrownBy(() -> Target.parse("https://localhost:8480")).hasMessageContaining("no TLS");
    assertThatThrownBy(() -> Target.parse("localhost:8480")).hasMessageContaining("http://HOST:PORT");
    assertThatThrownBy(() -> Target.parse("http://bad host")).hasMessageContaining("http://HOST:PORT");
  }
}
