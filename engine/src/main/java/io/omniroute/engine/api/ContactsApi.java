package io.omniroute.engine.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.omniroute.engine.contact.ContactService;
import io.omniroute.engine.http.Callers;
import io.omniroute.engine.http.Problem;
import io.omniroute.engine.queue.ContactRecord;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;

/** Handlers for {@code /v1/contacts}: intake, lookup, complete, abandon, transfer. Stateless, shared by verticles. */
public final class ContactsApi {
  static final String IDEMPOTENCY_KEY = "Idempotency-Key";
  private final ContactService contacts;

  public ContactsApi(ContactService contacts) {
    this.contacts = contacts;
  }

  void create(RoutingContext ctx) {
    contacts.submit(ContractValidation.body(ctx), Callers.of(ctx), ctx.request().getHeader(IDEMPOTENCY_KEY))
        .onSuccess(accepted -> Responses.json(ctx, accepted.created() ? 201 : 200,
            ContactJson.accepted(accepted.record(), accepted.carrier())))
        .onFailure(ctx::fail);
  }

  void get(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    contacts.find(id, Callers.of(ctx))
        .onSuccess(found -> found.ifPresentOrElse(
            record -> Responses.json(ctx, 200, ContactJson.full(record)),
            () -> Problem.send(ctx, 404, "Contact not found", "No contact with id '" + id + "': check the id returned by POST /v1/contacts.")))
        .onFailure(ctx::fail);
  }

  /** A dealer may complete only contacts in its own queue; any other is answered as an unknown id. */
  void complete(RoutingContext ctx) {
    answer(ctx, contacts.complete(ctx.pathParam("id"), Callers.of(ctx)));
  }

  void abandon(RoutingContext ctx) {
    answer(ctx, contacts.abandon(ctx.pathParam("id"), Callers.of(ctx)));
  }

  /** A dealer may transfer only contacts in its own queue; any other is answered as an unknown id. */
  void transfer(RoutingContext ctx) {
    JsonNode body = ContractValidation.body(ctx);
    JsonNode reason = body.get("reason");
    answer(ctx, contacts.transfer(ctx.pathParam("id"), body.get("queue").asText(),
        reason == null ? null : reason.asText(), Callers.of(ctx)));
  }

  private static void answer(RoutingContext ctx, Future<ContactRecord> finished) {
    finished.onSuccess(record -> Responses.json(ctx, 200, ContactJson.full(record))).onFailure(ctx::fail);
  }
}
