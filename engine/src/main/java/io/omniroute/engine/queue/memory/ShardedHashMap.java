package io.omniroute.engine.queue.memory;

import java.util.HashMap;

/**
 * A hash map split into {@value #SHARDS} independent {@link HashMap}s, chosen by the high bits of
 * the key's mixed hash. A single {@code HashMap} doubles its table in one step that copies every
 * entry: at a million contacts that step took about 100 ms, and the store's maps grow together,
 * so an event loop stalled for over 300 ms (BENCHMARKS.md, open model). Split, each growth step
 * copies about 1/{@value #SHARDS} of the entries, and the steps come at different times.
 *
 * <p>Not thread-safe, like {@code HashMap}; {@link MemoryQueueStore} guards it with its lock.
 * Keys and values must not be {@code null}.
 */
final class ShardedHashMap<K, V> {
  static final int SHARDS = 256;
  private static final int SHARD_BITS = Integer.numberOfTrailingZeros(SHARDS);

  private final HashMap<K, V>[] shards;
  private int size;

  @SuppressWarnings("unchecked")
  ShardedHashMap() {
    shards = new HashMap[SHARDS];
    for (int i = 0; i < SHARDS; i++) {
      shards[i] = new HashMap<>();
    }
  }

  V get(K key) {
    return shard(key).get(key);
  }

  /** Maps {@code key} to {@code value}; answers the value it replaced, or {@code null}. */
  V put(K key, V value) {
    V previous = shard(key).put(key, value);
    if (previous == null) {
      size++;
    }
    return previous;
  }

  /** Answers the value removed, or {@code null} when there was none. */
  V remove(K key) {
    V removed = shard(key).remove(key);
    if (removed != null) {
      size--;
    }
    return removed;
  }

  int size() {
    return size;
  }

  /** The number of entries of the fullest shard: the most one growth step can copy. */
  int largestShard() {
    int largest = 0;
    for (HashMap<K, V> shard : shards) {
      largest = Math.max(largest, shard.size());
    }
    return largest;
  }

  /**
   * The shard of a key, from the top bits of its hash after a multiplicative mix: the low bits
   * pick the bucket inside the shard's own table, so they must stay spread across every shard.
   */
  private HashMap<K, V> shard(K key) {
    int h = key.hashCode();
    h ^= h >>> 16;
    return shards[(h * 0x9E3779B9) >>> (Integer.SIZE - SHARD_BITS)];
  }
}
