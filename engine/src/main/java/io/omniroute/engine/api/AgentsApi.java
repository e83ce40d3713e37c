package io.omniroute.engine.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omniroute.engine.delivery.AgentProfiles;
import io.omniroute.engine.delivery.AgentService;
import io.omniroute.engine.http.Callers;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;

/** Handlers for {@code /v1/agents}: register or replace, list, read, set presence. Stateless, shared by verticles. */
public final class AgentsApi {
  private final AgentService agents;

  public AgentsApi(AgentService agents) {
    this.agents = agents;
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
