package io.omniroute.engine.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.omniroute.engine.contact.ContactEvent;
import io.omniroute.engine.delivery.Offer;
import io.omniroute.engine.delivery.OfferOutcome;
import io.omniroute.engine.queue.ContactRecord;
import io.omniroute.engine.stream.ContactStreamEvents.Draft;
import io.omniroute.rules.Decision;
import io.omniroute.rules.model.Classification;
import io.omniroute.rules.model.Knowledge;
import io.omniroute.rules.model.Route;
import io.omniroute.rules.model.Urgency;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which stream events each step of a contact's life makes, and what they say. */
class ContactStreamEventsTest {
  private static final Instant AT = Instant.parse("2026-01-05T08:00:00Z");
  private static final Route MUNICH = Route.dealer("DE-MUC-001", 20);
  private static final Decision DECISION = new Decision(new Classification(Knowledge.SPECIFICATION, Urgency.NORMAL, "general"),
      MUNICH, null, Duration.ofHours(24), List.of("a rule"), "global:1", false);
  private static final ContactRecord QUEUED = ContactRecord.queued("c-1", AT, null, "email", "DE", DECISION);
  private static final Offer OFFER = new Offer("o-1", "c-1", "c-1", "dealer:DE-MUC-001", "email", "sepp", AT,
      AT.plusSeconds(20));

  @Test
  void aQueuedContactIsAnEventOfItsQueueSayingWhichContactWhereAndHowUrgent() {
    List<Draft> drafts = ContactStreamEvents.of(new ContactEvent.Queued(QUEUED, AT));

    assertThat(drafts).extracting(Draft::stream, Draft::type)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("queue:dealer:DE-MUC-001", "contact.queued"));
    assertThat(new JsonObject(drafts.get(0).data())).isEqualTo(new JsonObject()
        .put("contactId", "c-1").put("conversationId", "c-1").put("queue", "dealer:DE-MUC-001").put("level", "DEALER")
        .put("channel", "email").put("priority", 20).put("urgency", "NORMAL").put("status", "QUEUED")
        .put("at", AT.toString()));
  }

  @Test
  void anOfferIsAnEventOfTheAgentAndOfTheQueueWithEverythingTheAgentNeedsToAnswerIt() {
    List<Draft> drafts = ContactStreamEvents.of(new ContactEvent.Offered(QUEUED, OFFER, AT));

    assertThat(drafts).extracting(Draft::stream).containsExactly("agent:sepp", "queue:dealer:DE-MUC-001");
    assertThat(drafts).extracting(Draft::type).containsOnly("offer.offered");
    assertThat(new JsonObject(drafts.get(0).data()).getMap()).containsEntry("offerId", "o-1").containsEntry("contactId", "c-1")
        .containsEntry("conversationId", "c-1").containsEntry("queue", "dealer:DE-MUC-001").containsEntry("channel", "email")
        .containsEntry("agentId", "sepp").containsEntry("expiresAt", AT.plusSeconds(20).toString());
  }

  @Test
  void howAnOfferEndedIsItsOwnTypeWithTheOutcomeAndAReasonForARejection() {
    Draft rejected = ContactStreamEvents.of(new ContactEvent.OfferEnded(QUEUED, OFFER, OfferOutcome.REJECTED, "on a call", AT)).get(0);
    Draft withdrawn = ContactStreamEvents.of(new ContactEvent.OfferEnded(QUEUED, OFFER, OfferOutcome.WITHDRAWN, null, AT)).get(0);
    Draft timedOut = ContactStreamEvents.of(new ContactEvent.OfferEnded(QUEUED, OFFER, OfferOutcome.TIMED_OUT, null, AT)).get(0);

    assertThat(List.of(rejected.type(), withdrawn.type(), timedOut.type()))
        .containsExactly("offer.rejected", "offer.withdrawn", "offer.timedout");
    assertThat(new JsonObject(rejected.data()).getMap()).containsEntry("outcome", "rejected").containsEntry("reason", "on a call");
    assertThat(new JsonObject(withdrawn.data()).containsKey("reason")).isFalse();
  }

  @Test
  void anAssignmentIsAnEventOfTheAgentAndOfTheQueue() {
    ContactRecord assigned = QUEUED.assigned("sepp", AT.plusSeconds(90));

    List<Draft> drafts = ContactStreamEvents.of(new ContactEvent.Assigned(assigned, "sepp", Duration.ofSeconds(90), AT));

    assertThat(drafts).extracting(Draft::stream).containsExactly("agent:sepp", "queue:dealer:DE-MUC-001");
    assertThat(new JsonObject(drafts.get(0).data()).getMap()).containsEntry("agent", "sepp").containsEntry("waitedSeconds", 90)
        .containsEntry("status", "ASSIGNED");
  }

  @Test
  void aContactThatMovesIsAnEventOfTheQueueItLeftAndOfTheQueueItEntered() {
    Route country = Route.country("DE", 25);
    ContactRecord moved = QUEUED.escalated(country, AT.plusSeconds(60), AT);

    List<Draft> escalated = ContactStreamEvents.of(new ContactEvent.Escalated(moved, MUNICH, country, AT));
    List<Draft> transferred = ContactStreamEvents.of(new ContactEvent.Transferred(moved, MUNICH, country, "tax question", AT));
    List<Draft> raisedInPlace = ContactStreamEvents.of(new ContactEvent.Raised(QUEUED, MUNICH, Route.dealer("DE-MUC-001", 30), AT));

    assertThat(escalated).extracting(Draft::stream).containsExactly("queue:dealer:DE-MUC-001", "queue:country:DE");
    assertThat(new JsonObject(escalated.get(0).data()).getMap()).containsEntry("from", "dealer:DE-MUC-001")
        .containsEntry("to", "country:DE").containsEntry("queue", "country:DE");
    assertThat(new JsonObject(transferred.get(1).data()).getString("reason")).isEqualTo("tax question");
    assertThat(raisedInPlace).extracting(Draft::stream, Draft::type)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("queue:dealer:DE-MUC-001", "contact.raised"));
  }

  @Test
  void finishedContactsAreEventsOfTheirQueueAndTheStepsBeforeTheQueueMakeNone() {
    ContactRecord assigned = QUEUED.assigned("sepp", AT);

    assertThat(ContactStreamEvents.of(new ContactEvent.Completed(assigned.completed(AT), AT)))
        .extracting(Draft::stream, Draft::type)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("queue:dealer:DE-MUC-001", "contact.completed"));
    assertThat(ContactStreamEvents.of(new ContactEvent.Abandoned(QUEUED.abandoned(AT), AT)))
        .extracting(Draft::type).containsExactly("contact.abandoned");
    assertThat(ContactStreamEvents.streamed(new ContactEvent.Received(QUEUED, AT))).isFalse();
    assertThat(ContactStreamEvents.streamed(new ContactEvent.Routed(QUEUED, DECISION, 1_000, AT))).isFalse();
    assertThat(ContactStreamEvents.streamed(new ContactEvent.Erased(QUEUED, AT))).isFalse();
    assertThat(ContactStreamEvents.streamed(new ContactEvent.Queued(QUEUED, AT))).isTrue();
  }
}
