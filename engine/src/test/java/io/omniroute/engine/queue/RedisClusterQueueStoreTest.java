package io.omniroute.engine.queue;

import io.omniroute.engine.queue.redis.RedisQueueStore;
import io.omniroute.engine.redis.RedisConnection;
import io.omniroute.engine.support.RedisForTests;
import java.time.Duration;
import java.util.UUID;

/**
 * The Redis store passes the store contract on a real Redis Cluster of three masters: every script
 * stays in one hash slot. (One partition here, because the contract picks its own contact ids;
 * {@link RedisPartitionedStoreTest} covers several partitions.)
 */
class RedisClusterQueueStoreTest extends QueueStoreContract {
  @Override
  protected QueueStore newStore() {
    return RedisQueueStore.open(RedisConnection.open(RedisForTests.clusterUrl(), Duration.ofSeconds(2)), "cluster-" + UUID.randomUUID(), 1, Duration.ofHours(1));
  }
}
