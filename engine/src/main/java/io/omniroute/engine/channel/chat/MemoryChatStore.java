package io.omniroute.engine.channel.chat;

import io.omniroute.engine.stream.LiveEvents;
import io.omniroute.engine.stream.StreamEvent;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Chat sessions in this process's memory, lost when it stops (the default without Redis), and
 * announcements handed straight to this node's listeners. An expired session is dropped when it is
 * next looked up. Thread-safe; futures are complete when returned.
 */
public final class MemoryChatStore implements ChatStore {
  private final Map<String, Kept> sessions = new ConcurrentHashMap<>();
  private final Clock clock;
  private volatile LiveEvents live = LiveEvents.NONE;

  public MemoryChatStore() {
    this(Clock.systemUTC());
  }

  /** A store whose sessions expire by {@code clock} (tests). */
  public MemoryChatStore(Clock clock) {
    this.clock = clock;
  }

  private record Kept(ChatSession session, Instant expiresAt) {}

  @Override
  public Future<Void> save(String tokenHash, ChatSession session) {
    sessions.put(tokenHash, new Kept(session, clock.instant().plus(SESSION_TTL)));
    return Future.succeededFuture();
  }

  @Override
  public Future<Optional<ChatSession>> find(String tokenHash) {
    Kept kept = sessions.get(tokenHash);
    if (kept != null && !clock.instant().isBefore(kept.expiresAt())) {
      sessions.remove(tokenHash, kept);
      kept = null;
    }
    return Future.succeededFuture(Optional.ofNullable(kept).map(Kept::session));
  }

  @Override
  public Future<Void> announce(String conversationId) {
    live.event(ChatStore.stream(conversationId), new StreamEvent(null, ANSWERED, "{}"));
    return Future.succeededFuture();
  }

  @Override
  public void deliverTo(LiveEvents live) {
    this.live = live;
  }

  @Override
  public void close() {
    live = LiveEvents.NONE;
  }
}
