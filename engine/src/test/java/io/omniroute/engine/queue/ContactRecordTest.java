package io.omniroute.engine.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.omniroute.rules.Decision;
import io.omniroute.rules.model.Classification;
import io.omniroute.rules.model.Knowledge;
import io.omniroute.rules.model.Route;
import io.omniroute.rules.model.Urgency;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContactRecordTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void recordsTheHistoryOfAContact() {
    ContactRecord claimed = queued("c-1").assigned("agent-7", T0.plusSeconds(5));

    assertThat(claimed.history())
        .extracting(HistoryEvent::type, HistoryEvent::detail)
        .containsExactly(
            tuple(HistoryEvent.RECEIVED, "via chat"),
            tuple(HistoryEvent.ROUTED, "to dealer:DE-MUC-001"),
            tuple(HistoryEvent.ASSIGNED, "to agent-7"));
    assertThat(claimed.agent()).isEqualTo("agent-7");
    assertThat(claimed.status()).isEqualTo(ContactStatus.ASSIGNED);
  }

  @Test
  void contactsShareTheTextsThatRepeatAcrossThem() {
    ContactRecord first = queued("c-1").assigned(new String("agent-7"), T0);
    ContactRecord second = queued("c-2").assigned(new String("agent-7"), T0);

    for (int event = 0; event < 3; event++) {
      assertThat(second.history().get(event).detail()).isSameAs(first.history().get(event).detail());
    }
    assertThat(second.agent()).isSameAs(first.agent());
    assertThat(second.country()).isSameAs(first.country());
    assertThat(second.channel()).isSameAs(first.channel());
  }

  @Test
  void contactsWithEqualDecisionsShareOneDecisionAndEscalationsOneRoute() {
    ContactRecord first = queued("c-1");
    ContactRecord second = queued("c-2");
    ContactRecord firstUp = first.escalated(Route.country("DE", 20), T0.plusSeconds(60), T0.plusSeconds(60));
    ContactRecord secondUp = second.escalated(Route.country("DE", 20), T0.plusSeconds(61), T0.plusSeconds(61));

    assertThat(second.decision()).isSameAs(first.decision());
    assertThat(second.route()).isSameAs(first.route());
    assertThat(secondUp.route()).isSameAs(firstUp.route()).isEqualTo(Route.country("DE", 20));
  }

  private static ContactRecord queued(String id) {
    Decision decision = new Decision(
        new Classification(Knowledge.SPECIFICATION, Urgency.NORMAL, Classification.GENERAL_TOPIC),
        Route.dealer("DE-MUC-001", 20), null, Duration.ofHours(1), List.of("test"), "test-1", false);
    return ContactRecord.queued(id, T0, ContactPayload.empty(), new String("chat"), new String("DE"), decision);
  }
}
