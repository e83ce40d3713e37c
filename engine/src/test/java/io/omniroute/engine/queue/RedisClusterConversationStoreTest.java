package io.omniroute.engine.queue;

import io.omniroute.engine.queue.redis.RedisQueueStore;
import io.omniroute.engine.redis.RedisConnection;
import io.omniroute.engine.support.RedisForTests;
import java.time.Duration;
import java.util.UUID;

/**
 * The Redis store passes the conversation contract on a real Redis Cluster of three masters: every
 * script stays in one hash slot. {@link RedisPartitionedConversationStoreTest} covers several partitions.
 */
class RedisClusterConversationStoreTest extends ConversationStoreContract {
  @Override
  protected QueueStore newStore() {
    return RedisQueueStore.open(RedisConnection.open(RedisForTests.clusterUrl(), Duration.ofSeconds(2)), "cluster-conversations-" + UUID.randomUUID(), 1, Duration.ofHours(1));
  }
}
