package io.omniroute.engine.api;

import io.omniroute.engine.auth.AccessDecision;
import io.omniroute.engine.auth.Authorizer;
import io.omniroute.engine.auth.Principal;
import io.omniroute.engine.intake.IntakeService;
import io.omniroute.engine.metrics.EngineMetrics;
import io.omniroute.engine.queue.ContactNotFoundException;
import io.omniroute.engine.queue.ContactRecord;
import io.omniroute.engine.queue.QueueStore;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Instant;
import java.util.function.BiFunction;

/** Handlers for {@code /v1/contacts}: intake, lookup, complete, abandon. Stateless, shared by verticles. */
public final class ContactsApi {
  static final String IDEMPOTENCY_KEY = "Idempotency-Key";
  private final IntakeService intake;
  private final QueueStore store;
  private final EngineMetrics metrics;
  private final Clock clock;

  public ContactsApi(IntakeService intake, QueueStore store, EngineMetrics metrics, Clock clock) {
    this.intake = intake;
    this.store = store;
    this.metrics = metrics;
    this.clock = clock;
  }

  void create(RoutingContext ctx) {
    intake.submit(ContractValidation.body(ctx), Principal.of(ctx).name(), ctx.request().getHeader(IDEMPOTENCY_KEY))
        .onSuccess(accepted -> Responses.json(ctx, accepted.created() ? 201 : 200, ContactJson.decision(accepted.record())))
        .onFailure(ctx::fail);
  }

  void get(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    store.find(id)
        .onSuccess(found -> found.ifPresentOrElse(
            record -> Responses.json(ctx, 200, ContactJson.full(record)),
            () -> Problem.send(ctx, 404, "Contact not found", "No contact with id '" + id + "': check the id returned by POST /v1/contacts.")))
        .onFailure(ctx::fail);
  }

  /**
   * A dealer may complete only contacts in its own queue, and learns nothing about the others: one
   * that is not its own is answered exactly as an unknown id. The others the policy allows outright.
   */
  void complete(RoutingContext ctx) {
    if (Authorizer.decision(ctx) == AccessDecision.ALLOW) {
      transition(ctx, store::complete, "completed");
      return;
    }
    String id = ctx.pathParam("id");
    store.find(id)
        .onSuccess(found -> {
          if (found.isPresent() && Authorizer.mayActOnContactIn(ctx, found.get().route().queue())) {
            transition(ctx, store::complete, "completed");
          } else {
            ctx.fail(new ContactNotFoundException(id));
          }
        })
        .onFailure(ctx::fail);
  }

  void abandon(RoutingContext ctx) {
    transition(ctx, store::abandon, "abandoned");
  }

  private void transition(RoutingContext ctx, BiFunction<String, Instant, Future<ContactRecord>> step, String outcome) {
    step.apply(ctx.pathParam("id"), clock.instant())
        .onSuccess(record -> {
          metrics.finished(outcome);
          Responses.json(ctx, 200, ContactJson.full(record));
        })
        .onFailure(ctx::fail);
  }
}
