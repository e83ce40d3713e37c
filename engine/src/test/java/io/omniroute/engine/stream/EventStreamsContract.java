package io.omniroute.engine.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link EventStreams} does: gives each appended event an id greater than the ones
 * before it in its stream, replays exactly what follows an id it keeps, says {@link
 * Replay.NotKept} for an id it does not keep, keeps an event while it is among the last N or
 * younger than the retention's age, and hands every event to the live listener once, in order.
 * Subclasses give a fresh, empty store per test.
 */
public abstract class EventStreamsContract {
  static final Retention ONE_HOUR = new Retention(10, Duration.ofHours(1));
  static final Retention LAST_TEN = new Retention(10, Duration.ZERO);

  protected EventStreams streams;
  private final Recording live = new Recording();

  protected abstract EventStreams newStreams();

  @BeforeEach
  void open() {
    streams = newStreams();
    streams.deliverTo(live);
  }

  @AfterEach
  void close() {
    try {
      streams.close();
    } finally {
      afterClose();
    }
  }

  /** Runs after the streams are closed: releases what the subclass opened for them. */
  protected void afterClose() {}

  @Test
  void eachAppendedEventGetsAnIdGreaterThanTheOneBefore() {
    List<EventId> ids = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      StreamEvent event = await(streams.append("agent:sepp", "offer.offered", "{\"n\":" + i + "}", ONE_HOUR));
      assertThat(event.type()).isEqualTo("offer.offered");
      assertThat(event.data()).isEqualTo("{\"n\":" + i + "}");
      ids.add(EventId.parse(event.id()).orElseThrow());
    }

    assertThat(ids).isSorted().doesNotHaveDuplicates();
    assertThat(await(streams.lastId("agent:sepp"))).contains(ids.get(49).toString());
  }

  @Test
  void replaysExactlyTheEventsAfterAnIdItKeepsInOrder() {
    List<StreamEvent> appended = appendNumbered("queue:central", 20, ONE_HOUR);

    Replay replay = await(streams.after("queue:central", appended.get(11).id(), 100));

    assertThat(replay).isEqualTo(new Replay.Events(appended.subList(12, 20)));
  }

  @Test
  void replaysPageByPage() {
    List<StreamEvent> appended = appendNumbered("queue:central", 25, ONE_HOUR);

    Replay first = await(streams.after("queue:central", appended.get(0).id(), 10));
    Replay second = await(streams.after("queue:central", appended.get(10).id(), 10));
    Replay last = await(streams.after("queue:central", appended.get(20).id(), 10));

    assertThat(first).isEqualTo(new Replay.Events(appended.subList(1, 11)));
    assertThat(second).isEqualTo(new Replay.Events(appended.subList(11, 21)));
    assertThat(last).isEqualTo(new Replay.Events(appended.subList(21, 25)));
  }

  @Test
  void aClientWithTheLatestIdHasNothingToReplay() {
    List<StreamEvent> appended = appendNumbered("agent:sepp", 3, ONE_HOUR);

    assertThat(await(streams.after("agent:sepp", appended.get(2).id(), 100))).isEqualTo(new Replay.Events(List.of()));
  }

  @Test
  void anIdTheStreamDoesNotKeepIsNotKept() {
    List<StreamEvent> appended = appendNumbered("agent:sepp", 3, ONE_HOUR);
    EventId last = EventId.parse(appended.get(2).id()).orElseThrow();

    assertThat(await(streams.after("agent:sepp", "not-an-id", 100))).isEqualTo(new Replay.NotKept());
    assertThat(await(streams.after("agent:sepp", "1-0", 100))).isEqualTo(new Replay.NotKept());
    assertThat(await(streams.after("agent:sepp", last.next(last.millis() + 60_000).toString(), 100)))
        .isEqualTo(new Replay.NotKept());
    assertThat(await(streams.after("agent:nobody", appended.get(0).id(), 100))).isEqualTo(new Replay.NotKept());
    assertThat(await(streams.lastId("agent:nobody"))).isEmpty();
  }

  @Test
  void streamsAreSeparate() {
    List<StreamEvent> sepp = appendNumbered("agent:sepp", 3, ONE_HOUR);
    appendNumbered("agent:anna", 3, ONE_HOUR);

    assertThat(await(streams.after("agent:sepp", sepp.get(0).id(), 100)))
        .isEqualTo(new Replay.Events(sepp.subList(1, 3)));
  }

  @Test
  void keepsEveryEventYoungerThanTheAgeBeyondTheLastN() {
    List<StreamEvent> appended = appendNumbered("queue:central", 1_000, ONE_HOUR);

    Replay replay = await(streams.after("queue:central", appended.get(0).id(), 2_000));

    assertThat(replay).isEqualTo(new Replay.Events(appended.subList(1, 1_000)));
  }

  @Test
  void keepsTheLastEventsWhenOlderOnesGoAndTellsAClientFurtherBehindThatItsIdIsNotKept() {
    List<StreamEvent> appended = appendNumbered("queue:central", 1_000, LAST_TEN);

    assertThat(await(streams.after("queue:central", appended.get(0).id(), 100))).isEqualTo(new Replay.NotKept());
    assertThat(await(streams.after("queue:central", appended.get(989).id(), 100)))
        .isEqualTo(new Replay.Events(appended.subList(990, 1_000)));
  }

  @Test
  void handsEveryEventToTheLiveListenerOnceInTheOrderOfItsStream() throws InterruptedException {
    List<StreamEvent> sepp = new ArrayList<>();
    List<StreamEvent> central = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      sepp.add(await(streams.append("agent:sepp", "offer.offered", "{\"n\":" + i + "}", ONE_HOUR)));
      central.add(await(streams.append("queue:central", "contact.queued", "{\"n\":" + i + "}", ONE_HOUR)));
    }

    live.awaitCount(200);
    assertThat(live.of("agent:sepp")).isEqualTo(sepp);
    assertThat(live.of("queue:central")).isEqualTo(central);
  }

  private List<StreamEvent> appendNumbered(String stream, int count, Retention retention) {
    List<Future<StreamEvent>> appends = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      appends.add(streams.append(stream, "contact.queued", "{\"n\":" + i + "}", retention));
    }
    return appends.stream().map(EventStreamsContract::await).toList();
  }

  static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** What the live listener got, in order. */
  static final class Recording implements LiveEvents {
    private final List<Heard> heard = new CopyOnWriteArrayList<>();
    private final AtomicInteger gaps = new AtomicInteger();

    record Heard(String stream, StreamEvent event) {}

    @Override
    public void event(String stream, StreamEvent event) {
      heard.add(new Heard(stream, event));
    }

    @Override
    public void gap() {
      gaps.incrementAndGet();
    }

    int gaps() {
      return gaps.get();
    }

    List<StreamEvent> of(String stream) {
      return heard.stream().filter(one -> one.stream().equals(stream)).map(Heard::event).toList();
    }

    void awaitCount(int count) throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (heard.size() < count && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertThat(heard).hasSizeGreaterThanOrEqualTo(count);
    }
  }
}
