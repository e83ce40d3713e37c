package io.omniroute.engine.support;

import io.omniroute.engine.Engine;
import io.omniroute.engine.StoreOptions;
import io.omniroute.engine.EngineOptions;
import io.omniroute.engine.auth.AccessTokens;
import io.omniroute.engine.queue.QueueStore;
import io.omniroute.engine.queue.memory.MemoryQueueStore;
import io.omniroute.engine.webhook.WebhookOptions;
import java.time.Clock;
import java.util.concurrent.TimeUnit;

/**
 * An engine in this JVM on an ephemeral loopback port (memory store unless given another, the demo
 * tokens unless the options name tokens), with a blocking HTTP client for tests that sends
 * {@code demo-admin}. Close it after the test. {@link #publish} hands the engine's subscribers a
 * contact event that no endpoint makes yet (offers).
 */
public final class RunningEngine extends EngineClient implements AutoCloseable {
  private final Engine engine;

  private RunningEngine(Engine engine) {
    this.engine = engine;
  }

  public static RunningEngine start() {
    return start(Clock.systemUTC());
  }

  public static RunningEngine start(Clock clock) {
    return start(testOptions(), clock);
  }

  public static RunningEngine start(EngineOptions options, Clock clock) {
    return start(options, new MemoryQueueStore(), clock);
  }

  /** An engine on loopback, ephemeral port, on the given store (closed with the engine). */
  public static RunningEngine start(QueueStore store) {
    return start(testOptions(), store, Clock.systemUTC());
  }

  /** Loopback, an ephemeral port, two event loops, the demo tokens, webhooks to loopback receivers allowed. */
  public static EngineOptions testOptions() {
    return EngineOptions.defaults().withHost("127.0.0.1").withPort(0).withInstances(2).withTokens(AccessTokens.demo())
        .withWebhooks(WebhookOptions.defaults().withAllowPrivateAddresses(true));
  }

  /** An engine with these options; without tokens in them, with the demo tokens. */
  public static RunningEngine start(EngineOptions options, QueueStore store, Clock clock) {
    return start(options, StoreOptions.Stores.inMemory(store), clock);
  }

  /** An engine with these options on these stores (closed with the engine). */
  public static RunningEngine start(EngineOptions options, StoreOptions.Stores stores, Clock clock) {
    if (options.tokens().isEmpty()) {
      options = options.withTokens(AccessTokens.demo());
    }
    try {
      Engine engine = Engine.start(options, stores, clock)
          .toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
      return new RunningEngine(engine);
    } catch (Exception e) {
      throw new IllegalStateException("engine did not start", e);
    }
  }

  public Engine engine() {
    return engine;
  }

  /** Publishes {@code event} to the engine's contact event subscribers, as the engine itself would. */
  public void publish(io.omniroute.engine.contact.ContactEvent event) {
    engine.events().publish(event);
  }

  @Override
  public int port() {
    return engine.port();
  }

  @Override
  public void close() {
    try {
      engine.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("engine did not stop", e);
    }
  }
}
