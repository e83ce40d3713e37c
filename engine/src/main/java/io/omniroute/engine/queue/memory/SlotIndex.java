package io.omniroute.engine.queue.memory;

import java.util.Arrays;

/**
 * Finds the slot of a string key, such as a contact id or an idempotency key, in a {@link
 * SlotArray}. The tables hold only numbers (each key's hash and its slot), never references: the
 * garbage collector neither copies nor scans anything of the index, and putting a key dirties no
 * card. The key itself is compared with the slot's through a {@link KeyCheck} to confirm a match.
 *
 * <p>Open addressing with linear probing, split into {@value #SHARDS} shards by the top bits of
 * the mixed hash, each growing on its own, so no growth step copies more than a small share of
 * the keys (a single table of a million keys stalled the store, BENCHMARKS.md). Removal shifts the
 * following entries back, so no tombstones pile up.
 *
 * <p>Not thread-safe: {@link MemoryQueueStore} calls it under its lock. Keys must not be {@code
 * null}; slots are non-negative.
 */
final class SlotIndex {
  static final int SHARDS = 256;
  static final long ABSENT = -1;
  private static final int SHARD_BITS = Integer.numberOfTrailingZeros(SHARDS);
  private static final int INITIAL_CAPACITY = 16;
  private static final long EMPTY = 0;

  /** Confirms a match: whether the contact at {@code slot} has the key {@code key}. */
  @FunctionalInterface
  interface KeyCheck {
    boolean isKeyAt(long slot, String key);
  }

  private final KeyCheck keyCheck;
  private final Shard[] shards = new Shard[SHARDS];
  private int size;

  /** An index that confirms a match with {@code keyCheck}. */
  SlotIndex(KeyCheck keyCheck) {
    this.keyCheck = keyCheck;
    for (int i = 0; i < SHARDS; i++) {
      shards[i] = new Shard();
    }
  }

  /** The slot of {@code key}, or {@link #ABSENT}. */
  long get(String key) {
    int hash = mix(key.hashCode());
    Shard shard = shardOf(hash);
    int at = shard.find(hash, key, keyCheck);
    return at < 0 ? ABSENT : shard.slots[at] - 1;
  }

  /** Maps {@code key} to {@code slot}, replacing any slot it had. */
  void put(String key, long slot) {
    int hash = mix(key.hashCode());
    Shard shard = shardOf(hash);
    int at = shard.find(hash, key, keyCheck);
    if (at >= 0) {
      shard.slots[at] = slot + 1;
      return;
    }
    shard.insert(hash, slot + 1);
    size++;
  }

  /** Removes {@code key}; does nothing when it is absent. */
  void remove(String key) {
    int hash = mix(key.hashCode());
    Shard shard = shardOf(hash);
    int at = shard.find(hash, key, keyCheck);
    if (at >= 0) {
      shard.delete(at);
      size--;
    }
  }

  int size() {
    return size;
  }

  /** The number of keys of the fullest shard: the most one growth step can copy. */
  int largestShard() {
    return Arrays.stream(shards).mapToInt(shard -> shard.size).max().orElse(0);
  }

  private Shard shardOf(int hash) {
    return shards[hash >>> (Integer.SIZE - SHARD_BITS)];
  }

  private static int mix(int hashCode) {
    return (hashCode ^ (hashCode >>> 16)) * 0x9E3779B9;
  }

  /** One table: each key's mixed hash and its slot plus one, {@link #EMPTY} where there is none. */
  private static final class Shard {
    int[] hashes = new int[INITIAL_CAPACITY];
    long[] slots = new long[INITIAL_CAPACITY];
    int size;

    int find(int hash, String key, KeyCheck keyCheck) {
      int mask = slots.length - 1;
      for (int i = hash & mask; slots[i] != EMPTY; i = (i + 1) & mask) {
        if (hashes[i] == hash && keyCheck.isKeyAt(slots[i] - 1, key)) {
          return i;
        }
      }
      return -1;
    }

    void insert(int hash, long slotPlusOne) {
      if ((size + 1) * 2 > slots.length) {
        grow();
      }
      place(hash, slotPlusOne);
      size++;
    }

    /** Empties position {@code at} and moves back the entries of its probe run that may fill it. */
    void delete(int at) {
      int mask = slots.length - 1;
      int hole = at;
      for (int i = (at + 1) & mask; slots[i] != EMPTY; i = (i + 1) & mask) {
        int home = hashes[i] & mask;
        if (((i - home) & mask) >= ((i - hole) & mask)) {
          hashes[hole] = hashes[i];
          slots[hole] = slots[i];
          hole = i;
        }
      }
      slots[hole] = EMPTY;
      hashes[hole] = 0;
      size--;
    }

    private void place(int hash, long slotPlusOne) {
      int mask = slots.length - 1;
      int i = hash & mask;
      while (slots[i] != EMPTY) {
        i = (i + 1) & mask;
      }
      hashes[i] = hash;
      slots[i] = slotPlusOne;
    }

    private void grow() {
      int[] oldHashes = hashes;
      long[] oldSlots = slots;
      hashes = new int[oldSlots.length * 2];
      slots = new long[oldSlots.length * 2];
      for (int i = 0; i < oldSlots.length; i++) {
        if (oldSlots[i] != EMPTY) {
          place(oldHashes[i], oldSlots[i]);
        }
      }
    }
  }
}
