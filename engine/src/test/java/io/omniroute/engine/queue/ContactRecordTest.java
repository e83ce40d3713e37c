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

  @Test
  void remembersItsOpenOfferAndWhoDeclinedItInItsCurrentQueue() {
    ContactRecord queued = ContactRecord.queued("c-1", Instant.parse("2026-01-01T00:00:00Z"), null, "chat", "DE",
        io.omniroute.engine.queue.QueueStoreContract.queued("x", io.omniroute.rules.model.Route.dealer("DE-MUC-001", 20),
            Instant.parse("2026-01-01T00:00:00Z")).decision());
    Instant t = Instant.parse("2026-01-01T00:01:00Z");

    ContactRecord offered = queued.offered("sepp", "of-1", t.plusSeconds(60), t);
    ContactRecord rejected = offered.offerEnded("rejected", "sepp: busy", t.plusSeconds(5));
    ContactRecord offeredAgain = rejected.offered("vroni", "of-2", t.plusSeconds(70), t.plusSeconds(10));
    ContactRecord timedOut = offeredAgain.offerEnded("timedout", "no answer", t.plusSeconds(70));
    ContactRecord withdrawnFromAnna = timedOut.offered("anna", "of-3", t.plusSeconds(90), t.plusSeconds(71))
        .offerEnded("withdrawn", "escalating", t.plusSeconds(72));

    assertThat(offered.openOfferId()).isEqualTo("of-1");
    assertThat(offeredAgain.openOfferId()).isEqualTo("of-2");
    assertThat(rejected.openOfferId()).isNull();
    assertThat(timedOut.declinedBy()).containsExactlyInAnyOrder("sepp", "vroni");
    assertThat(withdrawnFromAnna.declinedBy()).containsExactlyInAnyOrder("sepp", "vroni");
    assertThat(withdrawnFromAnna.escalated(io.omniroute.rules.model.Route.country("DE", 25), t.plusSeconds(200),
        t.plusSeconds(100)).declinedBy()).isEmpty();
  }
}
