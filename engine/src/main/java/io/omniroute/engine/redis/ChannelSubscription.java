package io.omniroute.engine.redis;

import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One Redis pub/sub channel this node listens on: each message goes to a consumer, and when the
 * subscription is made again after its connection was lost (messages may have been missed
 * meanwhile) a second callback runs, so the listener can read again what it may have missed.
 * Opened subscribed (waits up to 5 s); the callbacks run on Lettuce's threads. Close it once.
 */
public final class ChannelSubscription implements AutoCloseable {
  private final StatefulRedisPubSubConnection<String, String> subscription;

  private ChannelSubscription(StatefulRedisPubSubConnection<String, String> subscription) {
    this.subscription = subscription;
  }

  /**
   * Subscribes to {@code channel} on a pub/sub connection of {@code connection}.
   *
   * @throws IllegalStateException when the subscription is not made within 5 s
   */
  public static ChannelSubscription open(
      RedisConnection connection, String channel, Consumer<String> messages, Runnable resubscribed) {
    StatefulRedisPubSubConnection<String, String> subscription = connection.openPubSub();
    AtomicBoolean subscribedOnce = new AtomicBoolean();
    subscription.addListener(new RedisPubSubAdapter<>() {
      @Override
      public void message(String from, String message) {
        messages.accept(message);
      }

      @Override
      public void subscribed(String to, long count) {
        if (subscribedOnce.getAndSet(true)) {
          resubscribed.run();
        }
      }
    });
    try {
      subscription.async().subscribe(channel).get(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      subscription.close();
      throw new IllegalStateException("cannot subscribe to " + channel + ": " + e.getMessage(), e);
    }
    return new ChannelSubscription(subscription);
  }

  @Override
  public void close() {
    subscription.close();
  }
}
