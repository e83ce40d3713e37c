package io.omniroute.engine.contact;

import io.omniroute.engine.Caller;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omniroute.engine.queue.ContactNotFoundException;
import io.omniroute.engine.queue.ContactRecord;
import io.omniroute.engine.queue.memory.MemoryQueueStore;
import io.omniroute.engine.rules.RecentContacts;
import io.omniroute.engine.support.TestClock;
import io.omniroute.rules.RuleBook;
import io.omniroute.rules.RuleSet;
import io.omniroute.rules.ServiceLevels;
import io.omniroute.rules.directory.DirectoryLoader;
import io.omniroute.rules.model.Level;
import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Every step of a contact's life publishes its event once the store has taken it, and only then. */
class ContactServiceTest {
  private static final RuleBook RULES = RuleBook.of(RuleSet.defaultPolicy());
  private static final Caller TELEPHONY = Caller.unrestricted("telephony");
  private static final Caller MUNICH = Caller.dealer("munich", "DE-MUC-001");
  private static final Caller BERLIN = Caller.dealer("berlin", "DE-BER-001");

  private final TestClock clock = new TestClock(Instant.parse("2026-12-05T09:00:00Z"));
  private final ContactEvents events = new ContactEvents();
  private final List<ContactEvent> published = new ArrayList<>();
  private final ContactService contacts = new ContactService(new MemoryQueueStore(), () -> RULES,
      new RecentContacts(10), DirectoryLoader.bundledSample(), ServiceLevels.defaults(), events,
      SenderIdentification.NONE, clock);

  ContactServiceTest() {
    events.subscribe(published::add);
  }

  @Test
  void aNewContactIsReceivedRoutedAndQueuedInThatOrder() {
    ContactRecord contact = await(contacts.submit(body("email", "DE", "When is my service due?"), TELEPHONY, "k1")).record();

    assertThat(published).extracting(event -> event.getClass().getSimpleName())
        .containsExactly("Received", "Routed", "Queued");
    assertThat(published).allSatisfy(event -> assertThat(event.contact().id()).isEqualTo(contact.id()));
    ContactEvent.Routed routed = (ContactEvent.Routed) published.get(1);
    assertThat(routed.decision().route().queue()).isEqualTo("country:DE");
    assertThat(routed.decisionNanos()).isPositive();
  }

  @Test
  void anIdempotentRepeatPublishesNothing() {
    await(contacts.submit(body("email", "DE", "When is my service due?"), TELEPHONY, "k1"));
    published.clear();

    await(contacts.submit(body("email", "DE", "When is my service due?"), TELEPHONY, "k1"));

    assertThat(published).isEmpty();
  }

  @Test
  void claimAssignsAndCompleteFinishesWithTheWaitingTime() {
    ContactRecord contact = await(contacts.submit(body("email", "DE", "When is my service due?"), TELEPHONY, null)).record();
    clock.advance(Duration.ofSeconds(42));
    published.clear();

    await(contacts.claim("country:DE", "sepp"));
    await(contacts.complete(contact.id(), TELEPHONY));

    ContactEvent.Assigned assigned = (ContactEvent.Assigned) published.get(0);
    assertThat(assigned.agent()).isEqualTo("sepp");
    assertThat(assigned.waited()).isEqualTo(Duration.ofSeconds(42));
    assertThat(published.get(1)).isInstanceOf(ContactEvent.Completed.class);
    assertThat(published.get(1).contact().status().name()).isEqualTo("COMPLETED");
  }

  @Test
  void aDealerCannotFinishAnotherDealersContactAndNothingIsPublished() {
    ContactRecord munich = await(contacts.submit(json("{\"channel\":\"email\",\"dealerId\":\"DE-MUC-001\","
        + "\"references\":{\"vin\":\"WNW12345678901234\"},\"text\":\"Wann ist mein Auto fertig?\"}"), TELEPHONY, null)).record();
    assertThat(munich.route().queue()).isEqualTo("dealer:DE-MUC-001");
    published.clear();

    Throwable refused = contacts.complete(munich.id(), BERLIN).cause();
    await(contacts.abandon(munich.id(), MUNICH));

    assertThat(refused).isInstanceOf(ContactNotFoundException.class);
    assertThat(published).singleElement().isInstanceOf(ContactEvent.Abandoned.class);
  }

  @Test
  void anOverdueContactEscalatesOneLevelUp() {
    await(contacts.submit(body("email", "DE", "When is my service due?"), TELEPHONY, null));
    published.clear();
    clock.advance(Duration.ofDays(2));

    int moved = await(contacts.escalateDue(10));

    assertThat(moved).isEqualTo(1);
    ContactEvent.Escalated escalated = (ContactEvent.Escalated) published.get(0);
    assertThat(escalated.from().level()).isEqualTo(Level.COUNTRY);
    assertThat(escalated.to().level()).isEqualTo(Level.CENTRAL);
    assertThat(escalated.contact().route().queue()).isEqualTo("central");
  }

  @Test
  void anUnknownQueueIsNamedInTheFailure() {
    Throwable failure = contacts.claim("dealer:XX-NOPE", "sepp").cause();

    assertThat(failure).isInstanceOf(UnknownQueueException.class);
    assertThat(((UnknownQueueException) failure).queue()).isEqualTo("dealer:XX-NOPE");
    assertThat(published).isEmpty();
  }

  @Test
  void aSubscriberThatFailsDoesNotKeepOthersFromTheEvent() {
    ContactEvents events = new ContactEvents();
    List<ContactEvent> seen = new ArrayList<>();
    events.subscribe(event -> {
      throw new IllegalStateException("broken subscriber");
    });
    events.subscribe(seen::add);
    ContactService service = new ContactService(new MemoryQueueStore(), () -> RULES, new RecentContacts(10),
        DirectoryLoader.bundledSample(), ServiceLevels.defaults(), events,
      SenderIdentification.NONE, clock);

    await(service.submit(body("email", "DE", "When is my service due?"), TELEPHONY, null));

    assertThat(seen).hasSize(3);
  }

  private static JsonNode body(String channel, String country, String text) {
    return new ObjectMapper().createObjectNode().put("channel", channel).put("country", country).put("text", text);
  }

  private static JsonNode json(String text) {
    try {
      return new ObjectMapper().readTree(text);
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
