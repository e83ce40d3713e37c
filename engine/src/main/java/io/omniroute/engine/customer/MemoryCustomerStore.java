package io.omniroute.engine.customer;

import io.vertx.core.Future;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Customer profiles in this process's memory: lost when it stops, the default when no Redis is
 * configured. One lock guards the profiles and the identity index together, so every write is
 * atomic; reads and writes take well under a microsecond, so event loops may call it.
 *
 * <p>Thread-safe; its futures are already complete when returned.
 */
public final class MemoryCustomerStore implements CustomerStore {
  private final Map<String, CustomerProfile> profiles = new HashMap<>();
  private final Map<String, String> owners = new HashMap<>();

  @Override
  public synchronized Future<Saved> put(CustomerProfile profile) {
    for (Identity identity : profile.identities()) {
      String owner = owners.get(identity.key());
      if (owner != null && !owner.equals(profile.id())) {
        return Future.failedFuture(new IdentityConflictException(identity, owner));
      }
    }
    CustomerProfile previous = profiles.put(profile.id(), profile);
    if (previous != null) {
      previous.identities().forEach(identity -> owners.remove(identity.key()));
    }
    profile.identities().forEach(identity -> owners.put(identity.key(), profile.id()));
    return Future.succeededFuture(new Saved(profile, previous == null));
  }

  @Override
  public synchronized Future<Optional<CustomerProfile>> get(String id) {
    return Future.succeededFuture(Optional.ofNullable(profiles.get(id)));
  }

  @Override
  public synchronized Future<Optional<CustomerProfile>> findByIdentity(Identity identity) {
    String owner = owners.get(identity.key());
    return Future.succeededFuture(Optional.ofNullable(owner == null ? null : profiles.get(owner)));
  }

  @Override
  public synchronized Future<Optional<CustomerProfile>> erase(String id) {
    CustomerProfile removed = profiles.remove(id);
    if (removed != null) {
      removed.identities().forEach(identity -> owners.remove(identity.key()));
    }
    return Future.succeededFuture(Optional.ofNullable(removed));
  }

  @Override
  public synchronized Future<Long> count() {
    return Future.succeededFuture((long) profiles.size());
  }

  @Override
  public void close() {}
}
