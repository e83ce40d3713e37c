package io.omniroute.engine.queue;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import io.omniroute.engine.queue.memory.MemoryQueueStore;
import io.omniroute.engine.redis.RedisConnection;
import io.omniroute.engine.queue.redis.RedisQueueStore;
import io.omniroute.engine.support.RedisForTests;
import io.omniroute.rules.Decision;
import io.omniroute.rules.model.Classification;
import io.omniroute.rules.model.Knowledge;
import io.omniroute.rules.model.Route;
import io.omniroute.rules.model.Urgency;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Redis store over several partitions (as on a Redis Cluster) behaves like the memory store:
 * the same contacts give the same serve order, queue statistics and due lists, and idempotency keys
 * hold across partitions. {@link OnACluster} runs the same on a real Redis Cluster.
 */
class RedisPartitionedStoreTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final String[] QUEUES = {"dealer:DE-MUC-001", "country:DE", "central"};

  private final RedisQueueStore redis = RedisQueueStore.open(RedisConnection.open(url(), Duration.ofSeconds(2)), "partitioned-" + UUID.randomUUID(), partitions(), Duration.ofHours(1));

  /** The Redis to test against. */
  String url() {
    return RedisForTests.url();
  }

  int partitions() {
    return 4;
  }

  /** The same on a Redis Cluster of three masters, with the cluster's default 16 partitions. */
  static class OnACluster extends RedisPartitionedStoreTest {
    @Override
    String url() {
      return RedisForTests.clusterUrl();
    }

    @Override
    int partitions() {
      return RedisQueueStore.CLUSTER_PARTITIONS;
    }
  }
  private final MemoryQueueStore memory = new MemoryQueueStore();

  @AfterEach
  void close() {
    redis.close();
  }

  @Test
  void servesInTheSameOrderAsTheMemoryStoreAcrossPartitions() {
    Random random = new Random(7);
    List<Integer> arrivals = new ArrayList<>();
    for (int second = 0; second < 600; second++) {
      arrivals.add(second);
    }
    Collections.shuffle(arrivals, random);
    // Distinct arrivals: across partitions, contacts of equal priority that arrive in the same
    // millisecond have no defined order (within a partition they keep their accept order).
    for (int i = 0; i < 120; i++) {
      String queue = QUEUES[random.nextInt(QUEUES.length)];
      int priority = 10 * (1 + random.nextInt(4));
      ContactRecord contact = contact(redis.newContactId(null), queue, priority, T0.plusSeconds(arrivals.get(i)));
      await(redis.accept(contact, null));
      await(memory.accept(contact, null));
    }

    assertThat(sortedStats(redis)).isEqualTo(sortedStats(memory));
    assertThat(ids(await(redis.dueForEscalation(T0.plusSeconds(400), 500))))
        .isEqualTo(ids(await(memory.dueForEscalation(T0.plusSeconds(400), 500))));
    for (String queue : QUEUES) {
      assertThat(ids(await(redis.waiting(queue, 7)))).isEqualTo(ids(await(memory.waiting(queue, 7))));
      List<String> fromRedis = new ArrayList<>();
      List<String> fromMemory = new ArrayList<>();
      for (Optional<ContactRecord> next; (next = await(redis.claim(queue, "a", T0.plusSeconds(900)))).isPresent(); ) {
        fromRedis.add(next.get().id());
      }
      for (Optional<ContactRecord> next; (next = await(memory.claim(queue, "a", T0.plusSeconds(900)))).isPresent(); ) {
        fromMemory.add(next.get().id());
      }
      assertThat(fromRedis).as(queue).isNotEmpty().isEqualTo(fromMemory);
    }
  }

  @Test
  void placesAContactWithItsIdempotencyKeySoARepeatFindsTheFirst() {
    for (int i = 0; i < 20; i++) {
      String key = "key-" + i;
      ContactRecord first = contact(redis.newContactId(key), QUEUES[0], 20, T0);
      ContactRecord repeat = contact(redis.newContactId(key), QUEUES[0], 20, T0);

      assertThat(await(redis.accept(first, key)).created()).isTrue();
      Accepted again = await(redis.accept(repeat, key));

      assertThat(again.created()).isFalse();
      assertThat(again.record()).isEqualTo(first);
      assertThat(await(redis.find(repeat.id()))).isEmpty();
    }
  }

  private static List<String> sortedStats(QueueStore store) {
    List<String> stats = new ArrayList<>();
    for (QueueStats s : await(store.queueStats())) {
      stats.add(s.queue() + " " + s.depth() + " " + s.oldestReceivedAt());
    }
    stats.sort(null);
    return stats;
  }

  private static List<String> ids(List<ContactRecord> records) {
    return records.stream().map(ContactRecord::id).toList();
  }

  private static ContactRecord contact(String id, String queue, int priority, Instant receivedAt) {
    Route route = switch (queue) {
      case "central" -> Route.central(priority);
      case "country:DE" -> Route.country("DE", priority);
      default -> Route.dealer("DE-MUC-001", priority);
    };
    Decision decision = new Decision(
        new Classification(Knowledge.SCHEME, Urgency.NORMAL, Classification.GENERAL_TOPIC),
        route, null, Duration.ofSeconds(300), List.of("partition-test"), "test-1", false);
    return ContactRecord.queued(id, receivedAt, ContactPayload.of(new JsonObject().put("channel", "chat")), "chat", "DE", decision);
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(5, SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
