package io.omniroute.engine.channel.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.omniroute.engine.stream.LiveEvents;
import io.omniroute.engine.stream.StreamEvent;
import io.omniroute.engine.support.Eventually;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ChatStore} does: keeps a session under its token's hash, finds nothing under
 * any other, and hands every announcement to the live events as an event of the conversation's
 * chat stream. Subclasses give a fresh, empty store per test.
 */
public abstract class ChatStoreContract {
  static final Instant NOW = Instant.parse("2026-01-05T09:00:00Z");
  static final ChatSession SESSION = new ChatSession("c-4711", "DE-MUC-001", "chat-6f1c2a9e-4b7d-4e0a", NOW);

  protected ChatStore store;
  protected final Heard heard = new Heard();

  protected abstract ChatStore newStore();

  @BeforeEach
  void open() {
    store = newStore();
    store.deliverTo(heard);
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

  @Test
  void findsASessionByItsTokenHash() {
    String hash = ChatTokens.hash(ChatTokens.newToken());
    await(store.save(hash, SESSION));

    assertThat(await(store.find(hash))).contains(SESSION);
  }

  @Test
  void findsNothingUnderAnotherToken() {
    await(store.save(ChatTokens.hash(ChatTokens.newToken()), SESSION));

    assertThat(await(store.find(ChatTokens.hash(ChatTokens.newToken())))).isEmpty();
  }

  @Test
  void aSessionSavedAgainIsReplaced() {
    String hash = ChatTokens.hash(ChatTokens.newToken());
    await(store.save(hash, SESSION));
    ChatSession moved = new ChatSession("c-4712", "DE-MUC-001", SESSION.threadKey(), NOW);
    await(store.save(hash, moved));

    assertThat(await(store.find(hash))).contains(moved);
  }

  @Test
  void anAnnouncementReachesTheLiveEventsAsAnEventOfTheConversationsChatStream() {
    await(store.announce("c-4711"));

    List<String> streams = Eventually.until(() -> List.copyOf(heard.streams), list -> !list.isEmpty());
    assertThat(streams).containsExactly(ChatStore.stream("c-4711"));
  }

  /** The live events a store handed over. */
  protected static final class Heard implements LiveEvents {
    final List<String> streams = new CopyOnWriteArrayList<>();
    final List<StreamEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public void event(String stream, StreamEvent event) {
      streams.add(stream);
      events.add(event);
    }

    @Override
    public void gap() {}
  }

  static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static Optional<ChatSession> found(ChatStore store, String hash) {
    return await(store.find(hash));
  }
}
