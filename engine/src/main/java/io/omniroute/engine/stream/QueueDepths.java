package io.omniroute.engine.stream;

import io.omniroute.engine.contact.ContactService;
import io.omniroute.engine.queue.QueueStats;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * This node's {@code queue.depth} events: {@code {queue, depth, oldestWaitSeconds}} of a queue,
 * read from the queue store, for the queue streams that have connections on this node. A connection
 * gets the depth once it has caught up ({@link #current}); after that, a queue stream that had
 * events gets the depth again at the next {@link #flush()} when it differs from the last one this
 * node sent, so each queue gets at most one depth event per flush interval however busy it is. The
 * engine flushes every second. Depth events carry no id and are not kept: they say how things are
 * now, and a client that reconnects gets the current depth.
 *
 * <p>Thread-safe: {@link #changed} is called from the store's thread, {@link #flush()} from a timer.
 */
public final class QueueDepths {
  /** The type of depth events. */
  public static final String TYPE = "queue.depth";
  /** How often the engine flushes. */
  public static final Duration INTERVAL = Duration.ofSeconds(1);

  private final ContactService contacts;
  private final Clock clock;
  private final Set<String> changed = ConcurrentHashMap.newKeySet();
  private final Map<String, Long> lastSent = new ConcurrentHashMap<>();
  private volatile LiveListeners live;

  public QueueDepths(ContactService contacts, Clock clock) {
    this.contacts = contacts;
    this.clock = clock;
  }

  /** Sends depth events to the listeners of {@code live}; call once, before {@link #flush()}. */
  public void sendTo(LiveListeners live) {
    this.live = Objects.requireNonNull(live, "live");
  }

  /** Notes that {@code stream} had an event; a queue stream's depth is read at the next flush. */
  public void changed(String stream) {
    if (StreamNames.queueOf(stream) != null) {
      changed.add(stream);
    }
  }

  /** The depth of {@code queue} now, as an event. */
  public Future<StreamEvent> current(String queue) {
    return contacts.queues().map(all -> event(queue, all.get(queue)));
  }

  /** Reads the queues once when a queue stream with listeners had events, and sends each depth that changed. */
  public void flush() {
    LiveListeners listeners = live;
    if (listeners == null || changed.isEmpty()) {
      return;
    }
    List<String> streams = new ArrayList<>(changed);
    changed.removeAll(streams);
    contacts.queues().onSuccess(all -> {
      for (String stream : streams) {
        if (!listeners.hasListeners(stream)) {
          lastSent.remove(stream);
          continue;
        }
        String queue = StreamNames.queueOf(stream);
        QueueStats stats = all.get(queue);
        long depth = stats == null ? 0 : stats.depth();
        Long before = lastSent.put(stream, depth);
        if (before == null || before != depth) {
          listeners.event(stream, event(queue, stats));
        }
      }
    });
  }

  private StreamEvent event(String queue, QueueStats stats) {
    JsonObject data = new JsonObject().put("queue", queue).put("depth", stats == null ? 0 : stats.depth());
    if (stats != null && stats.oldestReceivedAt() != null) {
      Instant now = clock.instant();
      data.put("oldestWaitSeconds", Math.max(0, Duration.between(stats.oldestReceivedAt(), now).toSeconds()));
    }
    return new StreamEvent(null, TYPE, data.encode());
  }
}
