package io.omniroute.engine.stream;

import io.vertx.core.Context;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * This node's open stream connections, by stream: every event that {@link EventStreams} hands over
 * ({@link LiveEvents}), and every {@code queue.depth} this node publishes, goes to the listeners of
 * its stream on their own Vert.x contexts. A stream with many listeners on one event loop is
 * handed over in batches of {@value #BATCH}, so that one event never holds an event loop for long;
 * a stream's events reach each listener in the order they were handed over.
 *
 * <p>Thread-safe. Listeners are added and removed on their own contexts; events arrive on the
 * store's thread (the appender, or the pub/sub connection's).
 */
public final class LiveListeners implements LiveEvents {
  /** How many listeners of one event loop one task feeds. */
  static final int BATCH = 256;

  private final Map<String, Set<Registration>> byStream = new ConcurrentHashMap<>();
  private final Consumer<String> activity;

  /** @param activity told the name of each stream with listeners here when an event with an id arrives for it */
  public LiveListeners(Consumer<String> activity) {
    this.activity = Objects.requireNonNull(activity, "activity");
  }

  /** Listeners without anybody watching their activity (tests). */
  public LiveListeners() {
    this(stream -> {});
  }

  /** Feeds {@code listener} every event of {@code stream} from now on, on {@code context}, until the registration is cancelled. */
  public Registration add(String stream, Context context, StreamListener listener) {
    Registration registration = new Registration(stream, context, listener);
    byStream.compute(stream, (name, listeners) -> {
      Set<Registration> set = listeners == null ? ConcurrentHashMap.newKeySet() : listeners;
      set.add(registration);
      return set;
    });
    return registration;
  }

  /** Whether a connection of this node listens to {@code stream}. */
  public boolean hasListeners(String stream) {
    return byStream.containsKey(stream);
  }

  /** How many connections of this node listen, over all streams. */
  public int size() {
    return byStream.values().stream().mapToInt(Set::size).sum();
  }

  @Override
  public void event(String stream, StreamEvent event) {
    Set<Registration> listeners = byStream.get(stream);
    if (listeners == null) {
      return;
    }
    if (event.sequenced()) {
      activity.accept(stream);
    }
    byContext(listeners).forEach((context, group) -> {
      for (int from = 0; from < group.size(); from += BATCH) {
        List<Registration> batch = group.subList(from, Math.min(group.size(), from + BATCH));
        context.runOnContext(ignored -> batch.forEach(registration -> registration.deliver(event)));
      }
    });
  }

  @Override
  public void gap() {
    byStream.values().forEach(listeners -> byContext(listeners).forEach((context, group) ->
        context.runOnContext(ignored -> group.forEach(Registration::gap))));
  }

  private static Map<Context, List<Registration>> byContext(Set<Registration> listeners) {
    Map<Context, List<Registration>> groups = new IdentityHashMap<>(4);
    for (Registration registration : listeners) {
      groups.computeIfAbsent(registration.context, context -> new ArrayList<>()).add(registration);
    }
    return groups;
  }

  /** One listener of one stream; {@link #cancel()} stops its events, also those already on their way. */
  public final class Registration {
    private final String stream;
    private final Context context;
    private final StreamListener listener;
    private volatile boolean cancelled;

    private Registration(String stream, Context context, StreamListener listener) {
      this.stream = stream;
      this.context = context;
      this.listener = listener;
    }

    /** Removes the listener; safe to call more than once. */
    public void cancel() {
      cancelled = true;
      byStream.computeIfPresent(stream, (name, listeners) -> {
        listeners.remove(this);
        return listeners.isEmpty() ? null : listeners;
      });
    }

    private void deliver(StreamEvent event) {
      if (!cancelled) {
        listener.onEvent(event);
      }
    }

    private void gap() {
      if (!cancelled) {
        listener.onGap();
      }
    }
  }
}
