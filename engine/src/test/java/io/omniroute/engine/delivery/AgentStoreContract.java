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

  protected static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
