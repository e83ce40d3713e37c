package io.omniroute.engine.customer;

import io.vertx.core.Future;
import java.util.Optional;

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

  /** Removes the profile and releases its identities; answers what was removed. */
  Future<Optional<CustomerProfile>> erase(String id);

  /** How many profiles are stored. */
  Future<Long> count();

  @Override
  void close();

  /** The answer to {@link #put}: the stored profile and whether it was new. */
  record Saved(CustomerProfile profile, boolean created) {}
}
