package io.omniroute.engine.contact;

import io.omniroute.engine.queue.redis.RedisQueueStore;
import io.omniroute.engine.redis.RedisConnection;
import io.omniroute.engine.support.RedisForTests;
import io.omniroute.engine.support.RunningEngine;
import java.time.Duration;
import java.util.UUID;

/** {@link IdempotencyContract} on the Redis store, each test in a namespace of its own. */
class RedisIdempotencyIT extends IdempotencyContract {
  @Override
  protected RunningEngine startEngine() {
    return RunningEngine.start(RedisQueueStore.open(RedisConnection.open(RedisForTests.url(), Duration.ofSeconds(2)), "idempotency-it-" + UUID.randomUUID(), 1, Duration.ofHours(1)));
  }
}
