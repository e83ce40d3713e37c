package io.omniroute.engine.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.omniroute.engine.customer.CustomerProfile;
import io.omniroute.engine.customer.CustomerProfiles;
import io.omniroute.engine.conversation.ConversationService;
import io.omniroute.engine.customer.CustomerService;
import io.omniroute.engine.customer.Identities;
import io.omniroute.engine.customer.Identity;
import io.omniroute.engine.http.Callers;
import io.omniroute.engine.http.Problem;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Optional;

/** Handlers for {@code /v1/customers}: create or replace, read, look up by identity, erase, import. Stateless, shared by verticles. */
public final class CustomersApi {
  private final CustomerService customers;
  private final ConversationService conversations;

  public CustomersApi(CustomerService customers, ConversationService conversations) {
    this.customers = customers;
    this.conversations = conversations;
  }

  void put(RoutingContext ctx) {
    JsonNode body = ContractValidation.body(ctx);
    customers.put(ctx.pathParam("customerId"), body, Callers.of(ctx))
        .onSuccess(saved -> Responses.json(ctx, saved.created() ? 201 : 200, json(saved.profile())))
        .onFailure(ctx::fail);
  }

  /** The profile with the customer's recent conversations, the most recently active first. */
  void get(RoutingContext ctx) {
    customers.get(ctx.pathParam("customerId"), Callers.of(ctx))
        .compose(profile -> conversations.ofCustomer(profile.id()).map(recent -> {
          JsonArray list = new JsonArray();
          recent.forEach(conversation -> list.add(ConversationJson.summary(conversation)));
          return new JsonObject(CustomerProfiles.write(profile).toString()).put("conversations", list);
        }))
        .onSuccess(view -> Responses.json(ctx, 200, view))
        .onFailure(ctx::fail);
  }

  void find(RoutingContext ctx) {
    RequestParameters params = RequestParameters.of(ctx);
    Optional<String> phone = params.text("phone");
    Optional<String> email = params.text("email");
    Optional<String> network = params.text("network");
    Optional<String> handle = params.text("handle");
    int given = (phone.isPresent() ? 1 : 0) + (email.isPresent() ? 1 : 0) + (network.isPresent() || handle.isPresent() ? 1 : 0);
    if (given != 1 || network.isPresent() != handle.isPresent()) {
      Problem.send(ctx, 400, "Invalid request",
          "Give exactly one identity: phone (with country for a national number), email, or network with handle.");
      return;
    }
    Identity identity;
    if (phone.isPresent()) {
      String e164 = Identities.phone(phone.get(), params.text("country").orElse(null));
      identity = e164 == null ? null : Identity.phone(e164);
    } else if (email.isPresent()) {
      String address = Identities.email(email.get());
      identity = address == null ? null : Identity.email(address);
    } else {
      String net = Identities.network(network.get());
      String name = Identities.handle(handle.get());
      identity = net == null || name == null ? null : Identity.handle(net, name);
    }
    if (identity == null) {
      Problem.send(ctx, 400, "Invalid request", "The identity is not valid: give a phone number as +<country code><number>"
          + " (or national with country), an email address such as anna@example.com, or a network and a handle.");
      return;
    }
    customers.find(identity, Callers.of(ctx))
        .onSuccess(profile -> Responses.json(ctx, 200, json(profile)))
        .onFailure(ctx::fail);
  }

  void erase(RoutingContext ctx) {
    customers.erase(ctx.pathParam("customerId"), Callers.of(ctx))
        .onSuccess(erased -> Responses.json(ctx, 200, new JsonObject()
            .put("id", erased.customerId()).put("erased", true).put("contacts", erased.contacts())))
        .onFailure(ctx::fail);
  }

  /**
   * Streams {@code POST /v1/customers/import}: JSON Lines or CSV, record by record, never the whole
   * body in memory; answers the report once the last row is stored or rejected.
   */
  void importCustomers(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    Optional<String> refused = ImportStream.mediaTypeProblem(request.getHeader(HttpHeaders.CONTENT_TYPE),
        request.getHeader(HttpHeaders.CONTENT_ENCODING));
    if (refused.isPresent()) {
      ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
      Problem.send(ctx, 415, "Unsupported media type", refused.get());
      return;
    }
    new ImportStream(ctx, customers, Callers.of(ctx)).start();
  }

  private static Buffer json(CustomerProfile profile) {
    return Buffer.buffer(CustomerProfiles.write(profile).toString());
  }
}
