package io.omniroute.engine;

import io.omniroute.engine.api.ApiRouter.OpenApiDocument;
import io.omniroute.engine.api.ContactsApi;
import io.omniroute.engine.api.OpsApi;
import io.omniroute.engine.api.QueuesApi;
import io.omniroute.engine.escalation.EscalationScheduler;
import io.omniroute.engine.intake.IntakeService;
import io.omniroute.engine.metrics.EngineMetrics;
import io.omniroute.engine.metrics.MeasuredQueueStore;
import io.omniroute.engine.queue.QueueStore;
import io.omniroute.engine.queue.memory.MemoryQueueStore;
import io.omniroute.rules.RuleSet;
import io.omniroute.rules.directory.Directory;
import io.omniroute.rules.directory.DirectoryLoader;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A running engine: loads the directory and compiles the rules (on a worker thread), then
 * deploys the HTTP verticles and the escalation timer.
 *
 * <p>Start with {@link #start}; {@link #close()} stops the server, the timer and the store. The
 * engine owns its {@link Vertx} instance. Thread-safe.
 */
public final class Engine {
  private final Vertx vertx;
  private final QueueStore store;
  private final EngineMetrics metrics;
  private final EscalationScheduler escalation;
  private final int port;

  private Engine(Vertx vertx, QueueStore store, EngineMetrics metrics, EscalationScheduler escalation, int port) {
    this.vertx = vertx;
    this.store = store;
    this.metrics = metrics;
    this.escalation = escalation;
    this.port = port;
  }

  /** Starts an engine with the memory store and the system clock. */
  public static Future<Engine> start(EngineOptions options) {
    return start(options, new MemoryQueueStore(), Clock.systemUTC());
  }

  /**
   * Starts an engine on the given store and clock. Fails with the directory's or the rules'
   * message when either cannot be loaded; nothing keeps running then.
   */
  public static Future<Engine> start(EngineOptions options, QueueStore unmeasuredStore, Clock clock) {
    Vertx vertx = Vertx.vertx();
    EngineMetrics metrics = new EngineMetrics();
    QueueStore store = new MeasuredQueueStore(unmeasuredStore, metrics.registry());
    EscalationScheduler escalation = new EscalationScheduler(store, metrics, clock);
    AtomicReference<HttpVerticle> first = new AtomicReference<>();
    Future<Engine> started = vertx.executeBlocking(() -> new Loaded(loadDirectory(options), RuleSet.defaultPolicy()), false)
        .compose(loaded -> OpenApiDocument.load(vertx).compose(document -> {
          loaded.directory().queues().keySet().forEach(metrics::knownQueue);
          IntakeService intake =
              new IntakeService(store, loaded.rules(), loaded.directory(), options.serviceLevels(), metrics, clock);
          ContactsApi contacts = new ContactsApi(intake, store, metrics, clock);
          QueuesApi queues = new QueuesApi(store, loaded.directory(), metrics, clock);
          OpsApi ops = new OpsApi(store, metrics, clock);
          return vertx.deployVerticle(() -> {
            HttpVerticle verticle = new HttpVerticle(options, document, contacts, queues, ops);
            first.compareAndSet(null, verticle);
            return verticle;
          }, new DeploymentOptions().setInstances(options.instances()));
        }))
        .map(deployment -> {
          vertx.setPeriodic(options.escalationInterval().toMillis(), id -> escalation.runOnce());
          return new Engine(vertx, store, metrics, escalation, first.get().actualPort());
        });
    return started.onFailure(failure -> vertx.close().onComplete(closed -> store.close()));
  }

  private static Directory loadDirectory(EngineOptions options) {
    return options.directory() == null ? DirectoryLoader.bundledSample() : DirectoryLoader.load(options.directory());
  }

  private record Loaded(Directory directory, RuleSet rules) {}

  /** The port the HTTP server listens on. */
  public int port() {
    return port;
  }

  public EngineMetrics metrics() {
    return metrics;
  }

  public QueueStore store() {
    return store;
  }

  /** The escalation pass the timer runs; tests call it directly with their own clock. */
  public EscalationScheduler escalation() {
    return escalation;
  }

  /** Stops the server and the timer, then closes the store. */
  public Future<Void> close() {
    return vertx.close().onComplete(done -> store.close());
  }
}
