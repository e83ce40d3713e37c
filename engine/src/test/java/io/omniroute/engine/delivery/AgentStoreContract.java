package io.omniroute.engine.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.omniroute.rules.model.Channel;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link AgentStore} does: registers and replaces agents, keeps a replaced agent's
 * presence, lists agents by id, and moves a presence's time only when the presence changes.
 * Subclasses give a fresh, empty store per test.
 */
public abstract class AgentStoreContract {
  static final Instant MONDAY = Instant.parse("2026-01-05T08:00:00Z");
  static final Instant LATER = Instant.parse("2026-01-05T08:30:00.123456789Z");
  static final Instant EVEN_LATER = Instant.parse("2026-01-05T09:15:00Z");

  protected AgentStore store;

  protected abstract AgentStore newStore();

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

  static AgentProfile sepp() {
    return new AgentProfile("sepp", "Sepp Huber", List.of("dealer:DE-MUC-001"),
        Map.of(Channel.VOICE, 1, Channel.CHAT, 3, Channel.EMAIL, 10), 10);
  }

  static AgentProfile agent(String id, String... queues) {
    return new AgentProfile(id, "Agent " + id, List.of(queues), Map.of(Channel.CHAT, 2), 0);
  }

  @Test
  void aNewAgentIsRegisteredOfflineSinceThenAndReadBackAsStored() {
    AgentStore.Saved saved = await(store.put(sepp(), MONDAY));

    assertThat(saved.created()).isTrue();
    assertThat(saved.agent()).isEqualTo(new AgentState(sepp(), Presence.OFFLINE, MONDAY));
    assertThat(await(store.get("sepp"))).contains(new AgentState(sepp(), Presence.OFFLINE, MONDAY));
    assertThat(await(store.get("sepp")).orElseThrow().profile().capacityOn(Channel.SMS)).isZero();
  }

  @Test
  void anUnknownAgentIsEmptyAndHasNoPresenceToSet() {
    assertThat(await(store.get("nobody"))).isEmpty();
    assertThat(await(store.setPresence("nobody", Presence.AVAILABLE, LATER))).isEmpty();
    assertThat(await(store.get("nobody"))).isEmpty();
    assertThat(await(store.list())).isEmpty();
  }

  @Test
  void replacingAnAgentKeepsItsPresenceAndItsTime() {
    await(store.put(sepp(), MONDAY));
    await(store.setPresence("sepp", Presence.AVAILABLE, LATER));
    AgentProfile moved = new AgentProfile("sepp", "Sepp Huber-Maier", List.of("dealer:DE-MUC-001", "country:DE"),
        Map.of(Channel.SMS, 5), 0);

    AgentStore.Saved saved = await(store.put(moved, EVEN_LATER));

    assertThat(saved.created()).isFalse();
    assertThat(saved.agent()).isEqualTo(new AgentState(moved, Presence.AVAILABLE, LATER));
    assertThat(await(store.get("sepp"))).contains(new AgentState(moved, Presence.AVAILABLE, LATER));
  }

  @Test
  void aChangedPresenceStartsNowAndTheSamePresenceKeepsItsTime() {
    await(store.put(sepp(), MONDAY));

    AgentState available = await(store.setPresence("sepp", Presence.AVAILABLE, LATER)).orElseThrow();
    AgentState again = await(store.setPresence("sepp", Presence.AVAILABLE, EVEN_LATER)).orElseThrow();
    AgentState away = await(store.setPresence("sepp", Presence.AWAY, EVEN_LATER)).orElseThrow();

    assertThat(available.presence()).isEqualTo(Presence.AVAILABLE);
    assertThat(available.presenceSince()).isEqualTo(LATER);
    assertThat(again.presenceSince()).isEqualTo(LATER);
    assertThat(away).isEqualTo(new AgentState(sepp(), Presence.AWAY, EVEN_LATER));
    assertThat(await(store.get("sepp"))).contains(away);
  }

  @Test
  void everyPresenceIsKept() {
    await(store.put(sepp(), MONDAY));

    for (Presence presence : Presence.values()) {
      await(store.setPresence("sepp", presence, LATER));
      assertThat(await(store.get("sepp")).orElseThrow().presence()).isEqualTo(presence);
    }
  }

  @Test
  void listsEveryAgentOrderedById() {
    await(store.put(agent("zoe", "central"), MONDAY));
    await(store.put(sepp(), MONDAY));
    await(store.put(agent("anna", "country:DE", "expert:ev-battery"), MONDAY));
    await(store.setPresence("zoe", Presence.BUSY, LATER));

    List<AgentState> agents = await(store.list());

    assertThat(agents).extracting(AgentState::id).containsExactly("anna", "sepp", "zoe");
    assertThat(agents.get(0).profile()).isEqualTo(agent("anna", "country:DE", "expert:ev-battery"));
    assertThat(agents.get(2).presence()).isEqualTo(Presence.BUSY);
  }

