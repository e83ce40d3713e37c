package io.omniroute.rules.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class QueueNamesTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "central,           CENTRAL",
      "country:DE,        COUNTRY",
      "expert:ev-battery, EXPERT",
      "dealer:DE-MUC-001, DEALER"
  })
  void readsTheLevelOfEveryKindOfQueue(String queue, Level level) {
    assertThat(QueueNames.levelOf(queue)).isEqualTo(level);
  }

  @ParameterizedTest(name = "[{0}]")
  @ValueSource(strings = {"", "team:x", "Central", "CENTRAL", "centralx", "country", "country:", ":DE", "Country:DE", "community:x"})
  void readsNoLevelFromUnknownNames(String queue) {
    assertThat(QueueNames.levelOf(queue)).isNull();
  }

  @Test
  void buildsQueueNamesThatReadBackAsTheirLevel() {
    assertThat(QueueNames.country("AT")).isEqualTo("country:AT");
    assertThat(QueueNames.expert("fleet-sales")).isEqualTo("expert:fleet-sales");
    assertThat(QueueNames.dealer("GB-LON-001")).isEqualTo("dealer:GB-LON-001");
    assertThat(QueueNames.levelOf(QueueNames.CENTRAL)).isEqualTo(Level.CENTRAL);
    assertThat(QueueNames.levelOf(QueueNames.country("AT"))).isEqualTo(Level.COUNTRY);
    assertThat(QueueNames.levelOf(QueueNames.expert("fleet-sales"))).isEqualTo(Level.EXPERT);
    assertThat(QueueNames.levelOf(QueueNames.dealer("GB-LON-001"))).isEqualTo(Level.DEALER);
  }
}
