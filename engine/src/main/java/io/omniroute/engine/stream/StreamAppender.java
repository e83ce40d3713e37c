package io.omniroute.engine.stream;

import io.omniroute.engine.contact.ContactEvent;
import io.omniroute.engine.contact.ContactEvents;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends the stream events of the contact lifecycle ({@link ContactStreamEvents}) on its own
 * thread, so that intake pays only for handing the event over: the subscriber puts each event
 * that makes stream events into a bounded queue and returns. One thread takes them in order and
 * appends them, so the events of a stream are appended in the order they were published; at most
 * {@value #MAX_IN_FLIGHT} appends wait for the store at once. When the queue is full (the store
 * is that much slower than intake) an event is not appended and counted as lost ({@link
 * StreamMeters}); so is an append the store fails.
 *
 * <p>While events keep coming, the thread looks for more every {@value #POLL_MICROS} µs, so that
 * handing one over never has to wake it (a system call on the intake thread); only after {@value
 * #IDLE_POLLS} empty looks does it sleep until the next event wakes it.
 *
 * <p>Thread-safe. {@link #start} starts the thread; {@link #close()} stops it (events still queued
 * are not appended).
 */
public final class StreamAppender implements Consumer<ContactEvent>, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(StreamAppender.class);
  /** Contact events that may wait to be appended. */
  static final int CAPACITY = 65_536;
  /** Appends that may wait for the store at once. */
  static final int MAX_IN_FLIGHT = 4_096;
  /** How long the thread waits between looks while events keep coming. */
  static final long POLL_MICROS = 500;
  /** Empty looks in a row after which the thread sleeps until woken. */
  static final int IDLE_POLLS = 200;
  private static final long WARNING_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(5);

  private final EventStreams streams;
  private final Retention retention;
  private final StreamMeters meters;
  private final BlockingQueue<ContactEvent> queue = new ArrayBlockingQueue<>(CAPACITY);
  private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
  private final Thread thread;
  private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARNING_INTERVAL_NANOS);
  private final AtomicLong lostSinceWarning = new AtomicLong();
  private volatile boolean sleeping;
  private volatile boolean closed;

  private StreamAppender(EventStreams streams, Retention retention, StreamMeters meters) {
    this.streams = streams;
    this.retention = retention;
    this.meters = meters;
    this.thread = new Thread(this::run, "omniroute-stream-appender");
    thread.setDaemon(true);
  }

  /** Starts appending every event {@code events} publishes from now on to {@code streams}. */
  public static StreamAppender start(ContactEvents events, EventStreams streams, Retention retention, StreamMeters meters) {
    StreamAppender appender = new StreamAppender(streams, retention, meters);
    appender.thread.start();
    events.subscribe(appender);
    return appender;
  }

  /** Hands the event over; never blocks, and wakes the thread only when it sleeps. */
  @Override
  public void accept(ContactEvent event) {
    if (closed || !ContactStreamEvents.streamed(event)) {
      return;
    }
    if (!queue.offer(event)) {
      meters.lost("queue-full");
    } else if (sleeping) {
      LockSupport.unpark(thread);
    }
  }

  @Override
  public void close() {
    closed = true;
    thread.interrupt();
    try {
      thread.join(TimeUnit.SECONDS.toMillis(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void run() {
    int idle = 0;
    while (!closed) {
      try {
        ContactEvent event = queue.poll();
        if (event == null) {
          idle = waitForMore(idle);
          continue;
        }
        idle = 0;
        for (ContactStreamEvents.Draft draft : ContactStreamEvents.of(event)) {
          inFlight.acquire();
          streams.append(draft.stream(), draft.type(), draft.data(), retention).onComplete(appended -> {
            inFlight.release();
            if (appended.failed()) {
              meters.lost("store");
              warnLost(draft, appended.cause());
            }
          });
        }
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        LOG.error("could not turn a contact event into stream events", e);
      }
    }
  }

  /** Logs the first lost event and then at most one line per interval, with the count in between. */
  private void warnLost(ContactStreamEvents.Draft draft, Throwable cause) {
    long now = System.nanoTime();
    long last = lastWarning.get();
    if (now - last < WARNING_INTERVAL_NANOS || !lastWarning.compareAndSet(last, now)) {
      lostSinceWarning.incrementAndGet();
      return;
    }
    LOG.warn("could not append {} to {}: {} ({} more events lost since the last warning)", draft.type(), draft.stream(),
        cause.getMessage(), lostSinceWarning.getAndSet(0));
  }

  /** Waits a little while events keep coming, else sleeps until an event wakes the thread; answers the empty looks so far. */
  private int waitForMore(int idle) throws InterruptedException {
    if (idle < IDLE_POLLS) {
      LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(POLL_MICROS));
    } else {
      sleeping = true;
      if (queue.isEmpty() && !closed) {
        LockSupport.park(this);
      }
      sleeping = false;
    }
    if (Thread.interrupted()) {
      throw new InterruptedException();
    }
    return idle + 1;
  }
}
