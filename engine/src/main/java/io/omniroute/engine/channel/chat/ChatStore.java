package io.omniroute.engine.channel.chat;

import io.omniroute.engine.stream.LiveEvents;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.Optional;

/**
 * Where the chat sessions are kept, and how the news that a conversation got an agent's answer
 * reaches every node that holds one of its sockets. A session is kept by the SHA-256 of its token
 * ({@link ChatTokens#hash}), never the token itself, for {@link #SESSION_TTL} after it opened. An
 * {@link #announce announcement} reaches the {@link LiveEvents} given to {@link #deliverTo} of every
 * node on the same store as an event of the stream {@link #stream}{@code (conversationId)}; when a
 * node may have missed announcements it is told {@link LiveEvents#gap()}. Announcements carry no
 * text: a socket reads the answers from the conversation itself.
 *
 * <p>Implementations are thread-safe and never block the calling thread; their futures fail with
 * {@link io.omniroute.engine.StoreUnavailableException} when the store cannot be reached. {@link
 * #close()} stops the announcements and releases the store's connections.
 */
public interface ChatStore extends AutoCloseable {
  /** How long a chat can be resumed after it opened. */
  Duration SESSION_TTL = Duration.ofDays(30);

  /** The type of the event an announcement becomes. */
  String ANSWERED = "chat.answered";

  /** The live stream of the conversation {@code conversationId}'s chat sockets. */
  static String stream(String conversationId) {
    return "chat:" + conversationId;
  }

  /** Keeps {@code session} under {@code tokenHash} for {@link #SESSION_TTL}. */
  Future<Void> save(String tokenHash, ChatSession session);

  /** The session kept under {@code tokenHash}, empty when none is (never was, or expired). */
  Future<Optional<ChatSession>> find(String tokenHash);

  /** Tells every node that the conversation {@code conversationId} has a new agent answer. */
  Future<Void> announce(String conversationId);

  /** From now on, hands every announcement to {@code live}. Call once, before sockets open. */
  void deliverTo(LiveEvents live);

  @Override
  void close();
}
