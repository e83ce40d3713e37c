package io.omniroute.engine.queue.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ShardedHashMapTest {

  @Test
  void behavesLikeAHashMapUnderRandomPutsAndRemoves() {
    ShardedHashMap<String, Integer> sharded = new ShardedHashMap<>();
    Map<String, Integer> reference = new HashMap<>();
    Random random = new Random(7);

    for (int i = 0; i < 200_000; i++) {
      String key = "k" + random.nextInt(50_000);
      if (random.nextInt(3) == 0) {
        assertThat(sharded.remove(key)).isEqualTo(reference.remove(key));
      } else {
        assertThat(sharded.put(key, i)).isEqualTo(reference.put(key, i));
      }
      assertThat(sharded.size()).isEqualTo(reference.size());
    }
    reference.forEach((key, value) -> assertThat(sharded.get(key)).isEqualTo(value));
    assertThat(sharded.get("never-put")).isNull();
  }

  @Test
  void spreadsContactIdsSoThatNoGrowthStepCopiesMoreThanASmallShare() {
    ShardedHashMap<String, String> sharded = new ShardedHashMap<>();
    int entries = 256_000;
    for (int i = 0; i < entries; i++) {
      String id = UUID.randomUUID().toString();
      sharded.put(id, id);
    }

    int average = entries / ShardedHashMap.SHARDS;
    assertThat(sharded.largestShard()).isLessThan(average * 3 / 2);
  }

  @Test
  void spreadsSequentialKeysToo() {
    ShardedHashMap<String, Integer> sharded = new ShardedHashMap<>();
    int entries = 256_000;
    for (int i = 0; i < entries; i++) {
      sharded.put("contact-" + i, i);
    }

    assertThat(sharded.largestShard()).isLessThan(entries / ShardedHashMap.SHARDS * 2);
  }
}
