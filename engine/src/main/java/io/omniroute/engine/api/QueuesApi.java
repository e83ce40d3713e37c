package io.omniroute.engine.api;

import io.omniroute.engine.contact.ContactService;
import io.omniroute.engine.queue.QueueStats;
import io.omniroute.rules.model.Level;
import io.omniroute.rules.model.QueueNames;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Handlers for {@code /v1/queues}: every queue of the directory plus any queue the store holds,
 * one queue's waiting contacts, and claiming. Stateless, shared by verticles.
 */
public final class QueuesApi {
  static final int DEFAULT_LIMIT = 100;
  private final ContactService contacts;
  private final Clock clock;

  public QueuesApi(ContactService contacts, Clock clock) {
    this.contacts = contacts;
    this.clock = clock;
  }

  void list(RoutingContext ctx) {
    Instant now = clock.instant();
    contacts.queues()
        .onSuccess(all -> {
          JsonArray queues = new JsonArray();
          all.values().forEach(stats -> queues.add(summary(stats, now)));
          Responses.json(ctx, 200, new JsonObject().put("queues", queues));
        })
        .onFailure(ctx::fail);
  }

  void get(RoutingContext ctx) {
    int limit = RequestParameters.of(ctx).integer("limit").orElse(DEFAULT_LIMIT);
    Instant now = clock.instant();
    contacts.queue(ctx.pathParam("queue"), limit)
        .onSuccess(view -> {
          JsonArray waiting = new JsonArray();
          view.waiting().forEach(record -> waiting.add(
              ContactJson.waiting(record, now, view.customerNames().get(record.customer().id()))));
          Responses.json(ctx, 200, summary(view.stats(), now).put("contacts", waiting));
        })
        .onFailure(ctx::fail);
  }

  void claim(RoutingContext ctx) {
    contacts.claim(ctx.pathParam("queue"), ContractValidation.body(ctx).get("agent").asText())
        .onSuccess(claimed -> claimed.ifPresentOrElse(
            record -> Responses.json(ctx, 200, ContactJson.full(record)),
            () -> ctx.response().setStatusCode(204).end()))
        .onFailure(ctx::fail);
  }

  private static JsonObject summary(QueueStats stats, Instant now) {
    Level level = QueueNames.levelOf(stats.queue());
    long oldestWait =
        stats.oldestReceivedAt() == null ? 0 : Math.max(0, Duration.between(stats.oldestReceivedAt(), now).toSeconds());
    return new JsonObject()
        .put("queue", stats.queue())
        .put("level", level == null ? null : level.name())
        .put("depth", stats.depth())
        .put("oldestWaitSeconds", oldestWait);
  }
}
