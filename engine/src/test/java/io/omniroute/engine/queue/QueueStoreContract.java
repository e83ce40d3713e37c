package io.omniroute.engine.queue;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.omniroute.rules.Decision;
import io.omniroute.rules.model.Classification;
import io.omniroute.rules.model.Knowledge;
import io.omniroute.rules.model.Relationship;
import io.omniroute.rules.model.Route;
import io.omniroute.rules.model.Urgency;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The behaviour every {@link QueueStore} must show, driven only through the interface. An
 * implementation's test extends this class and answers a fresh, empty store from {@link
 * #newStore()}; the store is closed after each test.
 *
 * <p>Times are fixed instants: nothing here reads the clock or sleeps.
 */
@Timeout(60)
public abstract class QueueStoreContract {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final Duration TARGET = Duration.ofSeconds(60);
  private static final String DEALER_QUEUE = "dealer:DE-MUC-001";
  private static final String COUNTRY_QUEUE = "country:DE";
  private static final int THREADS = 8;

  protected QueueStore store;

  /** A new, empty store; closed by the contract after the test. */
  protected abstract QueueStore newStore();

  @BeforeEach
  void openStore() {
    store = newStore();
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  // ---------------------------------------------------------------- customers and erasure

  @Test
  void findsTheContactsOfACustomer() {
    accept(fromCustomer(queued("c-1", dealer(20), at(0)), "C-1001"));
    accept(fromCustomer(queued("c-2", country(20), at(1)), "C-1001"));
    accept(fromCustomer(queued("c-3", dealer(20), at(2)), "C-2002"));
    accept(queued("c-4", dealer(20), at(3)));

    assertThat(await(store.contactsOf("C-1001"))).containsExactlyInAnyOrder("c-1", "c-2");
    assertThat(await(store.contactsOf("C-9999"))).isEmpty();
  }

  @Test
  void erasureReplacesThePersonalDataAndKeepsStatusQueueAndHistory() {
    accept(fromCustomer(queued("c-1", dealer(20), at(0)), "C-1001"));
    accept(fromCustomer(queued("c-2", dealer(20), at(1)), "C-1001"));
    ContactRecord claimed = claim(1).orElseThrow();

    ContactRecord erasedClaimed = await(store.erase(claimed.id(), at(30))).orElseThrow();
    ContactRecord erasedQueued = await(store.erase("c-2", at(30))).orElseThrow();

    assertThat(erasedClaimed.request().json()).isEqualTo("{\"channel\":\"chat\",\"erased\":true}");
    assertThat(erasedClaimed.customer().id()).isNull();
    assertThat(erasedClaimed.isErased()).isTrue();
    ContactRecord found = await(store.find(claimed.id())).orElseThrow();
    assertThat(found).isEqualTo(erasedClaimed);
    assertThat(found.status()).isEqualTo(ContactStatus.ASSIGNED);
    assertThat(found.agent()).isEqualTo("agent-1");
    assertThat(lastEvent(found).type()).isEqualTo(HistoryEvent.ERASED);
    assertThat(await(store.find("c-2")).orElseThrow()).isEqualTo(erasedQueued);
    assertThat(ids(await(store.waiting(DEALER_QUEUE, 10)))).containsExactly("c-2");
    assertThat(await(store.contactsOf("C-1001"))).isEmpty();
    assertThat(await(store.erase("no-such-contact", at(30)))).isEmpty();
  }

  @Test
  void anErasedContactStaysErasedThroughLaterSteps() {
    accept(fromCustomer(queued("c-1", dealer(20), at(0)), "C-1001"));
    await(store.erase("c-1", at(5)));

    ContactRecord claimed = claim(1).orElseThrow();
    ContactRecord completed = await(store.complete("c-1", at(20)));

    assertThat(claimed.isErased()).isTrue();
    assertThat(completed.isErased()).isTrue();
    assertThat(await(store.find("c-1")).orElseThrow().request().json()).contains("\"erased\":true");
  }

  // ---------------------------------------------------------------- history notes

  @Test
  void anAddedHistoryEntryKeepsWhatWasReceivedAndOutlivesLaterSteps() {
    ContactRecord contact = accept(fromCustomer(queued("c-1", dealer(20), at(0)), "C-1001"));
    ContactRecord claimed = claim(1).orElseThrow();
    HistoryEvent edit = new HistoryEvent(HistoryEvent.EDITED, at(10), "edited on mastodon: the new words");

    ContactRecord noted = await(store.addHistory("c-1", edit)).orElseThrow();
    ContactRecord completed = await(store.complete("c-1", at(20)));
    ContactRecord deleted = await(store.addHistory("c-1", new HistoryEvent(HistoryEvent.DELETED, at(30), null)))
        .orElseThrow();

    assertThat(noted.request()).isEqualTo(contact.request());
    assertThat(noted.status()).isEqualTo(ContactStatus.ASSIGNED);
    assertThat(noted.agent()).isEqualTo(claimed.agent());
    assertThat(lastEvent(noted)).isEqualTo(edit);
    assertThat(types(completed)).containsSubsequence(HistoryEvent.EDITED, HistoryEvent.COMPLETED);
    assertThat(deleted.status()).isEqualTo(ContactStatus.COMPLETED);
    ContactRecord found = await(store.find("c-1")).orElseThrow();
    assertThat(found).isEqualTo(deleted);
    assertThat(types(found)).endsWith(HistoryEvent.ASSIGNED, HistoryEvent.EDITED, HistoryEvent.COMPLETED,
        HistoryEvent.DELETED).doesNotHaveDuplicates();
    assertThat(found.request().json()).isEqualTo(contact.request().json());
    assertThat(await(store.addHistory("no-such-contact", edit))).isEmpty();
  }

  @Test
  void erasureDropsTheWordsOfAnEditedEntry() {
    accept(fromCustomer(queued("c-1", dealer(20), at(0)), "C-1001"));
    await(store.addHistory("c-1", new HistoryEvent(HistoryEvent.EDITED, at(10), "edited on mastodon: my address is ...")));

    ContactRecord erased = await(store.erase("c-1", at(20))).orElseThrow();

    assertThat(erased.history()).filteredOn(event -> event.type().equals(HistoryEvent.EDITED))
        .singleElement().extracting(HistoryEvent::detail).isEqualTo("personal data erased");
  }

  // ---------------------------------------------------------------- accept and find

  @Test
  void acceptStoresQueuedContactFindableById() {
    ContactRecord contact = queued("c-1", dealer(20), at(0));

    Accepted accepted = await(store.accept(contact, null));

    assertThat(accepted.created()).isTrue();
    assertThat(accepted.record()).isEqualTo(contact);
    ContactRecord found = await(store.find("c-1")).orElseThrow();
    assertThat(found).isEqualTo(contact);
    assertThat(found.status()).isEqualTo(ContactStatus.QUEUED);
    assertThat(found.agent()).isNull();
    assertThat(types(found)).containsExactly(HistoryEvent.RECEIVED, HistoryEvent.ROUTED);
    assertThat(depth(DEALER_QUEUE)).isEqualTo(1);
  }

  @Test
  void aReservedContactLeavesTheServeOrderSoNoClaimTakesIt() {
    accept(queued("c-1", dealer(20), at(0)));
    accept(queued("c-2", dealer(20), at(1)));

    ContactRecord offered = await(store.reserve("c-1", DEALER_QUEUE, "sepp", "o-1", at(80), at(20))).orElseThrow();

    assertThat(offered.status()).isEqualTo(ContactStatus.OFFERED);
    assertThat(offered.agent()).isEqualTo("sepp");
    assertThat(lastEvent(offered).type()).isEqualTo(HistoryEvent.OFFERED);
    assertThat(lastEvent(offered).detail()).contains("o-1", "sepp");
    assertThat(await(store.find("c-1"))).contains(offered);
    assertThat(ids(await(store.waiting(DEALER_QUEUE, 10)))).containsExactly("c-2");
    assertThat(depth(DEALER_QUEUE)).isEqualTo(1);
    assertThat(claimAll(DEALER_QUEUE)).containsExactly("c-2");
  }

  @Test
  void aContactIsReservedForOneOfferOnly() {
    accept(queued("c-1", dealer(20), at(0)));

    List<Optional<ContactRecord>> reservations = runConcurrently(
        i -> await(store.reserve("c-1", DEALER_QUEUE, "agent-" + i, "o-" + i, at(80), at(20))));

    assertThat(reservations.stream().filter(Optional::isPresent).count()).isEqualTo(1);
    assertThat(await(store.reserve("c-1", DEALER_QUEUE, "other", "o-x", at(80), at(21)))).isEmpty();
    assertThat(await(store.reserve("no-such-contact", DEALER_QUEUE, "other", "o-y", at(80), at(21)))).isEmpty();
  }

  @Test
  void onlyAContactQueuedInTheOfferedQueueIsReserved() {
    accept(queued("c-1", dealer(20), at(0)));
    claim(1).orElseThrow();
    accept(queued("c-2", country(20), at(1)));

    assertThat(await(store.reserve("c-1", DEALER_QUEUE, "sepp", "o-1", at(80), at(20)))).isEmpty();
    assertThat(await(store.reserve("c-2", DEALER_QUEUE, "sepp", "o-2", at(80), at(20)))).isEmpty();
  }

  @Test
  void anOfferThatEndsUnacceptedPutsTheContactBackAtItsPlace() {
    accept(queued("c-1", dealer(20), at(0)));
    accept(queued("c-2", dealer(20), at(1)));
    await(store.reserve("c-1", DEALER_QUEUE, "sepp", "o-1", at(80), at(20))).orElseThrow();

    ContactRecord back = await(store.endOffer("c-1", "o-1", "rejected", "sepp: busy with a customer", at(30)))
        .orElseThrow();

    assertThat(back.status()).isEqualTo(ContactStatus.QUEUED);
    assertThat(back.agent()).isNull();
    assertThat(lastEvent(back)).isEqualTo(new HistoryEvent("rejected", at(30), "sepp: busy with a customer"));
    assertThat(await(store.find("c-1"))).contains(back);
    assertThat(ids(await(store.waiting(DEALER_QUEUE, 10)))).containsExactly("c-1", "c-2");
    assertThat(stats(DEALER_QUEUE).orElseThrow().oldestReceivedAt()).isEqualTo(at(0));
  }

  @Test
  void anAcceptedOfferAssignsTheContactToTheAgent() {
    accept(queued("c-1", dealer(20), at(0)));
    await(store.reserve("c-1", DEALER_QUEUE, "sepp", "o-1", at(80), at(20))).orElseThrow();

    ContactRecord assigned = await(store.endOffer("c-1", "o-1", "accepted", "by sepp", at(25))).orElseThrow();

    assertThat(assigned.status()).isEqualTo(ContactStatus.ASSIGNED);
    assertThat(assigned.agent()).isEqualTo("sepp");
    assertThat(types(assigned)).endsWith(HistoryEvent.OFFERED, "accepted", HistoryEvent.ASSIGNED);
    assertThat(await(store.find("c-1"))).contains(assigned);
    assertThat(await(store.dueForEscalation(at(10_000), 10))).isEmpty();
    assertThat(await(store.complete("c-1", at(90))).status()).isEqualTo(ContactStatus.COMPLETED);
  }

  @Test
  void anOfferEndsOnceAndOnlyByItsOwnId() {
    accept(queued("c-1", dealer(20), at(0)));
    await(store.reserve("c-1", DEALER_QUEUE, "sepp", "o-1", at(80), at(20))).orElseThrow();

    assertThat(await(store.endOffer("c-1", "o-other", "accepted", null, at(25)))).isEmpty();
    assertThat(await(store.endOffer("c-1", "o-1", "timedout", null, at(80)))).isPresent();
    assertThat(await(store.endOffer("c-1", "o-1", "accepted", null, at(81)))).isEmpty();
    assertThat(await(store.find("c-1")).orElseThrow().status()).isEqualTo(ContactStatus.QUEUED);
  }

  @Test
  void aReservedContactStillComesDueForEscalation() {
    accept(queued("c-1", dealer(20), at(0)));
    await(store.reserve("c-1", DEALER_QUEUE, "sepp", "o-1", at(80), at(20))).orElseThrow();

    assertThat(ids(await(store.dueForEscalation(at(100), 10)))).containsExactly("c-1");
    await(store.endOffer("c-1", "o-1", "withdrawn", "escalating", at(100))).orElseThrow();
    ContactRecord escalated = await(store.escalate("c-1", DEALER_QUEUE, country(25), at(160), at(100))).orElseThrow();

    assertThat(escalated.route().queue()).isEqualTo("country:DE");
    assertThat(ids(await(store.waiting("country:DE", 10)))).containsExactly("c-1");
    assertThat(depth(DEALER_QUEUE)).isZero();
  }

  @Test
  void findOfUnknownIdIsEmpty() {
    accept(queued("c-1", dealer(20), at(0)));

    assertThat(await(store.find("no-such-contact"))).isEmpty();
  }

  @Test
  void repeatedIdempotencyKeyAnswersFirstRecordAndStoresNothing() {
    ContactRecord first = queued("c-1", dealer(20), at(0));
    ContactRecord repeat = queued("c-2", dealer(20), at(5));

    Accepted one = await(store.accept(first, "key-1"));
    Accepted two = await(store.accept(repeat, "key-1"));

    assertThat(one.created()).isTrue();
    assertThat(two.created()).isFalse();
    assertThat(two.record()).isEqualTo(first);
    assertThat(await(store.find("c-2"))).isEmpty();
    assertThat(depth(DEALER_QUEUE)).isEqualTo(1);
    assertThat(ids(await(store.waiting(DEALER_QUEUE, 10)))).containsExactly("c-1");
  }

  @Test
  void repeatedIdempotencyKeyDoesNotEnqueueTheRepeatInItsOwnQueue() {
    accept(queued("c-1", dealer(20), at(0)), "key-1");

    Accepted again = await(store.accept(queued("c-2", Route.country("FR", 20), at(5)), "key-1"));

    assertThat(again.created()).isFalse();
    assertThat(again.record().id()).isEqualTo("c-1");
    assertThat(depth("country:FR")).isZero();
    assertThat(await(store.claim("country:FR", "agent-1", at(10)))).isEmpty();
  }

  @Test
  void repeatedIdempotencyKeyAfterClaimAnswersFirstContactWithoutRequeueing() {
    accept(queued("c-1", dealer(20), at(0)), "key-1");
    await(store.claim(DEALER_QUEUE, "agent-1", at(10)));

    Accepted again = await(store.accept(queued("c-2", dealer(20), at(20)), "key-1"));

    assertThat(again.created()).isFalse();
    assertThat(again.record().id()).isEqualTo("c-1");
    assertThat(depth(DEALER_QUEUE)).isZero();
    assertThat(await(store.find("c-2"))).isEmpty();
  }

  @Test
  void findsAContactByItsIdempotencyKeyAfterItsStatusChanged() {
    accept(queued("c-1", dealer(20), at(0)), "twilio:CA1");
    accept(queued("c-2", dealer(20), at(1)), "twilio:CA2");
    await(store.claim(DEALER_QUEUE, "agent-1", at(10)));

    assertThat(await(store.findByIdempotencyKey("twilio:CA1")).orElseThrow().status()).isEqualTo(ContactStatus.ASSIGNED);
    assertThat(await(store.findByIdempotencyKey("twilio:CA2")).orElseThrow().id()).isEqualTo("c-2");
    assertThat(await(store.findByIdempotencyKey("twilio:CA3"))).isEmpty();
  }

  @Test
  void nullIdempotencyKeyNeverDedupes() {
    Accepted one = await(store.accept(queued("c-1", dealer(20), at(0)), null));
    Accepted two = await(store.accept(queued("c-2", dealer(20), at(0)), null));

    assertThat(one.created()).isTrue();
    assertThat(two.created()).isTrue();
    assertThat(await(store.find("c-1"))).isPresent();
    assertThat(await(store.find("c-2"))).isPresent();
    assertThat(depth(DEALER_QUEUE)).isEqualTo(2);
  }

  @Test
  void distinctIdempotencyKeysCreateDistinctContacts() {
    Accepted one = await(store.accept(queued("c-1", dealer(20), at(0)), "key-1"));
    Accepted two = await(store.accept(queued("c-2", dealer(20), at(0)), "key-2"));

    assertThat(one.created()).isTrue();
    assertThat(two.created()).isTrue();
    assertThat(two.record().id()).isEqualTo("c-2");
    assertThat(depth(DEALER_QUEUE)).isEqualTo(2);
  }

  // ---------------------------------------------------------------- claim

  @Test
  void claimsHighestPriorityFirstThenOldest() {
    accept(queued("low-oldest", dealer(10), at(0)));
    accept(queued("high-newest", dealer(30), at(30)));
    accept(queued("normal", dealer(20), at(5)));
    accept(queued("high-oldest", dealer(30), at(10)));
    accept(queued("high-middle", dealer(30), at(20)));

    assertThat(claimAll(DEALER_QUEUE))
        .containsExactly("high-oldest", "high-middle", "high-newest", "normal", "low-oldest");
  }

  @Test
  void claimServesEqualPriorityAndArrivalInAcceptOrder() {
    List<String> accepted = List.of("c-3", "c-1", "c-5", "c-2", "c-4");
    accepted.forEach(id -> accept(queued(id, dealer(20), at(0))));

    assertThat(claimAll(DEALER_QUEUE)).containsExactlyElementsOf(accepted);
  }

  @Test
  void claimMarksContactAssignedToAgentAndRemovesItFromQueue() {
    accept(queued("c-1", dealer(20), at(0)));

    ContactRecord claimed = await(store.claim(DEALER_QUEUE, "agent-7", at(15))).orElseThrow();

    assertThat(claimed.id()).isEqualTo("c-1");
    assertThat(claimed.status()).isEqualTo(ContactStatus.ASSIGNED);
    assertThat(claimed.agent()).isEqualTo("agent-7");
    HistoryEvent last = lastEvent(claimed);
    assertThat(last.type()).isEqualTo(HistoryEvent.ASSIGNED);
    assertThat(last.at()).isEqualTo(at(15));
    assertThat(await(store.find("c-1"))).contains(claimed);
    assertThat(depth(DEALER_QUEUE)).isZero();
    assertThat(await(store.waiting(DEALER_QUEUE, 10))).isEmpty();
    assertThat(await(store.claim(DEALER_QUEUE, "agent-8", at(16)))).isEmpty();
  }

  @Test
  void claimTakesOnlyFromTheNamedQueue() {
    accept(queued("dealer-contact", dealer(20), at(0)));
    accept(queued("country-contact", country(40), at(0)));

    assertThat(await(store.claim(DEALER_QUEUE, "agent-1", at(1))).map(ContactRecord::id))
        .contains("dealer-contact");
    assertThat(depth(COUNTRY_QUEUE)).isEqualTo(1);
  }

  @Test
  void claimOnUnknownQueueIsEmpty() {
    accept(queued("c-1", dealer(20), at(0)));

    assertThat(await(store.claim("dealer:NOWHERE", "agent-1", at(1)))).isEmpty();
    assertThat(depth(DEALER_QUEUE)).isEqualTo(1);
  }

  @Test
  void claimOnDrainedQueueIsEmpty() {
    accept(queued("c-1", dealer(20), at(0)));
    await(store.claim(DEALER_QUEUE, "agent-1", at(1)));

    assertThat(await(store.claim(DEALER_QUEUE, "agent-2", at(2)))).isEmpty();
  }

  // ---------------------------------------------------------------- complete and abandon

  @Test
  void completesAssignedContact() {
    accept(queued("c-1", dealer(20), at(0)));
    await(store.claim(DEALER_QUEUE, "agent-1", at(10)));

    ContactRecord completed = await(store.complete("c-1", at(90)));

    assertThat(completed.status()).isEqualTo(ContactStatus.COMPLETED);
    assertThat(completed.agent()).isEqualTo("agent-1");
    assertThat(lastEvent(completed)).extracting(HistoryEvent::type, HistoryEvent::at)
        .containsExactly(HistoryEvent.COMPLETED, at(90));
    assertThat(await(store.find("c-1"))).contains(completed);
  }

  @Test
  void completeOfQueuedContactFailsAndLeavesItQueued() {
    ContactRecord contact = accept(queued("c-1", dealer(20), at(0)));

    Throwable failure = failureOf(store.complete("c-1", at(10)));

    assertThat(failure).isInstanceOf(IllegalTransitionException.class);
    assertThat(await(store.find("c-1"))).contains(contact);
    assertThat(depth(DEALER_QUEUE)).isEqualTo(1);
  }

  @Test
  void completeOfCompletedContactFails() {
    accept(queued("c-1", dealer(20), at(0)));
    await(store.claim(DEALER_QUEUE, "agent-1", at(10)));
    ContactRecord completed = await(store.complete("c-1", at(20)));

    assertThat(failureOf(store.complete("c-1", at(30)))).isInstanceOf(IllegalTransitionException.class);
    assertThat(await(store.find("c-1"))).contains(completed);
  }

  @Test
  void completeOfAbandonedContactFails() {
    accept(queued("c-1", dealer(20), at(0)));
    ContactRecord abandoned = await(store.abandon("c-1", at(10)));

    assertThat(failureOf(store.complete("c-1", at(20)))).isInstanceOf(IllegalTransitionException.class);
    assertThat(await(store.find("c-1"))).contains(abandoned);
  }

  @Test
  void completeOfUnknownIdFailsWithContactNotFound() {
    assertThat(failureOf(store.complete("no-such-contact", at(0))))
        .isInstanceOf(ContactNotFoundException.class);
  }

  @Test
  void abandonsQueuedContactAndRemovesItFromQueue() {
    accept(queued("c-1", dealer(20), at(0)));
    accept(queued("c-2", dealer(20), at(1)));

    ContactRecord abandoned = await(store.abandon("c-1", at(30)));

    assertThat(abandoned.status()).isEqualTo(ContactStatus.ABANDONED);
    assertThat(lastEvent(abandoned)).extracting(HistoryEvent::type, HistoryEvent::at)
        .containsExactly(HistoryEvent.ABANDONED, at(30));
    assertThat(await(store.find("c-1"))).contains(abandoned);
    assertThat(depth(DEALER_QUEUE)).isEqualTo(1);
    assertThat(ids(await(store.waiting(DEALER_QUEUE, 10)))).containsExactly("c-2");
    assertThat(claimAll(DEALER_QUEUE)).containsExactly("c-2");
  }

  @Test
  void abandonOfLastQueuedContactResetsOldestArrival() {
    accept(queued("c-1", dealer(20), at(0)));

    await(store.abandon("c-1", at(30)));

    assertThat(stats(DEALER_QUEUE)).hasValueSatisfying(stats -> {
      assertThat(stats.depth()).isZero();
      assertThat(stats.oldestReceivedAt()).isNull();
    });
  }

  @Test
  void abandonsAssignedContact() {
    accept(queued("c-1", dealer(20), at(0)));
    await(store.claim(DEALER_QUEUE, "agent-1", at(10)));

    ContactRecord abandoned = await(store.abandon("c-1", at(20)));

    assertThat(abandoned.status()).isEqualTo(ContactStatus.ABANDONED);
    assertThat(abandoned.agent()).isEqualTo("agent-1");
    assertThat(types(abandoned)).endsWith(HistoryEvent.ASSIGNED, HistoryEvent.ABANDONED);
    assertThat(await(store.find("c-1"))).contains(abandoned);
    assertThat(depth(DEALER_QUEUE)).isZero();
  }

  @Test
  void abandonOfCompletedContactFails() {
    accept(queued("c-1", dealer(20), at(0)));
    await(store.claim(DEALER_QUEUE, "agent-1", at(10)));
    ContactRecord completed = await(store.complete("c-1", at(20)));

    assertThat(failureOf(store.abandon("c-1", at(30)))).isInstanceOf(IllegalTransitionException.class);
    assertThat(await(store.find("c-1"))).contains(completed);
  }

  @Test
  void abandonOfAbandonedContactFails() {
    accept(queued("c-1", dealer(20), at(0)));
    ContactRecord abandoned = await(store.abandon("c-1", at(10)));

    assertThat(failureOf(store.abandon("c-1", at(20)))).isInstanceOf(IllegalTransitionException.class);
    assertThat(await(store.find("c-1"))).contains(abandoned);
  }

  @Test
  void abandonOfUnknownIdFailsWithContactNotFound() {
    assertThat(failureOf(store.abandon("no-such-contact", at(0))))
        .isInstanceOf(ContactNotFoundException.class);
  }

  // ---------------------------------------------------------------- queue stats and waiting

  @Test
  void queueStatsGiveDepthAndOldestArrivalPerQueue() {
    accept(queued("d-1", dealer(20), at(10)));
    accept(queued("d-2", dealer(20), at(5)));
    accept(queued("d-3", dealer(20), at(20)));
    accept(queued("c-1", country(20), at(7)));

    assertThat(await(store.queueStats()))
        .containsExactlyInAnyOrder(
            new QueueStats(DEALER_QUEUE, 3, at(5)), new QueueStats(COUNTRY_QUEUE, 1, at(7)));
  }

  @Test
  void queueStatsOfEmptyStoreAreEmpty() {
    assertThat(await(store.queueStats())).isEmpty();
  }

  @Test
  void oldestArrivalIsEarliestEvenWhenNewerContactHasHigherPriority() {
    accept(queued("old-low", dealer(10), at(0)));
    accept(queued("new-high", dealer(40), at(100)));

    assertThat(stats(DEALER_QUEUE)).contains(new QueueStats(DEALER_QUEUE, 2, at(0)));

    await(store.claim(DEALER_QUEUE, "agent-1", at(110)));

    assertThat(stats(DEALER_QUEUE)).contains(new QueueStats(DEALER_QUEUE, 1, at(0)));
  }

  @Test
  void oldestArrivalMovesOnWhenOldestIsClaimed() {
    accept(queued("c-1", dealer(20), at(0)));
    accept(queued("c-2", dealer(20), at(8)));

    await(store.claim(DEALER_QUEUE, "agent-1", at(10)));

    assertThat(stats(DEALER_QUEUE)).contains(new QueueStats(DEALER_QUEUE, 1, at(8)));
  }

  @Test
  void drainedQueueStaysInStatsWithNoDepthAndNoOldestArrival() {
    accept(queued("c-1", dealer(20), at(0)));
    await(store.claim(DEALER_QUEUE, "agent-1", at(10)));

    assertThat(stats(DEALER_QUEUE)).contains(new QueueStats(DEALER_QUEUE, 0, null));
  }

  @Test
  void waitingListsContactsInServeOrder() {
    accept(queued("normal-old", dealer(20), at(0)));
    accept(queued("high-new", dealer(30), at(50)));
    accept(queued("normal-new", dealer(20), at(40)));
    accept(queued("high-old", dealer(30), at(10)));
    accept(queued("other-queue", country(90), at(0)));

    List<ContactRecord> waiting = await(store.waiting(DEALER_QUEUE, 10));

    assertThat(ids(waiting)).containsExactly("high-old", "high-new", "normal-old", "normal-new");
    assertThat(waiting).allSatisfy(record -> assertThat(record.status()).isEqualTo(ContactStatus.QUEUED));
    assertThat(depth(DEALER_QUEUE)).as("listing does not claim").isEqualTo(4);
    assertThat(claimAll(DEALER_QUEUE)).containsExactlyElementsOf(ids(waiting));
  }

  @Test
  void waitingRespectsLimit() {
    for (int i = 0; i < 5; i++) {
      accept(queued("c-" + i, dealer(20), at(i)));
    }

    assertThat(ids(await(store.waiting(DEALER_QUEUE, 3)))).containsExactly("c-0", "c-1", "c-2");
    assertThat(await(store.waiting(DEALER_QUEUE, 0))).isEmpty();
  }

  @Test
  void waitingLeavesOutClaimedAndAbandonedContacts() {
    accept(queued("c-1", dealer(30), at(0)));
    accept(queued("c-2", dealer(20), at(1)));
    accept(queued("c-3", dealer(20), at(2)));
    await(store.claim(DEALER_QUEUE, "agent-1", at(5)));
    await(store.abandon("c-3", at(6)));

    assertThat(ids(await(store.waiting(DEALER_QUEUE, 10)))).containsExactly("c-2");
  }

  @Test
  void waitingOfUnknownQueueIsEmpty() {
    assertThat(await(store.waiting("dealer:NOWHERE", 10))).isEmpty();
  }

  // ---------------------------------------------------------------- due for escalation

  @Test
  void dueForEscalationListsQueuedContactsAtOrPastDeadlineByDeadline() {
    accept(queued("due-later", dealer(20), at(30), Duration.ofSeconds(60))); // deadline 90
    accept(queued("due-first", country(20), at(0), Duration.ofSeconds(20))); // deadline 20
    accept(queued("due-now", Route.expert("ev-battery", 20), at(40), Duration.ofSeconds(60))); // 100
    accept(queued("not-yet", dealer(20), at(50), Duration.ofSeconds(60))); // deadline 110

    List<ContactRecord> due = await(store.dueForEscalation(at(100), 10));

    assertThat(ids(due)).containsExactly("due-first", "due-later", "due-now");
  }

  @Test
  void dueForEscalationLeavesOutCentralContacts() {
    accept(queued("central", Route.central(20), at(0)));
    accept(queued("dealer", dealer(20), at(0)));

    assertThat(ids(await(store.dueForEscalation(at(1000), 10)))).containsExactly("dealer");
  }

  @Test
  void dueForEscalationLeavesOutClaimedAndAbandonedContacts() {
    accept(queued("claimed", dealer(30), at(0)));
    accept(queued("abandoned", dealer(20), at(1)));
    accept(queued("waiting", dealer(20), at(2)));
    await(store.claim(DEALER_QUEUE, "agent-1", at(3)));
    await(store.abandon("abandoned", at(4)));

    assertThat(ids(await(store.dueForEscalation(at(1000), 10)))).containsExactly("waiting");
  }

  @Test
  void dueForEscalationRespectsLimitTakingEarliestDeadlinesFirst() {
    for (int i = 0; i < 6; i++) {
      accept(queued("c-" + i, dealer(20), at(50 - i * 10)));
    }

    assertThat(ids(await(store.dueForEscalation(at(1000), 2)))).containsExactly("c-5", "c-4");
  }

  @Test
  void dueForEscalationIsEmptyBeforeAnyDeadline() {
    accept(queued("c-1", dealer(20), at(0)));

    assertThat(await(store.dueForEscalation(at(59), 10))).isEmpty();
    assertThat(ids(await(store.dueForEscalation(at(60), 10)))).containsExactly("c-1");
  }

  // ---------------------------------------------------------------- escalate

  @Test
  void escalateMovesContactToNewQueueWithNewRouteDeadlineAndEvent() {
    ContactRecord contact = accept(queued("c-1", dealer(20), at(0)));
    Route next = contact.route().escalated(contact.country());

    ContactRecord escalated =
        await(store.escalate("c-1", DEALER_QUEUE, next, at(160), at(100))).orElseThrow();

    assertThat(escalated.route()).isEqualTo(country(25));
    assertThat(escalated.deadline()).isEqualTo(at(160));
    assertThat(escalated.status()).isEqualTo(ContactStatus.QUEUED);
    assertThat(escalated.receivedAt()).isEqualTo(at(0));
    assertThat(escalated.decision()).isEqualTo(contact.decision());
    assertThat(lastEvent(escalated)).extracting(HistoryEvent::type, HistoryEvent::at)
        .containsExactly(HistoryEvent.ESCALATED, at(100));
    assertThat(await(store.find("c-1"))).contains(escalated);
    assertThat(depth(DEALER_QUEUE)).isZero();
    assertThat(depth(COUNTRY_QUEUE)).isEqualTo(1);
    assertThat(ids(await(store.waiting(COUNTRY_QUEUE, 10)))).containsExactly("c-1");
    assertThat(await(store.claim(DEALER_QUEUE, "agent-1", at(101)))).isEmpty();
  }

  @Test
  void escalatedContactIsServedAheadOfLowerPriorityContactsInNewQueue() {
    accept(queued("country-old", country(20), at(0), Duration.ofHours(1)));
    accept(queued("country-older", country(20), at(-10), Duration.ofHours(1)));
    accept(queued("from-dealer", dealer(20), at(50)));

    await(store.escalate("from-dealer", DEALER_QUEUE, country(25), at(200), at(110))).orElseThrow();

    assertThat(ids(await(store.waiting(COUNTRY_QUEUE, 10))))
        .containsExactly("from-dealer", "country-older", "country-old");
    assertThat(claimAll(COUNTRY_QUEUE)).containsExactly("from-dealer", "country-older", "country-old");
  }

  @Test
  void escalatedContactKeepsItsArrivalOrderAmongContactsOfTheSamePriority() {
    accept(queued("country-60", country(25), at(60), Duration.ofHours(1)));
    accept(queued("country-120", country(25), at(120), Duration.ofHours(1)));
    accept(queued("from-dealer", dealer(20), at(50)));

    await(store.escalate("from-dealer", DEALER_QUEUE, country(25), at(300), at(130))).orElseThrow();
    accept(queued("country-140", country(25), at(140), Duration.ofHours(1)));

    assertThat(ids(await(store.waiting(COUNTRY_QUEUE, 10))))
        .containsExactly("from-dealer", "country-60", "country-120", "country-140");
    assertThat(await(store.queueStats())).filteredOn(s -> s.queue().equals(COUNTRY_QUEUE))
        .singleElement().satisfies(s -> assertThat(s.oldestReceivedAt()).isEqualTo(at(50)));
    assertThat(claimAll(COUNTRY_QUEUE)).containsExactly("from-dealer", "country-60", "country-120", "country-140");
  }

  @Test
  void escalatedContactIsDueAgainAtItsNewDeadline() {
    accept(queued("c-1", dealer(20), at(0)));
    await(store.escalate("c-1", DEALER_QUEUE, country(25), at(160), at(100))).orElseThrow();

    assertThat(await(store.dueForEscalation(at(159), 10))).isEmpty();
    List<ContactRecord> due = await(store.dueForEscalation(at(160), 10));
    assertThat(ids(due)).containsExactly("c-1");
    assertThat(due.get(0).route()).isEqualTo(country(25));
  }

  @Test
  void contactEscalatedToCentralIsNeverDueAgain() {
    accept(queued("c-1", country(20), at(0)));

    await(store.escalate("c-1", COUNTRY_QUEUE, Route.central(25), at(160), at(100))).orElseThrow();

    assertThat(await(store.dueForEscalation(at(10_000), 10))).isEmpty();
    assertThat(depth("central")).isEqualTo(1);
  }

  @Test
  void escalateIsEmptyWhenContactIsNotInFromQueue() {
    ContactRecord contact = accept(queued("c-1", dealer(20), at(0)));

    assertThat(await(store.escalate("c-1", "dealer:DE-BER-002", country(25), at(160), at(100)))).isEmpty();
    assertUnchanged(contact);
  }

  @Test
  void escalateIsEmptyWhenContactWasClaimed() {
    accept(queued("c-1", dealer(20), at(0)));
    ContactRecord claimed = await(store.claim(DEALER_QUEUE, "agent-1", at(70))).orElseThrow();

    assertThat(await(store.escalate("c-1", DEALER_QUEUE, country(25), at(160), at(100)))).isEmpty();
    assertThat(await(store.find("c-1"))).contains(claimed);
    assertThat(depth(COUNTRY_QUEUE)).isZero();
  }

  @Test
  void escalateIsEmptyWhenContactWasAbandoned() {
    accept(queued("c-1", dealer(20), at(0)));
    ContactRecord abandoned = await(store.abandon("c-1", at(70)));

    assertThat(await(store.escalate("c-1", DEALER_QUEUE, country(25), at(160), at(100)))).isEmpty();
    assertThat(await(store.find("c-1"))).contains(abandoned);
    assertThat(depth(COUNTRY_QUEUE)).isZero();
  }

  @Test
  void escalateIsEmptyWhileDeadlineIsInTheFuture() {
    ContactRecord contact = accept(queued("c-1", dealer(20), at(0))); // deadline at 60

    assertThat(await(store.escalate("c-1", DEALER_QUEUE, country(25), at(119), at(59)))).isEmpty();
    assertUnchanged(contact);
    assertThat(await(store.escalate("c-1", DEALER_QUEUE, country(25), at(120), at(60)))).isPresent();
  }

  @Test
  void escalatingTwiceMovesContactOnce() {
    accept(queued("c-1", dealer(20), at(0)));

    Optional<ContactRecord> first = await(store.escalate("c-1", DEALER_QUEUE, country(25), at(160), at(100)));
    Optional<ContactRecord> second = await(store.escalate("c-1", DEALER_QUEUE, country(25), at(161), at(101)));

    assertThat(first).isPresent();
    assertThat(second).isEmpty();
    ContactRecord stored = await(store.find("c-1")).orElseThrow();
    assertThat(stored).isEqualTo(first.get());
    assertThat(types(stored)).containsOnlyOnce(HistoryEvent.ESCALATED);
    assertThat(depth(COUNTRY_QUEUE)).isEqualTo(1);
    assertThat(depth(DEALER_QUEUE)).isZero();
  }

  // ---------------------------------------------------------------- concurrency

  @Test
  void concurrentClaimsNeverHandOutTheSameContactTwice() {
    int contacts = 2_000;
    List<Future<Accepted>> accepts = new ArrayList<>(contacts);
    for (int i = 0; i < contacts; i++) {
      accepts.add(store.accept(queued("c-" + i, dealer(10 + i % 3), at(i % 50)), null));
    }
    await(Future.all(accepts));

    List<List<ContactRecord>> perThread = runConcurrently(agent -> {
      List<ContactRecord> claimed = new ArrayList<>();
      for (Optional<ContactRecord> next = claim(agent); next.isPresent(); next = claim(agent)) {
        claimed.add(next.get());
      }
      return claimed;
    });

    List<String> claimedIds = new ArrayList<>();
    for (int agent = 0; agent < THREADS; agent++) {
      String name = "agent-" + agent;
      assertThat(perThread.get(agent))
          .allSatisfy(record -> assertThat(record.agent()).isEqualTo(name));
      claimedIds.addAll(ids(perThread.get(agent)));
    }
    assertThat(claimedIds).doesNotHaveDuplicates().hasSize(contacts);
    assertThat(claimedIds)
        .containsExactlyInAnyOrderElementsOf(IntStream.range(0, contacts).mapToObj(i -> "c-" + i).toList());
    assertThat(depth(DEALER_QUEUE)).isZero();
  }

  @Test
  void concurrentAcceptsWithSameIdempotencyKeyCreateExactlyOneContact() {
    int keys = 500;

    List<List<Accepted>> perThread = runConcurrently(thread -> {
      List<Accepted> answers = new ArrayList<>(keys);
      for (int key = 0; key < keys; key++) {
        ContactRecord contact = queued("t" + thread + "-k" + key, dealer(20), at(key));
        answers.add(await(store.accept(contact, "key-" + key)));
      }
      return answers;
    });

    for (int key = 0; key < keys; key++) {
      List<Accepted> answers = new ArrayList<>();
      for (List<Accepted> thread : perThread) {
        answers.add(thread.get(key));
      }
      assertThat(answers).filteredOn(Accepted::created).as("created for key-%d", key).hasSize(1);
      String winner = answers.stream().filter(Accepted::created).findFirst().orElseThrow().record().id();
      assertThat(answers).as("answers for key-%d", key)
          .allSatisfy(answer -> assertThat(answer.record().id()).isEqualTo(winner));
      for (int thread = 0; thread < THREADS; thread++) {
        String id = "t" + thread + "-k" + key;
        assertThat(await(store.find(id)).isPresent()).as(id).isEqualTo(id.equals(winner));
      }
    }
    assertThat(depth(DEALER_QUEUE)).isEqualTo(keys);
  }

  @Test
  void concurrentEscalationsOfSameDueContactSucceedOnce() {
    int contacts = 500;
    for (int i = 0; i < contacts; i++) {
      accept(queued("c-" + i, dealer(20), at(i % 10)));
    }

    List<List<String>> perThread = runConcurrently(thread -> {
      List<String> escalated = new ArrayList<>();
      for (int i = 0; i < contacts; i++) {
        Instant now = at(100 + thread);
        await(store.escalate("c-" + i, DEALER_QUEUE, country(25), now.plusSeconds(60), now))
            .ifPresent(record -> escalated.add(record.id()));
      }
      return escalated;
    });

    List<String> all = perThread.stream().flatMap(List::stream).toList();
    assertThat(all).doesNotHaveDuplicates().hasSize(contacts);
    assertThat(depth(DEALER_QUEUE)).isZero();
    assertThat(depth(COUNTRY_QUEUE)).isEqualTo(contacts);
    for (int i = 0; i < contacts; i++) {
      assertThat(types(await(store.find("c-" + i)).orElseThrow())).containsOnlyOnce(HistoryEvent.ESCALATED);
    }
  }

  // ---------------------------------------------------------------- helpers

  /** The result of a future, or the failure it carries rethrown (unchecked) so a test reports it. */
  public static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(5, SECONDS);
    } catch (ExecutionException e) {
      throw new AssertionError("the future failed: " + e.getCause(), e.getCause());
    } catch (TimeoutException e) {
      throw new AssertionError("the future did not complete within 5 s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  /** The failure of a future that must fail (a domain failure arrives as a failed future). */
  public static Throwable failureOf(Future<?> future) {
    try {
      Object result = future.toCompletionStage().toCompletableFuture().get(5, SECONDS);
      return fail("expected a failed future but it succeeded with " + result);
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (TimeoutException e) {
      throw new AssertionError("the future did not complete within 5 s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  public static Instant at(long seconds) {
    return T0.plusSeconds(seconds);
  }

  public static ContactRecord queued(String id, Route route, Instant receivedAt) {
    return queued(id, route, receivedAt, TARGET);
  }

  public static ContactRecord queued(String id, Route route, Instant receivedAt, Duration target) {
    Decision decision =
        new Decision(
            new Classification(Knowledge.SPECIFICATION, Urgency.NORMAL, Classification.GENERAL_TOPIC),
            route,
            null,
            target,
            List.of("contract-test"),
            "contract-1",
            false);
    ContactPayload request = ContactPayload.of(new JsonObject().put("channel", "chat").put("text", "where is my car?"));
    return ContactRecord.queued(id, receivedAt, request, "chat", "DE", decision);
  }

  private static ContactRecord fromCustomer(ContactRecord contact, String customerId) {
    return new ContactRecord(contact.id(), contact.receivedAt(), contact.request(), contact.channel(), contact.country(),
        contact.decision(), contact.route(), contact.deadline(), contact.status(), contact.agent(), contact.history(),
        new ContactCustomer(customerId, Relationship.INDIRECT, "DE-MUC-001"));
  }

  private static Route dealer(int priority) {
    return Route.dealer("DE-MUC-001", priority);
  }

  private static Route country(int priority) {
    return Route.country("DE", priority);
  }

  private ContactRecord accept(ContactRecord contact) {
    return accept(contact, null);
  }

  private ContactRecord accept(ContactRecord contact, String idempotencyKey) {
    Accepted accepted = await(store.accept(contact, idempotencyKey));
    assertThat(accepted.created()).as("created %s", contact.id()).isTrue();
    return accepted.record();
  }

  private Optional<ContactRecord> claim(int agent) {
    return await(store.claim(DEALER_QUEUE, "agent-" + agent, at(1_000)));
  }

  /** Ids in the order a queue hands them out, claiming until it is empty. */
  private List<String> claimAll(String queue) {
    List<String> claimed = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      Optional<ContactRecord> next = await(store.claim(queue, "agent-1", at(1_000 + i)));
      if (next.isEmpty()) {
        return claimed;
      }
      claimed.add(next.get().id());
    }
    return fail("queue %s never drained", queue);
  }

  private Optional<QueueStats> stats(String queue) {
    return await(store.queueStats()).stream().filter(stats -> stats.queue().equals(queue)).findFirst();
  }

  /** A queue's depth; 0 for a queue the store does not list. */
  private long depth(String queue) {
    return stats(queue).map(QueueStats::depth).orElse(0L);
  }

  private void assertUnchanged(ContactRecord contact) {
    assertThat(await(store.find(contact.id()))).contains(contact);
    assertThat(ids(await(store.waiting(contact.route().queue(), 100)))).contains(contact.id());
  }

  private static List<String> ids(List<ContactRecord> records) {
    return records.stream().map(ContactRecord::id).toList();
  }

  private static List<String> types(ContactRecord record) {
    return record.history().stream().map(HistoryEvent::type).toList();
  }

  private static HistoryEvent lastEvent(ContactRecord record) {
    return record.history().get(record.history().size() - 1);
  }

  /**
   * Runs {@code task} on {@link #THREADS} threads released together, each with its index, and
   * answers their results in index order; rethrows the first failure.
   */
  private static <T> List<T> runConcurrently(IntFunction<T> task) {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Callable<T>> calls = new ArrayList<>(THREADS);
      for (int i = 0; i < THREADS; i++) {
        int index = i;
        calls.add(() -> {
          start.await();
          return task.apply(index);
        });
      }
      List<java.util.concurrent.Future<T>> running = new ArrayList<>(THREADS);
      for (Callable<T> call : calls) {
        running.add(pool.submit(call));
      }
      start.countDown();
      List<T> results = new ArrayList<>(THREADS);
      for (java.util.concurrent.Future<T> result : running) {
        results.add(result.get(30, SECONDS));
      }
      return Collections.unmodifiableList(results);
    } catch (ExecutionException e) {
      throw new AssertionError("a concurrent task failed: " + e.getCause(), e.getCause());
    } catch (TimeoutException e) {
      throw new AssertionError("concurrent tasks did not finish within 30 s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    } finally {
      pool.shutdownNow();
    }
  }
}
