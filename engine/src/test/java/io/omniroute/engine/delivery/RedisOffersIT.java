package io.omniroute.engine.delivery;

import io.omniroute.engine.EngineOptions;
import io.omniroute.engine.StoreOptions;
import io.omniroute.engine.customer.RedisCustomerStore;
import io.omniroute.engine.queue.redis.RedisQueueStore;
import io.omniroute.engine.redis.RedisConnection;
import io.omniroute.engine.rules.RedisRuleStore;
import io.omniroute.engine.support.RedisForTests;
import io.omniroute.engine.support.RunningEngine;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

/** Offers end to end on the Redis stores, each test in its own namespace. */
class RedisOffersIT extends OffersIT {
  @Override
  RunningEngine startEngine(EngineOptions options, Clock clock) {
    String namespace = "offers-" + UUID.randomUUID();
    RedisConnection connection = RedisConnection.open(RedisForTests.url(), Duration.ofSeconds(2));
    StoreOptions.Stores stores = new StoreOptions.Stores(RedisQueueStore.open(connection, namespace, 4, Duration.ofHours(1)),
        new RedisRuleStore(connection, namespace), RedisCustomerStore.open(connection, namespace),
        RedisAgentStore.open(connection, namespace));
    return RunningEngine.start(options, stores, clock);
  }
}
