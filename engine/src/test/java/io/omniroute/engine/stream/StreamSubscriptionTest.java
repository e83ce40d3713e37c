package io.omniroute.engine.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One connection's stream: live events from now on for a new client; for a client that resumes,
 * the replay after its id, then the live events, each exactly once even when it arrived live while
 * the replay was read; a reset when its id is not kept; and a connection that cannot keep up is
 * closed rather than buffered.
 */
class StreamSubscriptionTest {
  private static final String STREAM = "agent:sepp";
  private static final Retention KEEP = new Retention(100, Duration.ofHours(1));

  private Vertx vertx;
  private Context context;
  private MemoryEventStreams memory;
  private GatedStreams streams;
  private LiveListeners live;
  private FakeSink sink;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    context = vertx.getOrCreateContext();
    memory = new MemoryEventStreams();
    streams = new GatedStreams(memory);
    live = new LiveListeners();
    memory.deliverTo(live);
    sink = new FakeSink();
  }

  @AfterEach
  void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void aNewClientGetsTheLiveEventsFromNowOn() {
    append("before");
    subscribe(null);

    append("after");

    waitFor(() -> sink.types().size() == 1);
    assertThat(sink.types()).containsExactly("after");
  }

  @Test
  void eventsThatArriveLiveWhileTheReplayIsReadAreWrittenOnceAfterIt() {
    String first = append("one");
    append("two");
    append("three");
    streams.holdReplays();
    subscribe(first);
    waitFor(streams::replayAsked);

    append("four");
    streams.release();

    waitFor(() -> sink.types().size() == 3);
    assertThat(sink.types()).containsExactly("two", "three", "four");
    assertThat(sink.ids()).isSortedAccordingTo((a, b) -> EventId.parse(a).orElseThrow().compareTo(EventId.parse(b).orElseThrow()));
    append("five");
    waitFor(() -> sink.types().size() == 4);
    assertThat(sink.types()).containsExactly("two", "three", "four", "five");
  }

  @Test
  void aLiveEventTheReplayAlreadyWroteIsNotWrittenAgain() {
    String first = append("one");
    streams.holdReplays();
    subscribe(first);
    waitFor(streams::replayAsked);
    String second = append("two");
    streams.release();
    append("three");

    waitFor(() -> sink.types().size() == 2);
    assertThat(sink.ids()).containsOnlyOnce(second);
    assertThat(sink.types()).containsExactly("two", "three");
  }

  @Test
  void aClientWhoseIdIsNotKeptGetsAResetWithTheLatestIdThenOnlyLaterEvents() {
    append("one");
    String latest = append("two");
    subscribe("1-0");
    waitFor(() -> sink.types().size() == 1);

    append("three");

    waitFor(() -> sink.types().size() == 2);
    assertThat(sink.written.get(0).type()).isEqualTo("reset");
    assertThat(sink.written.get(0).id()).isEqualTo(latest);
    assertThat(sink.written.get(0).data()).contains("\"reason\":\"expired\"");
    assertThat(sink.types()).containsExactly("reset", "three");
  }

  @Test
  void aLiveEventThatFindsTheConnectionsWriteQueueFullClosesTheConnection() {
    subscribe(null);
    append("one");
    waitFor(() -> sink.types().size() == 1);
    sink.full = true;

    append("two");

    waitFor(() -> sink.closedWith != null);
    assertThat(sink.types()).containsExactly("one");
    assertThat(sink.closedWith).contains("did not keep up");
    append("three");
    assertThat(live.hasListeners(STREAM)).isFalse();
  }

  @Test
  void theReplayReadsPageByPageAndWaitsForTheConnectionToDrainBetweenPages() {
    String first = append("0");
    for (int i = 1; i <= StreamSubscription.PAGE + 10; i++) {
      append(Integer.toString(i));
    }
    sink.full = true;
    subscribe(first);

    waitFor(() -> sink.types().size() == StreamSubscription.PAGE);
    assertThat(sink.drained).isNotNull();
    sink.full = false;
    context.runOnContext(ignored -> sink.drained.run());

    waitFor(() -> sink.types().size() == StreamSubscription.PAGE + 10);
    assertThat(sink.types().get(StreamSubscription.PAGE + 9)).isEqualTo(Integer.toString(StreamSubscription.PAGE + 10));
  }

  @Test
  void aGapInTheFanOutClosesTheConnectionSoTheClientResumes() {
    subscribe(null);
    waitFor(() -> live.hasListeners(STREAM));

    live.gap();

    waitFor(() -> sink.closedWith != null);
    assertThat(sink.closedWith).contains("reconnect with your last event id");
  }

  private void subscribe(String lastEventId) {
    context.runOnContext(ignored -> new StreamSubscription(streams, live, STREAM, context, sink,
        StreamSettings.defaults(), new StreamMeters(new SimpleMeterRegistry()), null).start(lastEventId));
    waitFor(() -> sink.opened);
  }

  private String append(String type) {
    try {
      return memory.append(STREAM, type, "{}", KEEP).toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS).id();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private void waitFor(BooleanSupplier condition) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within 10 s; written: " + sink.written + ", closed: " + sink.closedWith);
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  /** Memory streams whose replays can be held back until the test releases them. */
  private static final class GatedStreams implements EventStreams {
    private final EventStreams inner;
    private volatile CompletableFuture<Void> gate = CompletableFuture.completedFuture(null);
    private volatile boolean asked;

    GatedStreams(EventStreams inner) {
      this.inner = inner;
    }

    void holdReplays() {
      gate = new CompletableFuture<>();
    }

    void release() {
      gate.complete(null);
    }

    boolean replayAsked() {
      return asked;
    }

    @Override
    public Future<StreamEvent> append(String stream, String type, String data, Retention retention) {
      return inner.append(stream, type, data, retention);
    }

    @Override
    public Future<Replay> after(String stream, String afterId, int limit) {
      asked = true;
      Context caller = Vertx.currentContext();
      Promise<Replay> answer = Promise.promise();
      gate.thenRun(() -> caller.runOnContext(ignored -> inner.after(stream, afterId, limit).onComplete(answer)));
      return answer.future();
    }

    @Override
    public Future<Optional<String>> lastId(String stream) {
      return inner.lastId(stream);
    }

    @Override
    public void deliverTo(LiveEvents live) {
      inner.deliverTo(live);
    }

    @Override
    public void close() {
      inner.close();
    }
  }

  /** A connection that records what it was sent and can pretend to be full. */
  private static final class FakeSink implements EventSink {
    final List<StreamEvent> written = new CopyOnWriteArrayList<>();
    volatile boolean opened;
    volatile boolean full;
    volatile Runnable drained;
    volatile String closedWith;

    @Override
    public String transport() {
      return "sse";
    }

    @Override
    public void open(Duration reconnectDelay) {
      opened = true;
    }

    @Override
    public void write(StreamEvent event) {
      written.add(event);
    }

    @Override
    public void heartbeat() {}

    @Override
    public boolean writeQueueFull() {
      return full;
    }

    @Override
    public void whenDrained(Runnable then) {
      drained = then;
    }

    @Override
    public void onClose(Runnable then) {}

    @Override
    public void close(String why) {
      closedWith = why;
    }

    List<String> types() {
      List<String> types = new ArrayList<>();
      written.forEach(event -> types.add(event.type()));
      return types;
    }

    List<String> ids() {
      List<String> ids = new ArrayList<>();
      written.forEach(event -> ids.add(event.id()));
      return ids;
    }
  }
}
