package io.omniroute.engine.queue.memory;

import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.TreeSet;

/**
 * Entries in ascending {@code (time, sequence)} order, built for the common case of appends in
 * that order: an in-order append goes to the tail of a deque (O(1)), the rare out-of-order one
 * (an escalated contact keeps its old arrival time) to a small sorted set. Removal is O(1): the
 * entry is marked and skipped, and the deque is compacted when marked entries outnumber live ones.
 * So the cost of an operation does not grow with the number of waiting contacts.
 *
 * <p>Not thread-safe: {@link MemoryQueueStore} calls it under its lock. An entry belongs to at most
 * one lane.
 */
final class TimeOrderedLane<T> implements Iterable<TimeOrderedLane.Entry<T>> {
  private static final Comparator<Entry<?>> ORDER =
      Comparator.comparingLong((Entry<?> e) -> e.time).thenComparingLong(e -> e.sequence);

  /** A value's place in a lane: the value itself, so a poll needs no look-up by id. */
  static final class Entry<T> {
    final long time;
    final long sequence;
    final T value;
    private boolean removed;

    Entry(long time, long sequence, T value) {
      this.time = time;
      this.sequence = sequence;
      this.value = value;
    }
  }

  private final ArrayDeque<Entry<T>> inOrder = new ArrayDeque<>();
  private TreeSet<Entry<T>> late;
  private int size;
  private int removedInDeque;

  void add(Entry<T> entry) {
    Entry<T> tail = inOrder.peekLast();
    if (tail == null || ORDER.compare(tail, entry) <= 0) {
      inOrder.addLast(entry);
    } else {
      if (late == null) {
        late = new TreeSet<>(ORDER);
      }
      late.add(entry);
    }
    size++;
  }

  void remove(Entry<T> entry) {
    if (entry.removed) {
      return;
    }
    entry.removed = true;
    size--;
    if (late != null && late.remove(entry)) {
      return;
    }
    removedInDeque++;
    if (removedInDeque > 64 && removedInDeque > size) {
      inOrder.removeIf(e -> e.removed);
      removedInDeque = 0;
    }
  }

  /** The first live entry, or {@code null}. */
  Entry<T> peek() {
    Entry<T> head = dequeHead();
    if (late == null || late.isEmpty()) {
      return head;
    }
    Entry<T> lateFirst = late.first();
    return head == null || ORDER.compare(lateFirst, head) < 0 ? lateFirst : head;
  }

  /** Removes and returns the first live entry, or {@code null}. */
  Entry<T> poll() {
    Entry<T> first = peek();
    if (first != null) {
      remove(first);
    }
    return first;
  }

  int size() {
    return size;
  }

  boolean isEmpty() {
    return size == 0;
  }

  /** Live entries in order. The lane must not change while the iterator is in use. */
  @Override
  public Iterator<Entry<T>> iterator() {
    Iterator<Entry<T>> deque = inOrder.iterator();
    Iterator<Entry<T>> sorted = late == null ? java.util.Collections.emptyIterator() : late.iterator();
    return new Iterator<>() {
      private Entry<T> nextDeque = advance(deque);
      private Entry<T> nextSorted = sorted.hasNext() ? sorted.next() : null;

      @Override
      public boolean hasNext() {
        return nextDeque != null || nextSorted != null;
      }

      @Override
      public Entry<T> next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        Entry<T> result;
        if (nextSorted == null || (nextDeque != null && ORDER.compare(nextDeque, nextSorted) <= 0)) {
          result = nextDeque;
          nextDeque = advance(deque);
        } else {
          result = nextSorted;
          nextSorted = sorted.hasNext() ? sorted.next() : null;
        }
        return result;
      }
    };
  }

  private static <T> Entry<T> advance(Iterator<Entry<T>> it) {
    while (it.hasNext()) {
      Entry<T> e = it.next();
      if (!e.removed) {
        return e;
      }
    }
    return null;
  }

  private Entry<T> dequeHead() {
    Entry<T> head = inOrder.peekFirst();
    while (head != null && head.removed) {
      inOrder.pollFirst();
      removedInDeque--;
      head = inOrder.peekFirst();
    }
    return head;
  }
}
