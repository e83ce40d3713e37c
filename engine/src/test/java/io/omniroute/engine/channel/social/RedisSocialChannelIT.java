package io.omniroute.engine.channel.social;

import io.omniroute.engine.StoreOptions;
import io.omniroute.engine.customer.RedisCustomerStore;
import io.omniroute.engine.delivery.RedisAgentStore;
import io.omniroute.engine.queue.redis.RedisQueueStore;
import io.omniroute.engine.redis.RedisConnection;
import io.omniroute.engine.rules.RedisRuleStore;
import io.omniroute.engine.stream.RedisEventStreams;
import io.omniroute.engine.support.RedisForTests;
import io.omniroute.engine.support.RunningEngine;
import io.omniroute.engine.webhook.RedisWebhookStore;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

/** The social media channel end to end on the Redis stores, each test in its own namespace. */
class RedisSocialChannelIT extends SocialChannelIT {
  @Override
  RunningEngine startEngine() {
    String namespace = "social-" + UUID.randomUUID();
    RedisConnection connection = RedisConnection.open(RedisForTests.url(), Duration.ofSeconds(2));
    StoreOptions.Stores stores = new StoreOptions.Stores(RedisQueueStore.open(connection, namespace, 1, Duration.ofHours(1)),
        new RedisRuleStore(connection, namespace), RedisCustomerStore.open(connection, namespace),
        RedisAgentStore.open(connection, namespace), RedisWebhookStore.open(connection, namespace),
        RedisEventStreams.open(RedisForTests.url(), Duration.ofSeconds(5), namespace))
        .withSocial(SocialStores.redis(connection, namespace));
    return RunningEngine.start(RunningEngine.testOptions(), stores, Clock.systemUTC());
  }
}
