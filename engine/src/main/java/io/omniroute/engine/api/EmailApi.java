package io.omniroute.engine.api;

import io.omniroute.engine.channel.email.EmailChannel;
import io.omniroute.engine.http.Callers;
import io.omniroute.engine.http.Problem;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;

/**
 * Handler of {@code POST /v1/channels/email/inbound}: one raw RFC 5322 message (a mail service's
 * inbound post) becomes a contact through {@link io.omniroute.engine.channel.email.EmailIntake},
 * answered like {@code POST /v1/contacts}: 201 with the decision, 200 with the first answer when
 * the same {@code Message-ID} comes again. The router has buffered the body up to the channel's
 * limit (larger is 413) and checked its {@code message/rfc822} type. Stateless, shared by verticles.
 */
public final class EmailApi {
  private final EmailChannel email;

  public EmailApi(EmailChannel email) {
    this.email = email;
  }

  /** The largest body the router buffers for this endpoint. */
  long maxMessageBytes() {
    return email.options().maxMessageBytes();
  }

  void receive(RoutingContext ctx) {
    if (!email.options().enabled()) {
      Problem.send(ctx, 404, "Email channel off", "This engine does not take email: set email.enabled to true in its config file.");
      return;
    }
    Buffer body = ctx.body().buffer();
    email.intake().submit(body == null ? new byte[0] : body.getBytes(), Callers.of(ctx))
        .onSuccess(accepted -> Responses.json(ctx, accepted.created() ? 201 : 200,
            ContactJson.accepted(accepted.record(), accepted.carrier())))
        .onFailure(ctx::fail);
  }
}
