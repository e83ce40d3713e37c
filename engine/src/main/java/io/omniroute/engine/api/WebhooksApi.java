package io.omniroute.engine.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omniroute.engine.http.Callers;
import io.omniroute.engine.webhook.Delivery;
import io.omniroute.engine.webhook.WebhookJson;
import io.omniroute.engine.webhook.WebhookService;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Handlers for {@code /v1/webhooks}: register or replace, list, read, delete, and the dead letters
 * with their replay. Stateless, shared by verticles.
 */
public final class WebhooksApi {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final WebhookService webhooks;

  public WebhooksApi(WebhookService webhooks) {
    this.webhooks = webhooks;
  }

  void put(RoutingContext ctx) {
    webhooks.put(ctx.pathParam("webhookId"), ContractValidation.body(ctx), Callers.of(ctx))
        .onSuccess(saved -> Responses.json(ctx, saved.created() ? 201 : 200, json(WebhookJson.write(saved.webhook()))))
        .onFailure(ctx::fail);
  }

  void list(RoutingContext ctx) {
    webhooks.list(Callers.of(ctx))
        .onSuccess(all -> {
          ObjectNode body = JsonNodeFactory.instance.objectNode();
          ArrayNode list = body.putArray("webhooks");
          all.forEach(webhook -> list.add(WebhookJson.write(webhook)));
          Responses.json(ctx, 200, json(body));
        })
        .onFailure(ctx::fail);
  }

  void get(RoutingContext ctx) {
    webhooks.get(ctx.pathParam("webhookId"), Callers.of(ctx))
        .onSuccess(webhook -> Responses.json(ctx, 200, json(WebhookJson.write(webhook))))
        .onFailure(ctx::fail);
  }

  void delete(RoutingContext ctx) {
    webhooks.delete(ctx.pathParam("webhookId"), Callers.of(ctx))
        .onSuccess(deleted -> {
          if (!ctx.response().ended() && !ctx.response().closed()) {
            ctx.response().setStatusCode(204).end();
          }
        })
        .onFailure(ctx::fail);
  }

  void deadLetters(RoutingContext ctx) {
    int limit = RequestParameters.of(ctx).integer("limit").orElse(WebhookService.DEFAULT_DEAD_LETTER_LIMIT);
    webhooks.deadLetters(ctx.pathParam("webhookId"), limit, Callers.of(ctx))
        .onSuccess(dead -> {
          ObjectNode body = JsonNodeFactory.instance.objectNode().put("total", dead.total());
          ArrayNode list = body.putArray("deadLetters");
          dead.newest().forEach(delivery -> list.add(deadLetter(delivery)));
          Responses.json(ctx, 200, json(body));
        })
        .onFailure(ctx::fail);
  }

  void replay(RoutingContext ctx) {
    JsonNode body = ContractValidation.body(ctx);
    List<String> eventIds = new ArrayList<>();
    if (body != null) {
      body.path("eventIds").forEach(id -> eventIds.add(id.asText()));
    }
    webhooks.replay(ctx.pathParam("webhookId"), eventIds, Callers.of(ctx))
        .onSuccess(replayed -> {
          ObjectNode answer = JsonNodeFactory.instance.objectNode().put("replayed", replayed.replayed());
          replayed.notFound().forEach(answer.putArray("notFound")::add);
          if (!answer.has("notFound")) {
            answer.putArray("notFound");
          }
          Responses.json(ctx, 200, json(answer));
        })
        .onFailure(ctx::fail);
  }

  /** A dead letter as {@code GET .../dead-letters} shows it, with the event exactly as it was sent. */
  private static ObjectNode deadLetter(Delivery delivery) {
    ObjectNode json = JsonNodeFactory.instance.objectNode()
        .put("eventId", delivery.eventId()).put("type", delivery.type()).put("subject", delivery.subject())
        .put("enqueuedAt", delivery.createdAt().toString()).put("attempts", delivery.attempts());
    if (delivery.lastAttemptAt() != null) {
      json.put("lastAttemptAt", delivery.lastAttemptAt().toString());
    }
    if (delivery.lastError() != null) {
      json.put("lastError", delivery.lastError());
    }
    if (delivery.deadAt() != null) {
      json.put("deadAt", delivery.deadAt().toString());
    }
    try {
      json.set("event", JSON.readTree(delivery.event()));
    } catch (IOException e) {
      json.put("event", delivery.event());
    }
    return json;
  }

  private static Buffer json(JsonNode body) {
    return Buffer.buffer(body.toString());
  }
}
