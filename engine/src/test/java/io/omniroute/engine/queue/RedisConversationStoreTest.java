package io.omniroute.engine.queue;

import io.omniroute.engine.queue.redis.RedisQueueStore;
import io.omniroute.engine.redis.RedisConnection;
import io.omniroute.engine.support.RedisForTests;
import java.time.Duration;
import java.util.UUID;

/** The Redis store passes the conversation contract against a real Redis; each test in its own namespace. */
class RedisConversationStoreTest extends ConversationStoreContract {
  @Override
  protected QueueStore newStore() {
    return RedisQueueStore.open(RedisConnection.open(RedisForTests.url(), Duration.ofSeconds(2)), "conversations-" + UUID.randomUUID(), 1, Duration.ofHours(1));
  }
}
