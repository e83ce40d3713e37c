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
final class TimeOrderedLane implements Iterable<TimeOrderedLane.Entry> {
  private static final Comparator<Entry> ORDER =
      Comparator.comparingLong((Entry e) -> e.time).thenComparingLong(e -> e.sequence);

  /** A contact's place in a lane. */
  static final class Entry {
    final long time;
    final long sequence;
    final String id;
    private boolean removed;

    Entry(long time, long sequence, String id) {
      this.time = time;
      this.sequence = sequence;
      this.id = id;
    }
  }

  private final ArrayDeque<Entry> inOrder = new ArrayDeque<>();
  private TreeSet<Entry> late;
  private int size;
  private int removedInDeque;

  void add(Entry entry) {
    Entry tail = inOrder.peekLast();
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

  void remove(Entry entry) {
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
  Entry peek() {
    Entry head = dequeHead();
    if (late == null || late.isEmpty()) {
      return head;
    }
    Entry lateFirst = late.first();
    return head == null || ORDER.compare(lateFirst, head) < 0 ? lateFirst : head;
  }

  /** Removes and returns the first live entry, or {@code null}. */
  Entry poll() {
    Entry first = peek();
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
  public Iterator<Entry> iterator() {
    Iterator<Entry> deque = inOrder.iterator();
    Iterator<Entry> sorted = late == null ? java.util.Collections.emptyIterator() : late.iterator();
    return new Iterator<>() {
      private Entry nextDeque = advance(deque);
      private Entry nextSorted = sorted.hasNext() ? sorted.next() : null;

      @Override
      public boolean hasNext() {
        return nextDeque != null || nextSorted != null;
      }

      @Override
      public Entry next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        Entry result;
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

  private static Entry advance(Iterator<Entry> it) {
    while (it.hasNext()) {
      Entry e = it.next();
      if (!e.removed) {
        return e;
      }
    }
    return null;
  }

  private Entry dequeHead() {
    Entry head = inOrder.peekFirst();
    while (head != null && head.removed) {
      inOrder.pollFirst();
      removedInDeque--;
      head = inOrder.peekFirst();
    }
    return head;
  }
}
