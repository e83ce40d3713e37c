package io.omniroute.engine.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omniroute.engine.channel.social.PartnerChannelJson;
import io.omniroute.engine.channel.social.PartnerChannelService;
import io.omniroute.engine.http.Callers;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;

/**
 * Handlers for {@code /v1/partner-channels}: register or replace, list, read, delete a dealer's
 * page, blog or account on a social network. Stateless, shared by verticles.
 */
public final class PartnerChannelsApi {
  private final PartnerChannelService channels;

  public PartnerChannelsApi(PartnerChannelService channels) {
    this.channels = channels;
  }

  void put(RoutingContext ctx) {
    channels.put(ctx.pathParam("partnerChannelId"), ContractValidation.body(ctx), Callers.of(ctx))
        .onSuccess(saved -> Responses.json(ctx, saved.created() ? 201 : 200,
            Buffer.buffer(PartnerChannelJson.write(saved.channel()).toString())))
        .onFailure(ctx::fail);
  }

  void list(RoutingContext ctx) {
    channels.list(Callers.of(ctx))
        .onSuccess(all -> {
          ObjectNode body = JsonNodeFactory.instance.objectNode();
          ArrayNode list = body.putArray("partnerChannels");
          all.forEach(channel -> list.add(PartnerChannelJson.write(channel)));
          Responses.json(ctx, 200, Buffer.buffer(body.toString()));
        })
        .onFailure(ctx::fail);
  }

  void get(RoutingContext ctx) {
    channels.get(ctx.pathParam("partnerChannelId"), Callers.of(ctx))
        .onSuccess(channel -> Responses.json(ctx, 200, Buffer.buffer(PartnerChannelJson.write(channel).toString())))
        .onFailure(ctx::fail);
  }

  void delete(RoutingContext ctx) {
    channels.delete(ctx.pathParam("partnerChannelId"), Callers.of(ctx))
        .onSuccess(deleted -> {
          if (!ctx.response().ended() && !ctx.response().closed()) {
            ctx.response().setStatusCode(204).end();
          }
        })
        .onFailure(ctx::fail);
  }
}
