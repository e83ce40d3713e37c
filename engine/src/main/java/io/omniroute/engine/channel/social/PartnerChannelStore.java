package io.omniroute.engine.channel.social;

import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;

/**
 * Where partner channels are kept, by id and indexed by page, so the channel of a post is found
 * with one look-up however many channels there are. A page belongs to one channel at most.
 *
 * <p>Implementations are thread-safe and never block the calling thread; futures fail with {@link
 * io.omniroute.engine.StoreUnavailableException} when the store cannot be reached. {@link #close()}
 * releases what the store holds of its connection.
 */
public interface PartnerChannelStore extends AutoCloseable {
  /**
   * Registers or replaces the channel with this id, atomically with its page's index entry;
   * answers whether it was new. Fails with {@link PartnerPageTakenException} (and changes nothing)
   * when another channel has the page.
   */
  Future<Boolean> put(PartnerChannel channel);

  /** The channel with this id. */
  Future<Optional<PartnerChannel>> get(String id);

  /** Every channel, ordered by id. */
  Future<List<PartnerChannel>> list();

  /** Removes the channel and its page's index entry; answers whether there was one. */
  Future<Boolean> delete(String id);

  /** The channels of these pages of {@code network}, in the order of {@code pages}; pages without one are left out. */
  Future<List<PartnerChannel>> onPages(String network, List<String> pages);

  @Override
  void close();
}
