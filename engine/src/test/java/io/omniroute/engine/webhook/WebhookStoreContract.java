package io.omniroute.engine.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link WebhookStore} does: keeps webhooks, hands out due deliveries once per lease,
 * gives a delivery whose lease ran out to the next claim and ignores the late answer of the
 * earlier one, keeps dead letters newest first and replays them. Subclasses give a fresh, empty
 * store per test.
 */
public abstract class WebhookStoreContract {
  static final Instant NOW = Instant.parse("2026-01-05T09:00:00Z");
  static final Duration LEASE = Duration.ofSeconds(60);

  protected WebhookStore store;

  protected abstract WebhookStore newStore();

  @BeforeEach
  void open() {
    store = newStore();
  }

  @AfterEach
  void close() {
    try {
      store.close();
    } finally {
      afterClose();
    }
  }

  /** Runs after the store is closed: releases what the subclass opened for it. */
  protected void afterClose() {}

  static Webhook webhook(String id) {
    return new Webhook(id, "https://crm.example.com/" + id, "0123456789abcdef", List.of(), List.of("dealer:DE-MUC-001"),
        List.of("dealer:DE-MUC-001"), "demo-dealer-de-muc-001", NOW, NOW);
  }

  static Delivery delivery(String webhookId, String eventId) {
    return new Delivery(webhookId, eventId, "io.omniroute.contact.queued", "c-" + eventId,
        "{\"specversion\":\"1.0\",\"id\":\"" + eventId + "\"}", NOW, 0, null, null, null);
  }

  static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private List<String> claimedEvents(Instant at, int max, String token) {
    List<String> events = new ArrayList<>();
    await(store.claim(at, at.plus(LEASE), max, token)).claimed().forEach(claim -> events.add(claim.delivery().eventId()));
    return events;
  }

  @Test
  void keepsWebhooksByIdAndReplacesThem() {
    assertThat(await(store.put(webhook("crm")))).isTrue();
    Webhook moved = new Webhook("crm", "https://crm2.example.com/in", "fedcba9876543210", List.of("io.omniroute.contact.queued"),
        List.of(), List.of("dealer:DE-MUC-001"), "demo-dealer-de-muc-001", NOW, NOW.plusSeconds(5));

    assertThat(await(store.put(moved))).isFalse();
    await(store.put(webhook("another")));

    assertThat(await(store.get("crm"))).contains(moved);
    assertThat(await(store.list())).extracting(Webhook::id).containsExactly("another", "crm");
    assertThat(await(store.get("nobody"))).isEmpty();
    assertThat(await(store.delete("crm"))).isTrue();
    assertThat(await(store.delete("crm"))).isFalse();
    assertThat(await(store.list())).extracting(Webhook::id).containsExactly("another");
  }

  @Test
  void handsOutDueDeliveriesEarliestFirstWithTheirWebhookAndCountsThePending() {
    await(store.put(webhook("crm")));
    await(store.enqueue(List.of(delivery("crm", "e-2")), NOW.plusSeconds(2)));
    await(store.enqueue(List.of(delivery("crm", "e-1")), NOW.plusSeconds(1)));
    await(store.enqueue(List.of(delivery("crm", "e-3")), NOW.plusSeconds(30)));

    WebhookStore.Claims claims = await(store.claim(NOW.plusSeconds(5), NOW.plusSeconds(65), 10, "node-a"));

    assertThat(claims.claimed()).extracting(claim -> claim.delivery().eventId()).containsExactly("e-1", "e-2");
    assertThat(claims.claimed()).allSatisfy(claim -> assertThat(claim.webhook()).isEqualTo(webhook("crm")));
    assertThat(claims.pending()).isEqualTo(3);
    assertThat(claimedEvents(NOW.plusSeconds(5), 10, "node-b")).as("leased to node-a").isEmpty();
  }

  @Test
  void claimsAtMostTheAskedNumber() {
    await(store.put(webhook("crm")));
    await(store.enqueue(List.of(delivery("crm", "e-1"), delivery("crm", "e-2"), delivery("crm", "e-3")), NOW));

    assertThat(claimedEvents(NOW, 2, "node-a")).hasSize(2);
    assertThat(claimedEvents(NOW, 2, "node-b")).hasSize(1);
  }

  @Test
  void aDeliveryWhoseLeaseRanOutIsDueAgainAndTheEarlierClaimCanNoLongerFinishIt() {
    await(store.put(webhook("crm")));
    Delivery delivery = delivery("crm", "e-1");
    await(store.enqueue(List.of(delivery), NOW));
    assertThat(claimedEvents(NOW, 10, "dead-node")).containsExactly("e-1");

    assertThat(claimedEvents(NOW.plus(LEASE).minusMillis(1), 10, "node-b")).isEmpty();
    assertThat(claimedEvents(NOW.plus(LEASE), 10, "node-b")).containsExactly("e-1");

    assertThat(await(store.complete(delivery, "dead-node"))).isFalse();
    assertThat(await(store.retry(delivery.failed(NOW, "late"), "dead-node", NOW))).isFalse();
    assertThat(await(store.deadLetter(delivery.dead(NOW), "dead-node"))).isFalse();
    assertThat(await(store.complete(delivery, "node-b"))).isTrue();
    assertThat(await(store.claim(NOW.plus(Duration.ofDays(2)), NOW.plus(Duration.ofDays(3)), 10, "node-c")).pending())
        .isZero();
  }

