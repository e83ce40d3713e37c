package io.omniroute.engine.queue.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SlotIndexTest {
  private final List<String> keysBySlot = new ArrayList<>();
  private final SlotIndex index = new SlotIndex((slot, key) -> key.equals(keysBySlot.get((int) slot)));

  @Test
  void behavesLikeAHashMapUnderRandomPutsAndRemoves() {
    Map<String, Long> reference = new HashMap<>();
    Random random = new Random(7);

    for (int i = 0; i < 200_000; i++) {
      String key = "k" + random.nextInt(50_000);
      if (random.nextInt(3) == 0) {
        reference.remove(key);
        index.remove(key);
      } else {
        long slot = slotFor(key);
        reference.put(key, slot);
        index.put(key, slot);
      }
      assertThat(index.size()).isEqualTo(reference.size());
    }
    reference.forEach((key, slot) -> assertThat(index.get(key)).as(key).isEqualTo(slot));
    assertThat(index.get("never-put")).isEqualTo(SlotIndex.ABSENT);
  }

  @Test
  void tellsApartKeysWithTheSameHashCode() {
    List<String> colliding = List.of("AaAaAa", "AaAaBB", "AaBBAa", "AaBBBB", "BBAaAa", "BBAaBB", "BBBBAa", "BBBBBB");
    assertThat(colliding).extracting(String::hashCode).containsOnly("AaAaAa".hashCode());
    colliding.forEach(key -> index.put(key, slotFor(key)));

    index.remove("AaBBAa");
    index.remove("AaAaAa");

    assertThat(index.get("AaBBAa")).isEqualTo(SlotIndex.ABSENT);
    assertThat(index.get("AaAaAa")).isEqualTo(SlotIndex.ABSENT);
    for (String key : List.of("AaAaBB", "AaBBBB", "BBAaAa", "BBAaBB", "BBBBAa", "BBBBBB")) {
      assertThat(keysBySlot.get((int) index.get(key))).isEqualTo(key);
    }
    assertThat(index.size()).isEqualTo(6);
  }

  @Test
  void replacesTheSlotOfAKeyPutAgain() {
    index.put("contact-1", slotFor("contact-1"));
    long second = slotFor("contact-1");

    index.put("contact-1", second);

    assertThat(index.get("contact-1")).isEqualTo(second);
    assertThat(index.size()).isEqualTo(1);
  }

  @Test
  void spreadsContactIdsSoThatNoGrowthStepCopiesMoreThanASmallShare() {
    int entries = 256_000;
    for (int i = 0; i < entries; i++) {
      String id = UUID.randomUUID().toString();
      index.put(id, slotFor(id));
    }

    assertThat(index.largestShard()).isLessThan(entries / SlotIndex.SHARDS * 3 / 2);
  }

  @Test
  void spreadsSequentialKeysToo() {
    int entries = 256_000;
    for (int i = 0; i < entries; i++) {
      String key = "contact-" + i;
      index.put(key, slotFor(key));
    }

    assertThat(index.largestShard()).isLessThan(entries / SlotIndex.SHARDS * 2);
  }

  private long slotFor(String key) {
    keysBySlot.add(key);
    return keysBySlot.size() - 1;
  }
}
