package io.omniroute.engine.queue.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SlotArrayTest {
  private final SlotArray<String> array = new SlotArray<>();

  @Test
  void handsOutAscendingSlotsAndFindsEachValueAtItsSlot() {
    long first = array.add("a");
    long second = array.add("b");

    assertThat(second).isEqualTo(first + 1);
    assertThat(array.get(first)).isEqualTo("a");
    assertThat(array.get(second)).isEqualTo("b");
    assertThat(array.get(second + 1)).as("not handed out yet").isNull();
    assertThat(array.get(-1)).isNull();
  }

  @Test
  void forgetsRemovedValues() {
    long slot = array.add("a");

    array.remove(slot);
    array.remove(slot);

    assertThat(array.get(slot)).isNull();
    assertThat(array.size()).isZero();
  }

  @Test
  void dropsEveryChunkWhoseValuesWereAllRemoved() {
    ArrayDeque<Long> held = new ArrayDeque<>();
    for (int i = 0; i < SlotArray.CHUNK_SIZE * 100; i++) {
      held.addLast(array.add("v" + i));
      if (held.size() > SlotArray.CHUNK_SIZE * 3) {
        array.remove(held.pollFirst());
      }
    }

    assertThat(array.size()).isEqualTo(SlotArray.CHUNK_SIZE * 3);
    assertThat(array.chunksHeld()).isBetween(3, 4);
    assertThat(array.get(held.peekFirst())).isEqualTo("v" + (SlotArray.CHUNK_SIZE * 97));
  }

  @Test
  void keepsOnlyTheChunksOfValuesThatStayWhileTheRestComeAndGo() {
    long stays = array.add("stays");
    for (int i = 0; i < SlotArray.CHUNK_SIZE * 50; i++) {
      array.remove(array.add("passing-" + i));
    }

    assertThat(array.chunksHeld()).isLessThanOrEqualTo(2);
    assertThat(array.get(stays)).isEqualTo("stays");
  }

  @Test
  void agreesWithAMapUnderRandomAddsAndRemoves() {
    Map<Long, String> reference = new HashMap<>();
    Random random = new Random(11);
    long highest = 0;
    for (int i = 0; i < 300_000; i++) {
      if (random.nextInt(5) < 3) {
        String value = "v" + i;
        long slot = array.add(value);
        reference.put(slot, value);
        highest = slot;
      } else {
        long slot = Math.max(0, highest - random.nextInt(20_000));
        array.remove(slot);
        reference.remove(slot);
      }
    }

    assertThat(array.size()).isEqualTo(reference.size());
    for (long slot = 0; slot <= highest; slot++) {
      assertThat(array.get(slot)).isEqualTo(reference.get(slot));
    }
  }
}
