package io.omniroute.engine.api;

import io.omniroute.engine.http.Problem;
import io.omniroute.engine.metrics.EngineMetrics;
import io.omniroute.engine.contact.ContactService;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;

/** Handlers for {@code /metrics}, {@code /health/live} and {@code /health/ready}. Stateless. */
public final class OpsApi {
  private final ContactService contacts;
  private final EngineMetrics metrics;
  private final Clock clock;

  public OpsApi(ContactService contacts, EngineMetrics metrics, Clock clock) {
    this.contacts = contacts;
    this.metrics = metrics;
    this.clock = clock;
  }

  void live(RoutingContext ctx) {
    Responses.json(ctx, 200, new JsonObject().put("status", "UP"));
  }

  /** Ready when the store answers; the rules are compiled before the server starts listening. */
  void ready(RoutingContext ctx) {
    contacts.ping()
        .onSuccess(ok -> Responses.json(ctx, 200, new JsonObject().put("status", "UP").put("store", "UP").put("rules", "UP")))
        .onFailure(e -> Problem.send(ctx, 503, "Not ready", "The store is not reachable: " + e.getMessage()));
  }

  /** Refreshes the queue gauges from the store, then answers the Prometheus text. */
  void metrics(RoutingContext ctx) {
    contacts.queues()
        .onComplete(stats -> {
          if (stats.succeeded()) {
            metrics.queueSnapshot(stats.result().values(), clock.instant());
          }
          ctx.response()
              .putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
              .end(metrics.scrape());
        });
  }
}
