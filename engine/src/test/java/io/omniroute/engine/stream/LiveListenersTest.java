package io.omniroute.engine.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * This node's listeners: each gets every event of its stream once, in order, on its own context,
 * also when a thousand listen on two event loops; a cancelled one gets nothing more; only events
 * with an id count as activity.
 */
class LiveListenersTest {
  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  void everyListenerOfAStreamGetsEachEventOnceInOrderOnItsOwnContext() throws InterruptedException {
    Set<String> active = ConcurrentHashMap.newKeySet();
    LiveListeners live = new LiveListeners(active::add);
    List<Context> contexts = List.of(vertx.getOrCreateContext(), vertx.getOrCreateContext());
    List<Recorder> recorders = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      Recorder recorder = new Recorder(contexts.get(i % 2));
      recorders.add(recorder);
      live.add("queue:central", recorder.context, recorder);
    }
    Recorder other = new Recorder(contexts.get(0));
    live.add("agent:sepp", other.context, other);

    for (int n = 0; n < 20; n++) {
      live.event("queue:central", new StreamEvent("1-" + n, "contact.queued", "{}"));
    }
    live.event("queue:central", new StreamEvent(null, QueueDepths.TYPE, "{}"));

    for (Recorder recorder : recorders) {
      recorder.await(21);
      assertThat(recorder.ids.subList(0, 20)).containsExactlyElementsOf(
          java.util.stream.IntStream.range(0, 20).mapToObj(n -> "1-" + n).toList());
      assertThat(recorder.wrongContext.get()).isZero();
    }
    assertThat(other.ids).isEmpty();
    assertThat(active).containsExactly("queue:central");
    assertThat(live.size()).isEqualTo(1_001);
  }

  @Test
  void aCancelledListenerGetsNothingMoreAndItsStreamIsForgottenWithItsLastListener() throws InterruptedException {
    LiveListeners live = new LiveListeners();
    Recorder recorder = new Recorder(vertx.getOrCreateContext());
    LiveListeners.Registration registration = live.add("agent:sepp", recorder.context, recorder);
    live.event("agent:sepp", new StreamEvent("1-0", "offer.offered", "{}"));
    recorder.await(1);

    registration.cancel();
    live.event("agent:sepp", new StreamEvent("1-1", "offer.offered", "{}"));
    live.gap();

    Thread.sleep(100);
    assertThat(recorder.ids).containsExactly("1-0");
    assertThat(recorder.gaps.get()).isZero();
    assertThat(live.hasListeners("agent:sepp")).isFalse();
  }

  /** A listener that records what it got and whether it got it on its context. */
  private static final class Recorder implements StreamListener {
    final Context context;
    final List<String> ids = new CopyOnWriteArrayList<>();
    final AtomicInteger wrongContext = new AtomicInteger();
    final AtomicInteger gaps = new AtomicInteger();
    final AtomicInteger count = new AtomicInteger();

    Recorder(Context context) {
      this.context = context;
    }

    @Override
    public void onEvent(StreamEvent event) {
      if (Vertx.currentContext() != context) {
        wrongContext.incrementAndGet();
      }
      ids.add(event.id() == null ? "depth" : event.id());
      count.incrementAndGet();
    }

    @Override
    public void onGap() {
      gaps.incrementAndGet();
    }

    void await(int events) throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (count.get() < events && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      assertThat(count.get()).isEqualTo(events);
    }
  }
}
