package io.omniroute.engine.queue.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omniroute.engine.queue.ContactPayload;
import io.omniroute.engine.queue.ContactRecord;
import io.omniroute.engine.queue.ContactStatus;
import io.omniroute.engine.queue.HistoryEvent;
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

class PackedContactTest {
  private static final Instant T0 = Instant.parse("2026-01-01T08:00:00.123456789Z");
  private static final Decision DECISION = new Decision(
      new Classification(Knowledge.SPECIFICATION, Urgency.NORMAL, Classification.GENERAL_TOPIC),
      Route.dealer("DE-MUC-001", 20), "DE-MUC-001", Duration.ofHours(1), List.of("dealer owns the car"), "v7", false);

  @Test
  void unpacksARecordEqualToThePackedOneThroughItsWholeLife() {
    ContactRecord queued = queued("c-1", "Grüße aus München: ist der Wagen 🚗 noch da?");
    ContactRecord escalated = queued.escalated(Route.country("DE", 30), T0.plusSeconds(3600), T0.plusSeconds(3600));
    ContactRecord assigned = escalated.assigned("agent-ö", T0.plusSeconds(3700));
    ContactRecord completed = assigned.completed(T0.plusSeconds(3900));
    PackedContact packed = new PackedContact(queued, "key-1");

    assertThat(packed.record()).isEqualTo(queued);
    for (ContactRecord later : List.of(escalated, assigned, completed)) {
      packed.update(later);
      assertThat(packed.record()).isEqualTo(later);
      assertThat(packed.idempotencyKey()).isEqualTo("key-1");
    }
    assertThat(packed.status()).isEqualTo(ContactStatus.COMPLETED);
    assertThat(packed.route()).isEqualTo(Route.country("DE", 30));
  }

  @Test
  void refusesToTakeAnotherContactsRecord() {
    PackedContact packed = new PackedContact(queued("c-7", "x"), "k");

    assertThatThrownBy(() -> packed.update(queued("c-8", "x"))).isInstanceOf(IllegalArgumentException.class);
    assertThat(packed.id()).isEqualTo("c-7");
  }

  @Test
  void keepsWhatAContactMayLack() {
    ContactRecord bare = new ContactRecord(
        "c-2", T0, ContactPayload.empty(), "email", null, DECISION, DECISION.route(), null, ContactStatus.QUEUED,
        null, List.of(new HistoryEvent(HistoryEvent.RECEIVED, T0, null)));
    PackedContact packed = new PackedContact(bare, null);

    assertThat(packed.record()).isEqualTo(bare);
    assertThat(packed.deadline()).isNull();
    assertThat(packed.idempotencyKey()).isNull();
    assertThat(packed.hasIdempotencyKey("c-2")).isFalse();
  }

  @Test
  void readsItsTimesWithoutUnpackingTheRecord() {
    PackedContact packed = new PackedContact(queued("c-3", "hello"), "k");

    assertThat(packed.receivedAt()).isEqualTo(T0);
    assertThat(packed.deadline()).isEqualTo(T0.plus(Duration.ofHours(1)));
    assertThat(packed.id()).isEqualTo("c-3");
  }

  @Test
  void comparesIdsAndKeysAsTheTextsTheyAre() {
    PackedContact ascii = new PackedContact(queued("c-4", "x"), "order-42");
    PackedContact unicode = new PackedContact(queued("ç-4", "x"), "bestellung-ä");

    assertThat(ascii.hasId("c-4")).isTrue();
    assertThat(ascii.hasId("c-5")).isFalse();
    assertThat(ascii.hasId("c-44")).isFalse();
    assertThat(ascii.hasId("ç-4")).isFalse();
    assertThat(ascii.hasIdempotencyKey("order-42")).isTrue();
    assertThat(ascii.hasIdempotencyKey("order-4")).isFalse();
    assertThat(unicode.hasId("ç-4")).isTrue();
    assertThat(unicode.hasId("c-4")).isFalse();
    assertThat(unicode.hasIdempotencyKey("bestellung-ä")).isTrue();
    assertThat(unicode.hasIdempotencyKey("bestellung-a")).isFalse();
  }

  @Test
  void unpackedRecordsShareTheDecisionAndTheTextsThatRepeatAcrossContacts() {
    ContactRecord queued = queued("c-6", "x").assigned("agent-7", T0.plusSeconds(1));
    ContactRecord unpacked = new PackedContact(queued, "k").record();

    assertThat(unpacked.decision()).isSameAs(queued.decision());
    assertThat(unpacked.route()).isSameAs(queued.route());
    assertThat(unpacked.channel()).isSameAs(queued.channel());
    assertThat(unpacked.country()).isSameAs(queued.country());
    assertThat(unpacked.agent()).isSameAs(queued.agent());
  }

  private static ContactRecord queued(String id, String text) {
    ContactPayload payload = ContactPayload.of(new JsonObject().put("channel", "chat").put("text", text));
    return ContactRecord.queued(id, T0, payload, "chat", "DE", DECISION);
  }
}
