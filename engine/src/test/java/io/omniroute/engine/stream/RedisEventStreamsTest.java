package io.omniroute.engine.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.omniroute.engine.redis.RedisConnection;
import io.omniroute.engine.support.RedisForTests;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import io.lettuce.core.KillArgs;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The Redis streams pass the event streams contract against a real Redis, each test in its own
 * namespace; an event appended on one node reaches the live listener of another node, and each
 * stream is one key with a hash tag of its own.
 */
class RedisEventStreamsTest extends EventStreamsContract {
  private String namespace;

  protected String url() {
    return RedisForTests.url();
  }

  @Override
  protected EventStreams newStreams() {
    namespace = "test-" + UUID.randomUUID();
    return RedisEventStreams.open(url(), Duration.ofSeconds(5), namespace);
  }

  @Test
  void anEventAppendedOnOneNodeReachesTheOtherNodesLiveListener() throws InterruptedException {
    Recording otherNode = new Recording();
    try (RedisEventStreams other = RedisEventStreams.open(url(), Duration.ofSeconds(5), namespace)) {
      other.deliverTo(otherNode);

      StreamEvent appended = await(streams.append("agent:sepp", "offer.offered", "{\"offerId\":\"o-1\"}", ONE_HOUR));

      otherNode.awaitCount(1);
      assertThat(otherNode.of("agent:sepp")).containsExactly(appended);
      assertThat(await(other.after("agent:sepp", appended.id(), 10))).isEqualTo(new Replay.Events(List.of()));
    }
  }

  @Test
  void aSubscriptionThatWasLostAndIsBackTellsTheListenersThatTheyMayHaveMissedEvents() throws Exception {
    Assumptions.assumeFalse(url().startsWith(RedisConnection.CLUSTER_SCHEME), "CLIENT KILL reaches one node of a cluster");
    Recording listener = new Recording();
    streams.deliverTo(listener);

    try (RedisConnection admin = RedisConnection.open(url(), Duration.ofSeconds(5))) {
      admin.commands().clientKill(KillArgs.Builder.typePubsub()).get(5, TimeUnit.SECONDS);
    }

    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (listener.gaps() == 0 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(listener.gaps()).isPositive();
    StreamEvent after = await(streams.append("agent:sepp", "offer.offered", "{}", ONE_HOUR));
    listener.awaitCount(1);
    assertThat(listener.of("agent:sepp")).containsExactly(after);
  }

  @Test
  void keepsEachStreamUnderAHashTagOfItsOwn() throws Exception {
    await(streams.append("agent:sepp", "offer.offered", "{}", ONE_HOUR));
    await(streams.append("queue:dealer:DE-MUC-001", "contact.queued", "{}", ONE_HOUR));

    try (RedisConnection connection = RedisConnection.open(url(), Duration.ofSeconds(5))) {
      List<String> keys = connection.commands().keys("*" + namespace + "*").get(5, TimeUnit.SECONDS);
      assertThat(keys).containsExactlyInAnyOrder(
          namespace + ":events:{agent:sepp}", namespace + ":events:{queue:dealer:DE-MUC-001}");
    }
  }
}
