package io.omniroute.engine.queue;

import io.omniroute.engine.queue.redis.RedisQueueStore;
import io.omniroute.engine.redis.RedisConnection;
import io.omniroute.engine.support.RedisForTests;
import java.time.Duration;
import java.util.UUID;

/**
 * The Redis store passes the conversation contract over four partitions: the contract takes its
 * contact ids from {@link QueueStore#newContactId}, so conversations, their follow-ups, a
 * customer's conversations and thread keys spread over partitions.
 */
class RedisPartitionedConversationStoreTest extends ConversationStoreContract {
  @Override
  protected QueueStore newStore() {
    return RedisQueueStore.open(RedisConnection.open(RedisForTests.url(), Duration.ofSeconds(2)), "partitioned-conversations-" + UUID.randomUUID(), 4, Duration.ofHours(1));
  }
}
