package io.omniroute.engine.queue.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.omniroute.engine.queue.memory.TimeOrderedLane.Entry;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class TimeOrderedLaneTest {
  private final TimeOrderedLane<String> lane = new TimeOrderedLane<>();
  private long sequence;

  @Test
  void pollsInTimeOrderWhateverTheAppendOrder() {
    Entry<String> t30 = add(30);
    Entry<String> t10 = add(10);
    Entry<String> t20 = add(20);
    Entry<String> t40 = add(40);

    assertThat(ids()).containsExactly(t10.value, t20.value, t30.value, t40.value);
    assertThat(lane.poll()).isSameAs(t10);
    assertThat(lane.poll()).isSameAs(t20);
    assertThat(lane.poll()).isSameAs(t30);
    assertThat(lane.poll()).isSameAs(t40);
    assertThat(lane.poll()).isNull();
    assertThat(lane.isEmpty()).isTrue();
  }

  @Test
  void equalTimesKeepTheirAppendOrder() {
    Entry<String> first = add(5);
    Entry<String> second = add(5);

    assertThat(lane.poll()).isSameAs(first);
    assertThat(lane.poll()).isSameAs(second);
  }

  @Test
  void removedEntriesAreSkippedAndNotCounted() {
    Entry<String> a = add(1);
    Entry<String> b = add(2);
    Entry<String> late = add(0);
    lane.remove(a);
    lane.remove(late);
    lane.remove(a);

    assertThat(lane.size()).isEqualTo(1);
    assertThat(lane.peek()).isSameAs(b);
    assertThat(ids()).containsExactly(b.value);
  }

  @Test
  void staysCorrectThroughManyRandomAddsAndRemovals() {
    Random random = new Random(42);
    TreeMap<Long, Entry<String>> expected = new TreeMap<>();
    List<Entry<String>> live = new ArrayList<>();
    long time = 0;
    for (int step = 0; step < 50_000; step++) {
      int action = random.nextInt(10);
      if (action < 5 || live.isEmpty()) {
        time += random.nextInt(3);
        long at = random.nextInt(20) == 0 ? time - random.nextInt(100) : time;
        Entry<String> entry = add(at);
        live.add(entry);
        expected.put(key(entry), entry);
      } else if (action < 8) {
        Entry<String> gone = live.remove(random.nextInt(live.size()));
        lane.remove(gone);
        expected.remove(key(gone));
      } else {
        Entry<String> polled = lane.poll();
        assertThat(polled).isSameAs(expected.pollFirstEntry().getValue());
        live.remove(polled);
      }
      assertThat(lane.size()).isEqualTo(expected.size());
    }
    List<String> order = new ArrayList<>();
    expected.values().forEach(e -> order.add(e.value));
    assertThat(ids()).isEqualTo(order);
  }

  private Entry<String> add(long time) {
    long seq = ++sequence;
    Entry<String> entry = new Entry<>(time, seq, "c" + seq + "@" + time);
    lane.add(entry);
    return entry;
  }

  private static long key(Entry<String> entry) {
    return entry.time * 1_000_000 + entry.sequence;
  }

  private List<String> ids() {
    List<String> ids = new ArrayList<>();
    lane.forEach(e -> ids.add(e.value));
    return ids;
  }
}
