package io.omniroute.engine.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omniroute.engine.delivery.AgentProfiles;
import io.omniroute.engine.delivery.AgentService;
import io.omniroute.engine.delivery.OfferService;
import io.omniroute.engine.http.Callers;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;

/**
 * Handlers for {@code /v1/agents} (register or replace, list, read, set presence) and for answering
 * offers ({@code /v1/offers/{id}/accept}, {@code .../reject}). Stateless, shared by verticles.
 */
public final class AgentsApi {
  private final AgentService agents;
  private final OfferService offers;

  public AgentsApi(AgentService agents, OfferService offers) {
    this.agents = agents;
    this.offers = offers;
  }

  void acceptOffer(RoutingContext ctx) {
    offers.accept(ctx.pathParam("offerId"), Callers.of(ctx))
        .onSuccess(contact -> Responses.json(ctx, 200, ContactJson.full(contact)))
        .onFailure(ctx::fail);
  }

  void rejectOffer(RoutingContext ctx) {
    JsonNode body = ContractValidation.body(ctx);
    JsonNode reason = body == null ? null : body.get("reason");
    offers.reject(ctx.pathParam("offerId"), reason == null || !reason.isTextual() ? null : reason.asText(), Callers.of(ctx))
        .onSuccess(contact -> Responses.json(ctx, 200, ContactJson.full(contact)))
        .onFailure(ctx::fail);
  }

  void put(RoutingContext ctx) {
    agents.put(ctx.pathParam("agentId"), ContractValidation.body(ctx), Callers.of(ctx))
        .onSuccess(saved -> Responses.json(ctx, saved.created() ? 201 : 200, json(AgentProfiles.write(saved.agent()))))
        .onFailure(ctx::fail);
  }

  void list(RoutingContext ctx) {
    agents.list(Callers.of(ctx))
        .onSuccess(all -> {
          ObjectNode body = JsonNodeFactory.instance.objectNode();
          ArrayNode list = body.putArray("agents");
          all.forEach(agent -> list.add(AgentProfiles.write(agent)));
          Responses.json(ctx, 200, json(body));
        })
        .onFailure(ctx::fail);
  }

  void get(RoutingContext ctx) {
    agents.get(ctx.pathParam("agentId"), Callers.of(ctx))
        .onSuccess(agent -> Responses.json(ctx, 200, json(AgentProfiles.write(agent))))
        .onFailure(ctx::fail);
  }

  void setPresence(RoutingContext ctx) {
    JsonNode presence = ContractValidation.body(ctx).path("presence");
    agents.setPresence(ctx.pathParam("agentId"), presence.isTextual() ? presence.asText() : null, Callers.of(ctx))
        .onSuccess(agent -> Responses.json(ctx, 200, json(AgentProfiles.write(agent))))
        .onFailure(ctx::fail);
  }

  private static Buffer json(JsonNode body) {
    return Buffer.buffer(body.toString());
  }
}
