package io.omniroute.engine.api;

import io.omniroute.engine.metrics.EngineMetrics;
import io.omniroute.engine.queue.ContactRecord;
import io.omniroute.engine.queue.QueueStats;
import io.omniroute.engine.queue.QueueStore;
import io.omniroute.rules.directory.Directory;
import io.omniroute.rules.model.Level;
import io.omniroute.rules.model.QueueNames;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Handlers for {@code /v1/queues}: every queue of the directory plus any queue the store holds,
 * one queue's waiting contacts, and claiming. Stateless, shared by verticles.
 */
public final class QueuesApi {
  static final int DEFAULT_LIMIT = 100;
  private final QueueStore store;
  private final Directory directory;
  private final EngineMetrics metrics;
  private final Clock clock;

  public QueuesApi(QueueStore store, Directory directory, EngineMetrics metrics, Clock clock) {
    this.store = store;
    this.directory = directory;
    this.metrics = metrics;
    this.clock = clock;
  }

  void list(RoutingContext ctx) {
    Instant now = clock.instant();
    store.queueStats()
        .onSuccess(stats -> {
          JsonArray queues = new JsonArray();
          allQueues(stats).forEach((name, stat) -> queues.add(summary(name, stat, now)));
          Responses.json(ctx, 200, new JsonObject().put("queues", queues));
        })
        .onFailure(ctx::fail);
  }

  void get(RoutingContext ctx) {
    String queue = ctx.pathParam("queue");
    int limit = RequestParameters.of(ctx).integer("limit").orElse(DEFAULT_LIMIT);
    Instant now = clock.instant();
    store.queueStats()
        .compose(stats -> {
          QueueStats stat = allQueues(stats).get(queue);
          if (stat == null) {
            unknownQueue(ctx, queue);
            return Future.succeededFuture();
          }
          return store.waiting(queue, limit).map(waiting -> {
            JsonArray contacts = new JsonArray();
            waiting.forEach(record -> contacts.add(ContactJson.waiting(record, now)));
            Responses.json(ctx, 200, summary(queue, stat, now).put("contacts", contacts));
            return null;
          });
        })
        .onFailure(ctx::fail);
  }

  void claim(RoutingContext ctx) {
    String queue = ctx.pathParam("queue");
    String agent = ContractValidation.body(ctx).get("agent").asText();
    Instant now = clock.instant();
    isKnown(queue)
        .compose(known -> known ? store.claim(queue, agent, now) : Future.succeededFuture(null))
        .onSuccess((Optional<ContactRecord> claimed) -> {
          if (claimed == null) {
            unknownQueue(ctx, queue);
            return;
          }
          if (claimed.isEmpty()) {
            ctx.response().setStatusCode(204).end();
            return;
          }
          ContactRecord record = claimed.get();
          metrics.claimed(record.route().level(), Duration.between(record.receivedAt(), now));
          Responses.json(ctx, 200, ContactJson.full(record));
        })
        .onFailure(ctx::fail);
  }

  private Future<Boolean> isKnown(String queue) {
    if (directory.queues().containsKey(queue)) {
      return Future.succeededFuture(true);
    }
    return store.queueStats().map(stats -> stats.stream().anyMatch(stat -> stat.queue().equals(queue)));
  }

  private Map<String, QueueStats> allQueues(List<QueueStats> stored) {
    Map<String, QueueStats> all = new LinkedHashMap<>();
    directory.queues().keySet().forEach(name -> all.put(name, new QueueStats(name, 0, null)));
    stored.forEach(stat -> all.put(stat.queue(), stat));
    return all;
  }

  private static JsonObject summary(String name, QueueStats stat, Instant now) {
    Level level = QueueNames.levelOf(name);
    long oldestWait =
        stat.oldestReceivedAt() == null ? 0 : Math.max(0, Duration.between(stat.oldestReceivedAt(), now).toSeconds());
    return new JsonObject()
        .put("queue", name)
        .put("level", level == null ? null : level.name())
        .put("depth", stat.depth())
        .put("oldestWaitSeconds", oldestWait);
  }

  private static void unknownQueue(RoutingContext ctx, String queue) {
    Problem.send(ctx, 404, "Queue not found",
        "No queue named '" + queue + "': use central, country:<CC>, expert:<team> or dealer:<id> as listed by GET /v1/queues.");
  }
}
