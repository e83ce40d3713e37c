package io.omniroute.loadtest.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class DurationConverterTest {

  @Test
  void readsMicrosecondsMillisecondsSecondsMinutesAndHours() {
    assertThat(DurationConverter.parse("20us")).isEqualTo(Duration.ofNanos(20_000));
    assertThat(DurationConverter.parse("2.5us")).isEqualTo(Duration.ofNanos(2_500));
    assertThat(DurationConverter.parse("500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(DurationConverter.parse("30s")).isEqualTo(Duration.ofSeconds(30));
    assertThat(DurationConverter.parse("2m")).isEqualTo(Duration.ofMinutes(2));
    assertThat(DurationConverter.parse("1h")).isEqualTo(Duration.ofHours(1));
    assertThat(DurationConverter.parse("1.5s")).isEqualTo(Duration.ofMillis(1500));
    assertThat(DurationConverter.parse(" 10S ")).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void aBareNumberIsSeconds() {
    assertThat(DurationConverter.parse("45")).isEqualTo(Duration.ofSeconds(45));
    assertThat(DurationConverter.parse("0")).isEqualTo(Duration.ZERO);
  }

  @Test
  void rejectsOtherFormsWithTheAcceptedOnes() {
    for (String bad : new String[] {"", "s", "10x", "-5s", "1,5s", "PT5S"}) {
      assertThatThrownBy(() -> DurationConverter.parse(bad))
          .isInstanceOf(TypeConversionException.class)
          .hasMessageContaining("500ms, 30s, 2m");
    }
  }

  @Test
  void formatsSoThatParsingGivesItBack() {
    for (String text : new String[] {"20us", "500ms", "30s", "1.500s", "0ms"}) {
      assertThat(DurationConverter.format(DurationConverter.parse(text))).isEqualTo(text);
    }
    assertThat(DurationConverter.format(Duration.ofMinutes(2))).isEqualTo("120s");
  }
}