  @Test
  void keepsNamesAndIdsAsWritten() {
    AgentProfile unusual = new AgentProfile("crm:4711@muc", "Jürgen \"Jü\" Ölberg 👋", List.of("central"),
        Map.of(Channel.SOCIAL, 100), 3600);

    await(store.put(unusual, MONDAY));

    assertThat(await(store.get("crm:4711@muc")).orElseThrow().profile()).isEqualTo(unusual);
  }

  static Offer offer(String id, String contactId, String agent, Instant expiresAt) {
    return new Offer(id, contactId, contactId, "dealer:DE-MUC-001", "chat", agent, MONDAY, expiresAt);
  }

  @Test
  void anUpdateChangesWorkAndPresenceTogetherAndKeepsTheProfile() {
    await(store.put(sepp(), MONDAY));
    Offer offer = offer("o-1", "c-1", "sepp", LATER);

    AgentStore.Change change = await(store.update("sepp", agent -> agent
        .withWork(agent.work().withOffer(offer)).withPresence(Presence.AVAILABLE, MONDAY))).orElseThrow();

    assertThat(change.changed()).isTrue();
    assertThat(change.before().work()).isEqualTo(AgentWork.NONE);
    AgentState stored = await(store.get("sepp")).orElseThrow();
    assertThat(stored).isEqualTo(change.after());
    assertThat(stored.profile()).isEqualTo(sepp());
    assertThat(stored.presence()).isEqualTo(Presence.AVAILABLE);
    assertThat(stored.work().offers()).containsExactly(offer);
    assertThat(await(store.list())).containsExactly(stored);
  }

  @Test
  void anUpdateThatChangesNothingWritesNothingAndAnUnknownAgentIsEmpty() {
    await(store.put(sepp(), MONDAY));

    AgentStore.Change change = await(store.update("sepp", agent -> agent)).orElseThrow();

    assertThat(change.changed()).isFalse();
    assertThat(await(store.update("nobody", agent -> agent.withPresence(Presence.AWAY, LATER)))).isEmpty();
    assertThat(await(store.get("nobody"))).isEmpty();
  }

  @Test
  void openOffersAreFoundByIdAndByExpiryUntilTheyEnd() {
    await(store.put(sepp(), MONDAY));
    await(store.put(agent("vroni", "dealer:DE-MUC-001"), MONDAY));
    Offer early = offer("o-1", "c-1", "sepp", LATER);
    Offer late = offer("o-2", "c-2", "vroni", EVEN_LATER);
    await(store.update("vroni", agent -> agent.withWork(agent.work().withOffer(late))));
    await(store.update("sepp", agent -> agent.withWork(agent.work().withOffer(early))));

    assertThat(await(store.offer("o-1"))).contains(early);
    assertThat(await(store.offer("o-2"))).contains(late);
    assertThat(await(store.offer("o-3"))).isEmpty();
    assertThat(await(store.expiredOffers(MONDAY, 10))).isEmpty();
    assertThat(await(store.expiredOffers(LATER, 10))).containsExactly(early);
    assertThat(await(store.expiredOffers(EVEN_LATER, 10))).containsExactly(early, late);
    assertThat(await(store.expiredOffers(EVEN_LATER, 1))).containsExactly(early);

    await(store.update("sepp", agent -> agent.withWork(agent.work().withoutOffer(early, OfferOutcome.ACCEPTED, LATER))));

    assertThat(await(store.offer("o-1"))).isEmpty();
    assertThat(await(store.expiredOffers(EVEN_LATER, 10))).containsExactly(late);
    assertThat(await(store.get("sepp")).orElseThrow().work().assignments())
        .containsExactly(new AgentWork.Assignment("c-1", "chat", LATER));
  }

  @Test
  void aReplacedProfileAndAPresenceChangeKeepTheWork() {
    await(store.put(sepp(), MONDAY));
    Offer offer = offer("o-1", "c-1", "sepp", LATER);
    await(store.update("sepp", agent -> agent.withWork(agent.work().withOffer(offer))));

    AgentStore.Saved replaced = await(store.put(agent("sepp", "dealer:DE-MUC-001"), LATER));
    AgentState present = await(store.setPresence("sepp", Presence.AVAILABLE, LATER)).orElseThrow();

    assertThat(replaced.agent().work().offers()).containsExactly(offer);
    assertThat(present.work().offers()).containsExactly(offer);
  }

  @Test
  void concurrentUpdatesAreAllApplied() throws Exception {
    await(store.put(sepp(), MONDAY));
    List<Future<java.util.Optional<AgentStore.Change>>> updates = new java.util.ArrayList<>();
    for (int i = 0; i < 20; i++) {
      Offer offer = offer("o-" + i, "c-" + i, "sepp", LATER);
      updates.add(store.update("sepp", agent -> agent.withWork(agent.work().withOffer(offer))));
    }
    updates.forEach(AgentStoreContract::await);

    assertThat(await(store.get("sepp")).orElseThrow().work().offers()).hasSize(20);
    assertThat(await(store.expiredOffers(LATER, 100))).hasSize(20);
  }

  protected static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
