package io.omniroute.engine.metrics;

import static io.omniroute.engine.queue.QueueStoreContract.at;
import static io.omniroute.engine.queue.QueueStoreContract.await;
import static io.omniroute.engine.queue.QueueStoreContract.failureOf;
import static io.omniroute.engine.queue.QueueStoreContract.queued;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.omniroute.engine.queue.ContactNotFoundException;
import io.omniroute.engine.StoreUnavailableException;
import io.omniroute.engine.queue.memory.MemoryQueueStore;
import io.omniroute.engine.queue.redis.RedisQueueStore;
import io.omniroute.engine.redis.RedisConnection;
import io.omniroute.engine.support.RedisForTests;
import io.omniroute.rules.model.Route;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import redis.embedded.RedisServer;

class MeasuredQueueStoreTest {
  private final MeterRegistry registry = new SimpleMeterRegistry();

  @Test
  void timesSuccessfulOperationsByOperation() {
    try (MeasuredQueueStore store = new MeasuredQueueStore(new MemoryQueueStore(), registry)) {
      await(store.accept(queued("c-1", Route.central(3), at(0)), "key-1"));
      await(store.claim("central", "eva", at(1)));
      await(store.claim("central", "eva", at(2)));

      assertThat(timer("accept", "success").count()).isEqualTo(1);
      assertThat(timer("claim", "success").count()).isEqualTo(2);
      assertThat(timer("claim", "success").totalTime(java.util.concurrent.TimeUnit.NANOSECONDS)).isPositive();
      assertThat(timer("complete", "success").count()).isZero();
    }
  }

  @Test
  void countsDomainAnswersAsRejectedNotAsErrors() {
    try (MeasuredQueueStore store = new MeasuredQueueStore(new MemoryQueueStore(), registry)) {
      assertThat(failureOf(store.complete("nobody", at(0)))).isInstanceOf(ContactNotFoundException.class);

      assertThat(timer("complete", "rejected").count()).isEqualTo(1);
      assertThat(errors("complete", "unavailable").count() + errors("complete", "failure").count()).isZero();
    }
  }

  @Test
  void countsAnUnreachableRedisAsUnavailable() throws Exception {
    int port = RedisForTests.freePort();
    RedisServer redis = RedisForTests.newServer(port);
    redis.start();
    MeasuredQueueStore store = new MeasuredQueueStore(
        RedisQueueStore.open(RedisConnection.open("redis://127.0.0.1:" + port, Duration.ofMillis(300)), "measured", 1, Duration.ofHours(1)),
        registry);
    try {
      await(store.ping());
      redis.stop();

      assertThat(failureOf(store.ping())).isInstanceOf(StoreUnavailableException.class);
      assertThat(errors("ping", "unavailable").count()).isEqualTo(1);
      assertThat(timer("ping", "error").count()).isEqualTo(1);
      assertThat(timer("ping", "success").count()).isEqualTo(1);
    } finally {
      store.close();
      redis.stop();
    }
  }

  private Timer timer(String operation, String outcome) {
    return registry.get("omniroute.store.operation.duration").tags("operation", operation, "outcome", outcome).timer();
  }

  private Counter errors(String operation, String error) {
    return registry.get("omniroute.store.errors").tags("operation", operation, "error", error).counter();
  }
}
