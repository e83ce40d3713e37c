package io.omniroute.engine.stream;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One client connection to one stream: it listens live first, then replays what the stream kept
 * after the client's last event id, and from then on writes each live event whose id is greater
 * than the last one written, so every event reaches the connection exactly once and in order. Live
 * events that arrive during the replay wait (at most {@value #MAX_WAITING}; more closes the
 * connection, and the client resumes). A client whose last id the stream no longer keeps, or whose
 * id is not an event id at all, gets a {@code reset} event whose id is the stream's latest (it
 * re-reads the state; the events after that id follow). A client without a last id gets the live
 * events from now on.
 *
 * <p>Backpressure: the replay goes page by page and waits until the connection has drained; a
 * live event or a heartbeat that finds the connection's write queue full closes the connection
 * instead of buffering more ({@link StreamMeters#dropped}).
 *
 * <p>Not thread-safe: created, started and fed on the connection's context.
 */
public final class StreamSubscription implements StreamListener {
  /** How many events one replay read asks for. */
  static final int PAGE = 500;
  /** How many live events may wait while the replay runs. */
  static final int MAX_WAITING = 10_000;

  private final EventStreams streams;
  private final LiveListeners live;
  private final String stream;
  private final Context context;
  private final EventSink sink;
  private final StreamSettings settings;
  private final StreamMeters meters;
  private final Supplier<Future<StreamEvent>> initial;
  private LiveListeners.Registration registration;
  private List<StreamEvent> waiting = new ArrayList<>();
  private EventId lastWritten;
  private long heartbeatTimer = -1;
  private boolean closed;

  /**
   * @param initial what a client gets once it has caught up, before the live events: this node's
   *     {@code queue.depth} of a queue stream; {@code null} for nothing
   */
  StreamSubscription(
      EventStreams streams, LiveListeners live, String stream, Context context, EventSink sink,
      StreamSettings settings, StreamMeters meters, Supplier<Future<StreamEvent>> initial) {
    this.streams = streams;
    this.live = live;
    this.stream = stream;
    this.context = context;
    this.sink = sink;
    this.settings = settings;
    this.meters = meters;
    this.initial = initial;
  }

  /** Opens the stream for a client that last saw {@code lastEventId} ({@code null}: a new client). */
  void start(String lastEventId) {
    registration = live.add(stream, context, this);
    meters.connected(sink.transport());
    sink.onClose(this::stop);
    sink.open(settings.reconnectDelay());
    heartbeatTimer = context.owner().setPeriodic(settings.heartbeat().toMillis(), timer -> heartbeat());
    if (lastEventId == null) {
      catchUpDone();
    } else if (EventId.parse(lastEventId).isEmpty()) {
      reset("malformed", "The last event id is not an id of this stream's events: read the state again.");
    } else {
      replayAfter(lastEventId, true);
    }
  }

  @Override
  public void onEvent(StreamEvent event) {
    if (closed) {
      return;
    }
    if (waiting != null) {
      if (waiting.size() >= MAX_WAITING) {
        drop("behind", "Too many events arrived while the stream was replayed: reconnect with your last event id.");
      } else {
        waiting.add(event);
      }
      return;
    }
    offer(event);
  }

  @Override
  public void onGap() {
    drop("gap", "This node may have missed events: reconnect with your last event id.");
  }

  private void replayAfter(String id, boolean first) {
    streams.after(stream, id, PAGE).onComplete(read -> {
      if (closed) {
        return;
      }
      if (read.failed()) {
        drop("store", "The events cannot be read right now: reconnect with your last event id.");
        return;
      }
      if (read.result() instanceof Replay.Events replayed) {
        replayed.events().forEach(this::write);
        if (replayed.events().size() < PAGE) {
          catchUpDone();
        } else {
          String next = lastWritten.toString();
          if (sink.writeQueueFull()) {
            sink.whenDrained(() -> replayAfter(next, false));
          } else {
            replayAfter(next, false);
          }
        }
      } else if (first) {
        reset("expired", "The events after your last event id are no longer kept: read the state again.");
      } else {
        drop("behind", "The stream moved on while it was replayed: reconnect with your last event id.");
      }
    });
  }

  private void reset(String reason, String detail) {
    streams.lastId(stream).onComplete(latest -> {
      if (closed) {
        return;
      }
      if (latest.failed()) {
        drop("store", "The events cannot be read right now: reconnect with your last event id.");
        return;
      }
      Optional<String> id = latest.result();
      write(new StreamEvent(id.orElse(null), StreamEvent.RESET,
          new JsonObject().put("reason", reason).put("detail", detail).encode()));
      catchUpDone();
    });
  }

  private void catchUpDone() {
    if (initial == null) {
      goLive();
      return;
    }
    initial.get().onComplete(first -> {
      if (closed) {
        return;
      }
      if (first.succeeded() && first.result() != null) {
        write(first.result());
      }
      goLive();
    });
  }

  private void goLive() {
    List<StreamEvent> arrived = waiting;
    waiting = null;
    arrived.forEach(this::offer);
  }

  private void offer(StreamEvent event) {
    if (closed || isAlreadyWritten(event)) {
      return;
    }
    if (sink.writeQueueFull()) {
      drop("slow", "The connection did not keep up with its events: reconnect with your last event id.");
      return;
    }
    write(event);
  }

  private boolean isAlreadyWritten(StreamEvent event) {
    if (!event.sequenced() || lastWritten == null) {
      return false;
    }
    return EventId.parse(event.id()).map(id -> id.compareTo(lastWritten) <= 0).orElse(false);
  }

  private void write(StreamEvent event) {
    if (event.sequenced()) {
      EventId.parse(event.id()).ifPresent(id -> lastWritten = id);
    }
    sink.write(event);
  }

  private void heartbeat() {
    if (closed) {
      return;
    }
    if (sink.writeQueueFull()) {
      drop("slow", "The connection did not keep up with its events: reconnect with your last event id.");
    } else {
      sink.heartbeat();
    }
  }

  private void drop(String reason, String why) {
    if (closed) {
      return;
    }
    meters.dropped(reason);
    stop();
    sink.close(why);
  }

  private void stop() {
    if (closed) {
      return;
    }
    closed = true;
    registration.cancel();
    meters.disconnected(sink.transport());
    if (heartbeatTimer >= 0) {
      context.owner().cancelTimer(heartbeatTimer);
    }
  }
}
