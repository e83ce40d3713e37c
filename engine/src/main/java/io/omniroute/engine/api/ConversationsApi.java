package io.omniroute.engine.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.omniroute.engine.conversation.ConversationService;
import io.omniroute.engine.http.Callers;
import io.vertx.ext.web.RoutingContext;

/** Handlers for {@code /v1/conversations}: read one, record an agent's answer. Stateless, shared by verticles. */
public final class ConversationsApi {
  private final ConversationService conversations;

  public ConversationsApi(ConversationService conversations) {
    this.conversations = conversations;
  }

  void get(RoutingContext ctx) {
    conversations.conversation(ctx.pathParam("conversationId"), Callers.of(ctx))
        .onSuccess(conversation -> Responses.json(ctx, 200, ConversationJson.full(conversation)))
        .onFailure(ctx::fail);
  }

  void answer(RoutingContext ctx) {
    JsonNode body = ContractValidation.body(ctx);
    conversations.answer(ctx.pathParam("conversationId"), body.get("agent").asText(), body.get("text").asText(), Callers.of(ctx))
        .onSuccess(conversation -> Responses.json(ctx, 201, ConversationJson.full(conversation)))
        .onFailure(ctx::fail);
  }
}
