package io.omniroute.engine.customer;

import io.vertx.core.Future;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.ToLongFunction;
import org.agrona.collections.Long2ObjectHashMap;

/**
 * Customer profiles in this process's memory: lost when it stops, the default when no Redis is
 * configured. Each profile is one byte array ({@link PackedProfile}); two open-addressing maps
 * keyed by a 64-bit hash, one of the id and one of each identity, point to it. A hash that two
 * keys share (rare) holds both arrays, and every look-up checks the array it finds against the key
 * it was asked for. A profile with two identities costs about 200 bytes of heap (BENCHMARKS.md).
 *
 * <p>One lock guards the profiles and the identity index together, so every write is atomic;
 * reads and writes take about a microsecond, so event loops may call it. Thread-safe; its futures
 * are already complete when returned.
 */
public final class MemoryCustomerStore implements CustomerStore {
  private final Long2ObjectHashMap<Object> byId = new Long2ObjectHashMap<>();
  private final Long2ObjectHashMap<Object> byIdentity = new Long2ObjectHashMap<>();
  private final ToLongFunction<String> hash;
  private long profiles;

  public MemoryCustomerStore() {
    this(MemoryCustomerStore::fnv1a64);
  }

  /** A store whose maps key by {@code hash}: tests give a poor one to make every key collide. */
  MemoryCustomerStore(ToLongFunction<String> hash) {
    this.hash = hash;
  }

  @Override
  public synchronized Future<Saved> put(CustomerProfile profile) {
    List<Identity> identities = profile.identities();
    for (Identity identity : identities) {
      CustomerProfile owner = ownerOf(identity);
      if (owner != null && !owner.id().equals(profile.id())) {
        return Future.failedFuture(new IdentityConflictException(identity, owner.id()));
      }
    }
    byte[] previous = profileWithId(profile.id());
    if (previous != null) {
      remove(byId, hash.applyAsLong(profile.id()), previous);
      for (Identity identity : PackedProfile.unpack(previous).identities()) {
        remove(byIdentity, hash.applyAsLong(identity.key()), previous);
      }
    } else {
      profiles++;
    }
    byte[] packed = PackedProfile.pack(profile);
    add(byId, hash.applyAsLong(profile.id()), packed);
    identities.forEach(identity -> add(byIdentity, hash.applyAsLong(identity.key()), packed));
    return Future.succeededFuture(new Saved(profile, previous == null));
  }

  @Override
  public synchronized Future<Optional<CustomerProfile>> get(String id) {
    byte[] packed = profileWithId(id);
    return Future.succeededFuture(Optional.ofNullable(packed == null ? null : PackedProfile.unpack(packed)));
  }

  @Override
  public synchronized Future<Optional<CustomerProfile>> findByIdentity(Identity identity) {
    return Future.succeededFuture(Optional.ofNullable(ownerOf(identity)));
  }

  @Override
  public synchronized Future<Optional<CustomerProfile>> identify(String id, List<Identity> identities) {
    byte[] named = id == null ? null : profileWithId(id);
    CustomerProfile found = named == null ? null : PackedProfile.unpack(named);
    for (int i = 0; found == null && i < identities.size(); i++) {
      found = ownerOf(identities.get(i));
    }
    return Future.succeededFuture(Optional.ofNullable(found));
  }

  @Override
  public synchronized Future<Optional<CustomerProfile>> erase(String id) {
    byte[] packed = profileWithId(id);
    if (packed == null) {
      return Future.succeededFuture(Optional.empty());
    }
    CustomerProfile removed = PackedProfile.unpack(packed);
    remove(byId, hash.applyAsLong(id), packed);
    removed.identities().forEach(identity -> remove(byIdentity, hash.applyAsLong(identity.key()), packed));
    profiles--;
    return Future.succeededFuture(Optional.of(removed));
  }

  @Override
  public synchronized Future<Long> count() {
    return Future.succeededFuture(profiles);
  }

  @Override
  public void close() {}

  private byte[] profileWithId(String id) {
    for (byte[] candidate : candidates(byId.get(hash.applyAsLong(id)))) {
      if (PackedProfile.hasId(candidate, id)) {
        return candidate;
      }
    }
    return null;
  }

  private CustomerProfile ownerOf(Identity identity) {
    for (byte[] candidate : candidates(byIdentity.get(hash.applyAsLong(identity.key())))) {
      CustomerProfile profile = PackedProfile.unpack(candidate);
      if (profile.identities().contains(identity)) {
        return profile;
      }
    }
    return null;
  }

  private static List<byte[]> candidates(Object value) {
    if (value == null) {
      return List.of();
    }
    if (value instanceof byte[] one) {
      return List.of(one);
    }
    return List.of((byte[][]) value);
  }

  private static void add(Long2ObjectHashMap<Object> map, long key, byte[] packed) {
    Object value = map.get(key);
    if (value == null) {
      map.put(key, packed);
    } else {
      List<byte[]> all = new ArrayList<>(candidates(value));
      all.add(packed);
      map.put(key, all.toArray(byte[][]::new));
    }
  }

  private static void remove(Long2ObjectHashMap<Object> map, long key, byte[] packed) {
    Object value = map.get(key);
    if (value == packed) {
      map.remove(key);
    } else if (value instanceof byte[][] several) {
      List<byte[]> rest = new ArrayList<>(several.length);
      for (byte[] candidate : several) {
        if (candidate != packed) {
          rest.add(candidate);
        }
      }
      if (rest.isEmpty()) {
        map.remove(key);
      } else {
        map.put(key, rest.size() == 1 ? rest.get(0) : rest.toArray(byte[][]::new));
      }
    }
  }

  /** A 64-bit hash of the text (FNV-1a over its UTF-8 bytes, then mixed): collisions are possible and handled. */
  static long fnv1a64(String text) {
    long hash = 0xcbf29ce484222325L;
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      hash ^= b & 0xFF;
      hash *= 0x100000001b3L;
    }
    hash ^= hash >>> 33;
    hash *= 0xff51afd7ed558ccdL;
    hash ^= hash >>> 33;
    return hash;
  }
}
