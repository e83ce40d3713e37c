package io.omniroute.rules.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The escalation ladder: DEALER -> COUNTRY -> CENTRAL, EXPERT -> COUNTRY -> CENTRAL, COUNTRY -> CENTRAL. */
class RouteTest {
  private static final int STEP = Route.ESCALATION_PRIORITY_STEP;

  @Test
  void escalatesDealerToCountryThenCentral() {
    Route dealer = Route.dealer("DE-MUC-001", 20);

    Route country = dealer.escalated("DE");
    Route central = country.escalated("DE");

    assertThat(country).isEqualTo(new Route(Level.COUNTRY, "country:DE", 20 + STEP));
    assertThat(central).isEqualTo(new Route(Level.CENTRAL, "central", 20 + 2 * STEP));
    assertThat(central.escalated("DE")).isNull();
  }

  @Test
  void escalatesExpertToCountryThenCentral() {
    Route expert = Route.expert("ev-battery", 30);

    Route country = expert.escalated("AT");

    assertThat(country).isEqualTo(Route.country("AT", 30 + STEP));
    assertThat(country.escalated("AT")).isEqualTo(Route.central(30 + 2 * STEP));
  }

  @Test
  void escalatesCountryToCentral() {
    assertThat(Route.country("GB", 10).escalated("GB")).isEqualTo(Route.central(10 + STEP));
    assertThat(Route.country("GB", 10).escalated(null)).isEqualTo(Route.central(10 + STEP));
  }

  @Test
  void skipsTheCountryStepWhenTheCountryIsUnknown() {
    assertThat(Route.dealer("DE-MUC-001", 20).escalated(null)).isEqualTo(Route.central(20 + STEP));
    assertThat(Route.expert("classic-cars", 20).escalated(null)).isEqualTo(Route.central(20 + STEP));
  }

  @Test
  void stopsAtTheCentralDesk() {
    assertThat(Route.central(40).escalated("DE")).isNull();
    assertThat(Route.central(40).escalated(null)).isNull();
  }

  @Test
  void raisesThePriorityByOneStepPerEscalation() {
    assertThat(STEP).isPositive();
    assertThat(Route.dealer("x", 0).escalated("DE").priority()).isEqualTo(STEP);
  }

  @Test
  void namesQueuesByLevel() {
    assertThat(Route.central(1).queue()).isEqualTo("central");
    assertThat(Route.country("DE", 1).queue()).isEqualTo("country:DE");
    assertThat(Route.expert("ev-battery", 1).queue()).isEqualTo("expert:ev-battery");
    assertThat(Route.dealer("DE-MUC-001", 1).queue()).isEqualTo("dealer:DE-MUC-001");
    assertThat(Route.dealer("DE-MUC-001", 1).level()).isEqualTo(Level.DEALER);
  }
}