  @Test
  void aRetriedDeliveryComesBackWhenDueWithItsAttemptsCounted() {
    await(store.put(webhook("crm")));
    Delivery delivery = delivery("crm", "e-1");
    await(store.enqueue(List.of(delivery), NOW));
    claimedEvents(NOW, 10, "node-a");

    assertThat(await(store.retry(delivery.failed(NOW, "the receiver answered 503"), "node-a", NOW.plusSeconds(2))))
        .isTrue();

    assertThat(claimedEvents(NOW.plusSeconds(1), 10, "node-a")).isEmpty();
    WebhookStore.Claims again = await(store.claim(NOW.plusSeconds(2), NOW.plusSeconds(62), 10, "node-b"));
    assertThat(again.claimed()).singleElement().satisfies(claim -> {
      assertThat(claim.delivery().attempts()).isEqualTo(1);
      assertThat(claim.delivery().lastError()).isEqualTo("the receiver answered 503");
      assertThat(claim.delivery().event()).isEqualTo(delivery.event());
    });
  }

  @Test
  void enqueuingTheSameDeliveryTwiceKeepsOne() {
    await(store.put(webhook("crm")));
    await(store.enqueue(List.of(delivery("crm", "e-1")), NOW));
    await(store.enqueue(List.of(delivery("crm", "e-1")), NOW));

    assertThat(claimedEvents(NOW, 10, "node-a")).containsExactly("e-1");
  }

  @Test
  void dropsTheDueDeliveriesOfADeletedWebhook() {
    await(store.put(webhook("crm")));
    await(store.put(webhook("other")));
    await(store.enqueue(List.of(delivery("crm", "e-1"), delivery("other", "e-1")), NOW));
    await(store.delete("crm"));

    WebhookStore.Claims claims = await(store.claim(NOW, NOW.plus(LEASE), 10, "node-a"));

    assertThat(claims.claimed()).extracting(claim -> claim.delivery().webhookId()).containsExactly("other");
    assertThat(claims.pending()).isEqualTo(1);
  }

  @Test
  void keepsDeadLettersNewestFirstAndReplaysThemWithTheirEventIds() {
    await(store.put(webhook("crm")));
    List<Delivery> deliveries = List.of(delivery("crm", "e-1"), delivery("crm", "e-2"), delivery("crm", "e-3"));
    await(store.enqueue(deliveries, NOW));
    claimedEvents(NOW, 10, "node-a");
    for (int i = 0; i < deliveries.size(); i++) {
      Delivery failed = deliveries.get(i).failed(NOW.plusSeconds(i), "the receiver answered 503");
      assertThat(await(store.deadLetter(failed.dead(NOW.plusSeconds(i)), "node-a"))).isTrue();
    }

    WebhookStore.DeadLetters dead = await(store.deadLetters("crm", 2));

    assertThat(dead.total()).isEqualTo(3);
    assertThat(dead.newest()).extracting(Delivery::eventId).containsExactly("e-3", "e-2");
    assertThat(dead.newest().get(0).deadAt()).isEqualTo(NOW.plusSeconds(2));
    assertThat(claimedEvents(NOW.plus(Duration.ofDays(1)), 10, "node-a")).isEmpty();

    Instant replayAt = NOW.plus(Duration.ofDays(2));
    int replayed = await(store.replay("crm", List.of(dead.newest().get(1).replayed(replayAt),
        delivery("crm", "never-dead").replayed(replayAt)), replayAt));

    assertThat(replayed).isEqualTo(1);
    assertThat(await(store.deadLetters("crm", 10)).newest()).extracting(Delivery::eventId).containsExactly("e-3", "e-1");
    WebhookStore.Claims again = await(store.claim(replayAt, replayAt.plus(LEASE), 10, "node-b"));
    assertThat(again.claimed()).singleElement().satisfies(claim -> {
      assertThat(claim.delivery().eventId()).isEqualTo("e-2");
      assertThat(claim.delivery().createdAt()).isEqualTo(replayAt);
      assertThat(claim.delivery().attempts()).isZero();
      assertThat(claim.delivery().deadAt()).isNull();
    });
    assertThat(await(store.replay("crm", List.of(dead.newest().get(1).replayed(replayAt)), replayAt)))
        .as("a dead letter is replayed once").isZero();
  }

  @Test
  void deletingAWebhookDeletesItsDeadLetters() {
    await(store.put(webhook("crm")));
    Delivery delivery = delivery("crm", "e-1");
    await(store.enqueue(List.of(delivery), NOW));
    claimedEvents(NOW, 10, "node-a");
    await(store.deadLetter(delivery.dead(NOW), "node-a"));

    await(store.delete("crm"));
    await(store.put(webhook("crm")));

    assertThat(await(store.deadLetters("crm", 10)).total()).isZero();
  }
}
