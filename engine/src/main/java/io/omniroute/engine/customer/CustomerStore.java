package io.omniroute.engine.customer;

import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Where customer profiles and their identity index live. Every write keeps the two consistent
 * atomically: a profile's identities point to it, an identity belongs to at most one profile, and
 * a write that would take another profile's identity changes nothing and fails with {@link
 * IdentityConflictException}.
 *
 * <p>Implementations are thread-safe and never block the calling thread; futures fail with {@link
 * io.omniroute.engine.StoreUnavailableException} when the store cannot be reached. {@link #close()}
 * releases the store's connections.
 */
public interface CustomerStore extends AutoCloseable {
  /** Creates or replaces the profile with this id; identities it no longer has are released. */
  Future<Saved> put(CustomerProfile profile);

  /** The profile with this id. */
  Future<Optional<CustomerProfile>> get(String id);

  /** The profile that has this identity. */
  Future<Optional<CustomerProfile>> findByIdentity(Identity identity);

  /**
   * The profile a contact comes from: the one with {@code id} if there is one, else the one the
   * first of {@code identities} that belongs to anybody belongs to. This default asks one
   * question after the other; a remote store answers in one round trip.
   *
   * @param id the customer id the contact names, or {@code null}
   * @param identities the sender's identities, most telling first
   */
  default Future<Optional<CustomerProfile>> identify(String id, List<Identity> identities) {
    Future<Optional<CustomerProfile>> found = id == null ? Future.succeededFuture(Optional.empty()) : get(id);
    for (Identity identity : identities) {
      found = found.compose(profile -> profile.isPresent() ? Future.succeededFuture(profile) : findByIdentity(identity));
    }
    return found;
  }

  /** Removes the profile and releases its identities; answers what was removed. */
  Future<Optional<CustomerProfile>> erase(String id);

  /**
   * Calls {@code listener} with the id of every customer erased through this store on any node,
   * so that every node can forget what it keeps of them outside the store. A store without other
   * nodes (the memory store) never calls it: the node that erased forgets by itself.
   */
  default void onErasure(Consumer<String> listener) {}

  /** How many profiles are stored. */
  Future<Long> count();

  @Override
  void close();

  /** The answer to {@link #put}: the stored profile and whether it was new. */
  record Saved(CustomerProfile profile, boolean created) {}
}
