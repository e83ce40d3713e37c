package io.omniroute.engine.rules;

import io.omniroute.rules.model.Contact;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The last contacts this node accepted, for simulating a draft against real traffic. A fixed ring:
 * the oldest entry is overwritten. Lock-free and thread-safe; event loops add on every intake.
 */
public final class RecentContacts {
  /** How many contacts a node remembers unless configured otherwise. */
  public static final int DEFAULT_CAPACITY = 1_000;

  /** One remembered contact: its id and the contact as resolved against the directory. */
  public record Seen(String id, Contact contact) {}

  private final AtomicReferenceArray<Seen> ring;
  private final AtomicLong added = new AtomicLong();

  public RecentContacts(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, is " + capacity);
    }
    this.ring = new AtomicReferenceArray<>(capacity);
  }

  public int capacity() {
    return ring.length();
  }

  public void add(String id, Contact contact) {
    long n = added.getAndIncrement();
    ring.set((int) (n % ring.length()), new Seen(id, contact));
  }

  /** Forgets every remembered contact of the customer {@code customerId}: after an erasure. */
  public void forgetCustomer(String customerId) {
    for (int i = 0; i < ring.length(); i++) {
      Seen entry = ring.get(i);
      if (entry != null && customerId.equals(entry.contact().getCustomerId())) {
        ring.compareAndSet(i, entry, null);
      }
    }
  }

  /** Up to {@code limit} of the newest contacts, oldest first. */
  public List<Seen> last(int limit) {
    long end = added.get();
    long start = Math.max(0, Math.max(end - ring.length(), end - limit));
    List<Seen> seen = new ArrayList<>((int) (end - start));
    for (long n = start; n < end; n++) {
      Seen entry = ring.get((int) (n % ring.length()));
      if (entry != null) {
        seen.add(entry);
      }
    }
    return seen;
  }
}
