package io.omniroute.engine.channel.social;

import io.vertx.core.Future;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The posts received, by network and post id: which contact each became and which thread it
 * belongs to, so that a repeated post is answered with its first contact, a reply finds the thread
 * of the post it answers, and an edit or deletion finds the contact to note it on. An entry is
 * kept for {@link #RETENTION} after it was written; the first entry of a post stays.
 *
 * <p>Implementations are thread-safe and never block the calling thread; futures fail with {@link
 * io.omniroute.engine.StoreUnavailableException} when the store cannot be reached. {@link #close()}
 * releases what the store holds of its connection.
 */
public interface SocialPostStore extends AutoCloseable {
  /** How long a post is remembered: longer than a conversation is kept after its last activity. */
  Duration RETENTION = Duration.ofDays(30);

  /**
   * What the engine made of one post.
   *
   * @param contactId the contact the post became
   * @param rootPostId the post that started its thread (its own id for a post that answers none)
   */
  record Entry(String contactId, String rootPostId) {
    public Entry {
      Objects.requireNonNull(contactId, "contactId");
      Objects.requireNonNull(rootPostId, "rootPostId");
    }
  }

  /** Remembers {@code entry} for the post, unless the post is remembered already. */
  Future<Void> remember(String network, String postId, Entry entry);

  /** What the post became; empty when it was never received or is forgotten. */
  Future<Optional<Entry>> find(String network, String postId);

  @Override
  void close();
}
