package io.omniroute.engine.queue.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.omniroute.engine.queue.Accepted;
import io.omniroute.engine.queue.ContactPayload;
import io.omniroute.engine.queue.ContactRecord;
import io.omniroute.rules.Decision;
import io.omniroute.rules.model.Classification;
import io.omniroute.rules.model.Knowledge;
import io.omniroute.rules.model.Route;
import io.omniroute.rules.model.Urgency;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Finished contacts and their idempotency keys are forgotten after the retention period. */
class MemoryQueueStoreRetentionTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final String QUEUE = "dealer:DE-MUC-001";
  private final MemoryQueueStore store = new MemoryQueueStore(Duration.ofMinutes(10));

  @Test
  void keepsAFinishedContactAndItsKeyForTheRetentionPeriod() {
    accept("done", at(0), "key-done");
    await(store.claim(QUEUE, "agent-1", at(10)));
    await(store.complete("done", at(20)));

    accept("later", at(20 + 600), null);

    assertThat(await(store.find("done"))).isPresent();
    Accepted repeat = await(store.accept(contact("again", at(620)), "key-done"));
    assertThat(repeat.created()).isFalse();
    assertThat(repeat.record().id()).isEqualTo("done");
  }

  @Test
  void forgetsAFinishedContactAndItsKeyAfterTheRetentionPeriod() {
    accept("done", at(0), "key-done");
    await(store.claim(QUEUE, "agent-1", at(10)));
    await(store.complete("done", at(20)));
    accept("gone", at(30), "key-gone");
    await(store.abandon("gone", at(40)));

    accept("much-later", at(40 + 601), null);

    assertThat(await(store.find("done"))).isEmpty();
    assertThat(await(store.find("gone"))).isEmpty();
    assertThat(store.size()).isEqualTo(1);
    Accepted reuse = await(store.accept(contact("new-done", at(700)), "key-done"));
    assertThat(reuse.created()).as("the key is free again").isTrue();
  }

  @Test
  void neverForgetsWaitingOrAssignedContacts() {
    accept("waiting", at(0), "key-waiting");
    accept("assigned", at(0), null);
    await(store.claim(QUEUE, "agent-1", at(5)));

    accept("day-later", at(86_400), null);

    assertThat(await(store.find("waiting"))).isPresent();
    assertThat(await(store.find("assigned"))).isPresent();
    assertThat(await(store.accept(contact("repeat", at(86_401)), "key-waiting")).created()).isFalse();
  }

  private void accept(String id, Instant at, String key) {
    assertThat(await(store.accept(contact(id, at), key)).created()).isTrue();
  }

  private static ContactRecord contact(String id, Instant receivedAt) {
    Decision decision = new Decision(
        new Classification(Knowledge.SPECIFICATION, Urgency.NORMAL, Classification.GENERAL_TOPIC),
        Route.dealer("DE-MUC-001", 20), null, Duration.ofHours(1), List.of("retention-test"), "test-1", false);
    return ContactRecord.queued(id, receivedAt, ContactPayload.of(new JsonObject().put("channel", "chat")), "chat", "DE", decision);
  }

  private static Instant at(long seconds) {
    return T0.plusSeconds(seconds);
  }

  private static <T> T await(Future<T> future) {
    assertThat(future.isComplete()).isTrue();
    if (future.failed()) {
      throw new AssertionError(future.cause());
    }
    return future.result();
  }
}
