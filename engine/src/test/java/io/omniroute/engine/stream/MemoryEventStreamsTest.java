package io.omniroute.engine.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The memory streams pass the event streams contract, keep an event while either the count or the
 * age holds, and give a new process's events ids that no earlier process's client can resume after.
 */
class MemoryEventStreamsTest extends EventStreamsContract {
  private final AtomicLong now = new AtomicLong(1_767_600_000_000L);

  @Override
  protected EventStreams newStreams() {
    return new MemoryEventStreams();
  }

  @Test
  void anEventBeyondTheLastNStaysUntilItIsOlderThanTheAge() {
    EventStreams clocked = new MemoryEventStreams(now::get);
    Retention twoOrAMinute = new Retention(2, Duration.ofMinutes(1));
    String first = await(clocked.append("agent:sepp", "offer.offered", "{}", twoOrAMinute)).id();
    await(clocked.append("agent:sepp", "offer.offered", "{}", twoOrAMinute));
    await(clocked.append("agent:sepp", "offer.offered", "{}", twoOrAMinute));
    assertThat(await(clocked.after("agent:sepp", first, 10))).isInstanceOf(Replay.Events.class);

    now.addAndGet(Duration.ofSeconds(61).toMillis());
    await(clocked.append("agent:sepp", "offer.offered", "{}", twoOrAMinute));

    assertThat(await(clocked.after("agent:sepp", first, 10))).isEqualTo(new Replay.NotKept());
  }

  @Test
  void eventsOfOneMillisecondAreNumberedAndAClockThatGoesBackDoesNotReorderThem() {
    EventStreams clocked = new MemoryEventStreams(now::get);
    String a = await(clocked.append("agent:sepp", "offer.offered", "{}", ONE_HOUR)).id();
    String b = await(clocked.append("agent:sepp", "offer.offered", "{}", ONE_HOUR)).id();
    now.addAndGet(-5_000);
    String c = await(clocked.append("agent:sepp", "offer.offered", "{}", ONE_HOUR)).id();

    assertThat(List.of(a, b, c)).containsExactly("1767600000000-0", "1767600000000-1", "1767600000000-2");
  }

  @Test
  void theIdsOfAnEarlierProcessAreNotKeptByALaterOne() {
    String before = await(new MemoryEventStreams(now::get).append("agent:sepp", "offer.offered", "{}", ONE_HOUR)).id();
    now.addAndGet(30_000);
    EventStreams restarted = new MemoryEventStreams(now::get);
    await(restarted.append("agent:sepp", "offer.offered", "{}", ONE_HOUR));

    assertThat(await(restarted.after("agent:sepp", before, 10))).isEqualTo(new Replay.NotKept());
  }
}
