package io.omniroute.loadtest.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ValidationBenchmarkTest {
  private final ValidationBenchmark benchmark = new ValidationBenchmark();

  @BeforeEach
  void setUp() throws Exception {
    benchmark.setUp();
  }

  @AfterEach
  void tearDown() {
    benchmark.tearDown();
  }

  @Test
  void bothValidatorsAcceptTheContact() {
    assertThat(benchmark.networknt()).isTrue();
    assertThat(benchmark.networkntLenientReader()).isTrue();
    assertThat(benchmark.vertxJsonSchema()).isTrue();
    assertThat(benchmark.vertxJsonSchemaCompiled()).isTrue();
  }

  @Test
  void bothValidatorsReallyValidate() {
    benchmark.body = ValidationBenchmark.CONTACT.replace("\"DE\"", "\"Germany\"").getBytes(StandardCharsets.UTF_8);

    assertThat(benchmark.networknt()).isFalse();
    assertThat(benchmark.networkntLenientReader()).isFalse();
    assertThat(benchmark.vertxJsonSchema()).isFalse();
  }
}
