package io.omniroute.loadtest.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ScenarioLoaderTest {
  private static final String MINIMAL = """
      channels: {voice: 1}
      languages: {en: 1}
      knowledge: {scheme: 1}
      urgency: {normal: 1}
      """;

  @Test
  void theShippedFileIsTheBundledDefault() throws Exception {
    Scenario bundled = ScenarioLoader.bundledRealistic();
    Scenario shipped = ScenarioLoader.load(Path.of("scenarios/realistic.yaml"));
    assertThat(shipped).isEqualTo(bundled);
    assertThat(bundled.name()).isEqualTo("realistic");
    assertThat(bundled.claimShare()).isEqualTo(0.5);
    assertThat(bundled.channels().keySet()).containsExactly("voice", "email", "chat", "social", "sms");
    assertThat(bundled.languages().keySet()).containsExactlyInAnyOrder("en", "de");
    assertThat(bundled.knowledge().keySet()).containsExactlyInAnyOrder("scheme", "specification");
    assertThat(bundled.urgency().keySet()).containsExactlyInAnyOrder("critical", "high", "normal", "low");
    assertThat(bundled.countries().keySet()).containsExactly("DE", "AT", "CH", "GB", "FR");
    assertThat(Files.exists(Path.of("scenarios/realistic.yaml"))).isTrue();
  }

  @Test
  void optionalFieldsHaveDefaults() {
    Scenario scenario = parse(MINIMAL);
    assertThat(scenario.name()).isEqualTo("unnamed");
    assertThat(scenario.claimShare()).isZero();
    assertThat(scenario.countries()).isNull();
    assertThat(scenario.references()).containsKeys("vin", "orderId");
    assertThat(scenario.claimQueues()).containsKeys("central", "country", "expert", "dealer");
  }

  @Test
  void claimShareCanBeOverridden() {
    assertThat(parse(MINIMAL).withClaimShare(0.5).claimShare()).isEqualTo(0.5);
    assertThatThrownBy(() -> parse(MINIMAL).withClaimShare(1.5)).hasMessageContaining("claimShare must be between 0 and 1");
  }

  @Test
  void errorsNameTheSourceAndTheField() {
    assertThatThrownBy(() -> parse(MINIMAL + "colour: red\n"))
        .hasMessageContaining("test.yaml").hasMessageContaining("unknown field 'colour'");
    assertThatThrownBy(() -> parse(MINIMAL.replace("en: 1", "fr: 1")))
        .hasMessageContaining("languages: unknown key 'fr'");
    assertThatThrownBy(() -> parse(MINIMAL.replace("voice: 1", "fax: 1")))
        .hasMessageContaining("channels: unknown key 'fax'");
    assertThatThrownBy(() -> parse(MINIMAL.replace("normal: 1", "normal: -1")))
        .hasMessageContaining("urgency.normal must be a weight of 0 or more");
    assertThatThrownBy(() -> parse(MINIMAL.replace("knowledge: {scheme: 1}\n", "")))
        .hasMessageContaining("knowledge is missing");
    assertThatThrownBy(() -> parse(MINIMAL + "dealerIdShare: 2\n"))
        .hasMessageContaining("dealerIdShare must be between 0 and 1");
    assertThatThrownBy(() -> parse(MINIMAL + "references: {licensePlate: 1}\n"))
        .hasMessageContaining("references: unknown key 'licensePlate'");
    assertThatThrownBy(() -> parse("channels: [voice")).hasMessageContaining("test.yaml");
  }

  private static Scenario parse(String yaml) {
    return ScenarioLoader.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yaml");
  }
}
