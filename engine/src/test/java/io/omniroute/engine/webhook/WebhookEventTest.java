package io.omniroute.engine.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.omniroute.engine.contact.ContactEvent;
import io.omniroute.engine.delivery.Offer;
import io.omniroute.engine.delivery.OfferOutcome;
import io.omniroute.engine.queue.ContactPayload;
import io.omniroute.engine.queue.ContactRecord;
import io.omniroute.rules.Decision;
import io.omniroute.rules.model.Classification;
import io.omniroute.rules.model.Knowledge;
import io.omniroute.rules.model.Route;
import io.omniroute.rules.model.Urgency;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How contact events become webhook events and CloudEvents. */
class WebhookEventTest {
  static final Instant AT = Instant.parse("2026-01-05T09:00:00Z");
  private static final ObjectMapper JSON = new ObjectMapper();

  static ContactRecord contact(String id, Route route) {
    Decision decision = new Decision(new Classification(Knowledge.SPECIFICATION, Urgency.NORMAL,
        Classification.GENERAL_TOPIC), route, null, Duration.ofSeconds(300), List.of("test"), "global:1", false);
    return ContactRecord.queued(id, AT, ContactPayload.of(new JsonObject().put("channel", "email")), "email", "DE",
        decision);
  }

  static Offer offer(ContactRecord contact) {
    return new Offer("offer-1", contact.id(), contact.conversationId(), contact.route().queue(), "email", "sepp",
        AT, AT.plusSeconds(30));
  }

  @Test
  void publishesTheStepsOfAContactAndEndedOffersByOutcome() {
    ContactRecord muc = contact("c-1", Route.dealer("DE-MUC-001", 5));

    assertThat(WebhookEvent.typeOf(new ContactEvent.Received(muc, AT))).isEqualTo("io.omniroute.contact.received");
    assertThat(WebhookEvent.typeOf(new ContactEvent.Queued(muc, AT))).isEqualTo("io.omniroute.contact.queued");
    assertThat(WebhookEvent.typeOf(new ContactEvent.Offered(muc, offer(muc), AT))).isEqualTo("io.omniroute.contact.offered");
    assertThat(WebhookEvent.typeOf(new ContactEvent.Assigned(muc, "sepp", Duration.ofSeconds(3), AT)))
        .isEqualTo("io.omniroute.contact.assigned");
    assertThat(WebhookEvent.typeOf(new ContactEvent.Completed(muc, AT))).isEqualTo("io.omniroute.contact.completed");
    assertThat(WebhookEvent.typeOf(new ContactEvent.Abandoned(muc, AT))).isEqualTo("io.omniroute.contact.abandoned");
    for (OfferOutcome outcome : OfferOutcome.values()) {
      assertThat(WebhookEvent.typeOf(new ContactEvent.OfferEnded(muc, offer(muc), outcome, null, AT)))
          .isEqualTo("io.omniroute.offer." + outcome.wireName());
    }
    assertThat(WebhookEvent.typeOf(new ContactEvent.Erased(muc, AT))).isNull();
    assertThat(WebhookEvent.TYPES).hasSize(12).doesNotHaveDuplicates();
  }

  @Test
  void aTransferOrEscalationCountsForTheQueueItLeftAndTheQueueItReached() {
    Route from = Route.dealer("DE-MUC-001", 5);
    Route to = Route.country("DE", 10);
    ContactRecord moved = contact("c-1", to);

    ContactEvent.Transferred transferred = new ContactEvent.Transferred(moved, from, to, "wrong dealer", AT);
    WebhookEvent event = WebhookEvent.of(transferred, "e-1");

    assertThat(event.queues()).containsExactlyInAnyOrder("dealer:DE-MUC-001", "country:DE");
    assertThat(WebhookEvent.queuesOf(new ContactEvent.Escalated(moved, from, to, AT)))
        .isEqualTo(Set.of("dealer:DE-MUC-001", "country:DE"));
    assertThat(event.data().path("from").asText()).isEqualTo("dealer:DE-MUC-001");
    assertThat(event.data().path("to").asText()).isEqualTo("country:DE");
    assertThat(event.data().path("queue").asText()).isEqualTo("country:DE");
    assertThat(event.data().path("reason").asText()).isEqualTo("wrong dealer");
  }

  @Test
  void anEndedOfferCarriesTheOfferTheAgentItsExpiryTheOutcomeAndTheReason() {
    ContactRecord muc = contact("c-1", Route.dealer("DE-MUC-001", 5));

    WebhookEvent event = WebhookEvent.of(
        new ContactEvent.OfferEnded(muc, offer(muc), OfferOutcome.REJECTED, "in a meeting", AT), "e-2");

    assertThat(event.type()).isEqualTo("io.omniroute.offer.rejected");
    assertThat(event.subject()).isEqualTo("c-1");
    assertThat(event.data().path("offerId").asText()).isEqualTo("offer-1");
    assertThat(event.data().path("agentId").asText()).isEqualTo("sepp");
    assertThat(event.data().path("expiresAt").asText()).isEqualTo("2026-01-05T09:00:30Z");
    assertThat(event.data().path("outcome").asText()).isEqualTo("rejected");
    assertThat(event.data().path("reason").asText()).isEqualTo("in a meeting");
    assertThat(event.data().path("queue").asText()).isEqualTo("dealer:DE-MUC-001");
  }

  @Test
  void writesAStructuredJsonCloudEventThatTheSdkReadsBack() throws Exception {
    ContactRecord muc = contact("c-1", Route.dealer("DE-MUC-001", 5));
    WebhookEvent event = WebhookEvent.of(new ContactEvent.Queued(muc, AT), "0b9f5c1e-3a7d-4f2b-9c8e-1d2f3a4b5c6d");

    String json = CloudEventJson.write(event);
    JsonNode written = JSON.readTree(json);
    CloudEvent read = CloudEventJson.read(json);

    assertThat(written.path("specversion").asText()).isEqualTo("1.0");
    assertThat(written.path("id").asText()).isEqualTo("0b9f5c1e-3a7d-4f2b-9c8e-1d2f3a4b5c6d");
    assertThat(written.path("source").asText()).isEqualTo("/omniroute");
    assertThat(written.path("type").asText()).isEqualTo("io.omniroute.contact.queued");
    assertThat(written.path("subject").asText()).isEqualTo("c-1");
    assertThat(Instant.parse(written.path("time").asText())).isEqualTo(AT);
    assertThat(written.path("datacontenttype").asText()).isEqualTo("application/json");
    assertThat(written.path("data").isObject()).isTrue();
    assertThat(written.path("data").path("contactId").asText()).isEqualTo("c-1");
    assertThat(written.path("data").path("conversationId").asText()).isEqualTo("c-1");
    assertThat(written.path("data").path("queue").asText()).isEqualTo("dealer:DE-MUC-001");
    assertThat(written.path("data").path("channel").asText()).isEqualTo("email");
    assertThat(written.path("data").path("status").asText()).isEqualTo("QUEUED");
    assertThat(read.getId()).isEqualTo(event.id());
    assertThat(read.getSource()).isEqualTo(URI.create("/omniroute"));
    assertThat(CloudEventJson.CONTENT_TYPE).isEqualTo("application/cloudevents+json");
  }
}
