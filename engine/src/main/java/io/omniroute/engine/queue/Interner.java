package io.omniroute.engine.queue;

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hands out one shared instance for equal immutable values, so that the many stored contacts with
 * the same decision or route hold one copy of it instead of one each. Holds at most {@code capacity}
 * distinct values; when that is reached it forgets them all and starts over (values interned before
 * stay shared by whoever holds them), so values that stop recurring, such as the decisions of a
 * rule version no longer active, do not stay forever.
 *
 * <p>Thread-safe, lock-free.
 */
final class Interner<T> {
  private final ConcurrentHashMap<T, T> canonical = new ConcurrentHashMap<>();
  private final int capacity;

  Interner(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
    }
    this.capacity = capacity;
  }

  /** The shared instance equal to {@code value}: the first one seen since the last reset. */
  T intern(T value) {
    Objects.requireNonNull(value, "value");
    T shared = canonical.get(value);
    if (shared != null) {
      return shared;
    }
    if (canonical.size() >= capacity) {
      canonical.clear();
    }
    shared = canonical.putIfAbsent(value, value);
    return shared == null ? value : shared;
  }

  /** The number of distinct values held now. */
  int size() {
    return canonical.size();
  }
}
