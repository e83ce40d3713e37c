package io.omniroute.engine.stream;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Event streams in this process's memory: one ring buffer per stream, lost when the process stops,
 * the default when no Redis is configured. A client that resumes with an id of an earlier process
 * is told {@link Replay.NotKept}: the ids of this process are younger than any of its ids.
 *
 * <p>Each ring has its own lock; an append takes it for about a microsecond (the event is added,
 * the oldest events beyond the retention are dropped, and the event is handed to {@link
 * LiveEvents} while the lock is held, so live events leave in the order of their ids). Thread-safe;
 * futures are complete when returned. A stream keeps at most what its {@link Retention} keeps: its
 * memory is about 200 bytes plus the data per event.
 */
public final class MemoryEventStreams implements EventStreams {
  private final Map<String, Ring> rings = new ConcurrentHashMap<>();
  private final LongSupplier clock;
  private volatile LiveEvents live = LiveEvents.NONE;

  /** Streams whose ids use the system clock. */
  public MemoryEventStreams() {
    this(System::currentTimeMillis);
  }

  /** Streams whose ids use {@code millis} (tests: a clock that stands still or jumps). */
  public MemoryEventStreams(LongSupplier millis) {
    this.clock = millis;
  }

  @Override
  public Future<StreamEvent> append(String stream, String type, String data, Retention retention) {
    Ring ring = rings.computeIfAbsent(stream, name -> new Ring());
    StreamEvent event;
    synchronized (ring) {
      long now = clock.getAsLong();
      EventId id = ring.isEmpty() ? new EventId(Math.max(0, now), 0) : ring.last().next(now);
      event = new StreamEvent(id.toString(), type, data);
      ring.add(id, event);
      ring.trim(retention, now);
      live.event(stream, event);
    }
    return Future.succeededFuture(event);
  }

  @Override
  public Future<Replay> after(String stream, String afterId, int limit) {
    Optional<EventId> from = EventId.parse(afterId);
    Ring ring = rings.get(stream);
    if (from.isEmpty() || ring == null) {
      return Future.succeededFuture(new Replay.NotKept());
    }
    synchronized (ring) {
      int at = ring.indexOf(from.get());
      if (at < 0) {
        return Future.succeededFuture(new Replay.NotKept());
      }
      List<StreamEvent> events = new ArrayList<>(Math.min(limit, ring.size() - at - 1));
      for (int i = at + 1; i < ring.size() && events.size() < limit; i++) {
        events.add(ring.event(i));
      }
      return Future.succeededFuture(new Replay.Events(events));
    }
  }

  @Override
  public Future<Optional<String>> lastId(String stream) {
    Ring ring = rings.get(stream);
    if (ring == null) {
      return Future.succeededFuture(Optional.empty());
    }
    synchronized (ring) {
      return Future.succeededFuture(ring.isEmpty() ? Optional.empty() : Optional.of(ring.last().toString()));
    }
  }

  @Override
  public void deliverTo(LiveEvents live) {
    this.live = live;
  }

  @Override
  public void close() {
    live = LiveEvents.NONE;
  }

  /** The kept events of one stream, oldest first, in a circular array that grows as needed. Not thread-safe. */
  private static final class Ring {
    private EventId[] ids = new EventId[8];
    private StreamEvent[] events = new StreamEvent[8];
    private int head;
    private int size;

    boolean isEmpty() {
      return size == 0;
    }

    int size() {
      return size;
    }

    EventId last() {
      return ids[slot(size - 1)];
    }

    StreamEvent event(int index) {
      return events[slot(index)];
    }

    void add(EventId id, StreamEvent event) {
      if (size == ids.length) {
        grow();
      }
      int slot = slot(size);
      ids[slot] = id;
      events[slot] = event;
      size++;
    }

    /**
     * Drops the oldest events that are beyond the last {@code events} and at least {@code age} old
     * (with an age of zero, even those of this millisecond), but keeps the one just before the last
     * {@code events}: a client that saw it is told exactly what came after it.
     */
    void trim(Retention retention, long nowMillis) {
      long cutoff = nowMillis - retention.age().toMillis();
      while (size > retention.events() + 1 && ids[head].millis() <= cutoff) {
        ids[head] = null;
        events[head] = null;
        head = (head + 1) % ids.length;
        size--;
      }
    }

    /** The index of the event with this id, or -1 when it is not kept. */
    int indexOf(EventId id) {
      int low = 0;
      int high = size - 1;
      while (low <= high) {
        int middle = (low + high) >>> 1;
        int order = ids[slot(middle)].compareTo(id);
        if (order == 0) {
          return middle;
        }
        if (order < 0) {
          low = middle + 1;
        } else {
          high = middle - 1;
        }
      }
      return -1;
    }

    private int slot(int index) {
      return (head + index) % ids.length;
    }

    private void grow() {
      EventId[] newIds = new EventId[ids.length * 2];
      StreamEvent[] newEvents = new StreamEvent[ids.length * 2];
      for (int i = 0; i < size; i++) {
        newIds[i] = ids[slot(i)];
        newEvents[i] = events[slot(i)];
      }
      ids = newIds;
      events = newEvents;
      head = 0;
    }
  }
}
