package io.omniroute.engine.webhook;

import io.micrometer.core.instrument.MeterRegistry;
import io.omniroute.engine.contact.ContactEvents;
import io.omniroute.rules.directory.Directory;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;

/**
 * The webhooks of one engine, wired: reads the registered webhooks from the store, deploys the
 * {@link WebhookDispatcher}, subscribes the {@link WebhookPublisher} to the contact events, and
 * offers the {@link WebhookService} the API calls. Start it before the HTTP verticles; it stops
 * with the engine's Vert.x. Thread-safe.
 */
public final class Webhooks {
  private final WebhookService service;

  private Webhooks(WebhookService service) {
    this.service = service;
  }

  /** Starts delivering the events of {@code events} to the webhooks of {@code store}. */
  public static Future<Webhooks> start(
      Vertx vertx, WebhookStore store, WebhookOptions options, Directory directory, ContactEvents events,
      MeterRegistry meters, Clock clock) {
    WebhookRegistry registry = new WebhookRegistry(store);
    WebhookDispatcher dispatcher = new WebhookDispatcher(store, registry, options, new WebhookMetrics(meters), clock);
    return registry.refresh()
        .compose(loaded -> vertx.deployVerticle(dispatcher))
        .map(deployed -> {
          WebhookPublisher.subscribeTo(events, registry, dispatcher);
          return new Webhooks(new WebhookService(vertx, store, registry, directory,
              new WebhookAddresses(options.allowPrivateAddresses()), clock));
        });
  }

  public WebhookService service() {
    return service;
  }
}
