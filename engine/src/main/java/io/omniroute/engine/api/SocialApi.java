package io.omniroute.engine.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.omniroute.adapters.social.SocialPost;
import io.omniroute.engine.Caller;
import io.omniroute.engine.channel.social.SocialPosts;
import io.omniroute.engine.http.Callers;
import io.omniroute.engine.http.Problem;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * The handler of {@code POST /v1/channels/social/{network}}: a post, comment or message of a
 * social network (Mastodon's own format, or the generic one) becomes a contact, answered as
 * {@code POST /v1/contacts} answers (201, or 200 with the first answer for a post sent again); an
 * edit or deletion is answered 200 with the contact whose history now has it, or 202 when the post
 * is no contact here (nothing recorded). The post is read (its HTML made plain text) on a worker
 * thread. When the channel is switched off, every request is answered 404. Stateless, shared by
 * verticles.
 */
public final class SocialApi {
  private final SocialPosts posts;
  private final boolean enabled;

  public SocialApi(SocialPosts posts, boolean enabled) {
    this.posts = posts;
    this.enabled = enabled;
  }

  void receive(RoutingContext ctx) {
    if (!enabled) {
      Problem.send(ctx, 404, "Channel switched off", "The social media channel is switched off in this engine's"
          + " config (channels.social.enabled: false); nothing was stored.");
      return;
    }
    String network = ctx.pathParam("network");
    JsonNode body = ContractValidation.body(ctx);
    Caller caller = Callers.of(ctx);
    ctx.vertx().<SocialPost>executeBlocking(() -> SocialPost.parse(network, body), false)
        .compose(post -> posts.receive(post, caller))
        .onSuccess(outcome -> answer(ctx, outcome))
        .onFailure(ctx::fail);
  }

  private static void answer(RoutingContext ctx, SocialPosts.Outcome outcome) {
    if (outcome instanceof SocialPosts.Received received) {
      Responses.json(ctx, received.accepted().created() ? 201 : 200,
          ContactJson.accepted(received.accepted().record(), received.accepted().carrier()));
    } else if (outcome instanceof SocialPosts.Noted noted) {
      Responses.json(ctx, 200, ContactJson.full(noted.contact()));
    } else if (outcome instanceof SocialPosts.UnknownPost unknown) {
      Responses.json(ctx, 202, new JsonObject()
          .put("recorded", false)
          .put("network", unknown.network())
          .put("postId", unknown.postId())
          .put("event", unknown.event().wireName())
          .put("detail", "No contact was made of " + unknown.network() + " post " + unknown.postId()
              + " (it was never received here, or it is older than the 30 days posts are remembered), so its "
              + unknown.event().wireName() + " is not recorded. Nothing to retry."));
    }
  }
}
