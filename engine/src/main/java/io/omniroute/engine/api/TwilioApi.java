package io.omniroute.engine.api;

import io.omniroute.adapters.twilio.FormBody;
import io.omniroute.adapters.twilio.TwilioSignature;
import io.omniroute.engine.channel.twilio.TwilioWebhooks;
import io.omniroute.engine.http.Problem;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Handlers for {@code /v1/channels/twilio}: Twilio's voice webhook, its call-status callback (also
 * the action of the {@code <Enqueue>} and {@code <Dial>} it answers with) and its SMS webhook,
 * done by {@link TwilioWebhooks}. A request without Twilio's signature over the configured public
 * URL is answered 403 and changes nothing; while no auth token is configured every endpoint
 * answers 404. Stateless, shared by verticles.
 */
public final class TwilioApi {
  static final long BODY_LIMIT_BYTES = 64 * 1024;

  private final TwilioWebhooks webhooks;

  public TwilioApi(TwilioWebhooks webhooks) {
    this.webhooks = webhooks;
  }

  /** The body limit of each operation; Twilio's forms are small. */
  Map<String, Long> bodyLimits() {
    return Map.of("twilioVoice", BODY_LIMIT_BYTES, "twilioVoiceStatus", BODY_LIMIT_BYTES, "twilioSms", BODY_LIMIT_BYTES);
  }

  void voice(RoutingContext ctx) {
    answer(ctx, webhooks::call);
  }

  void voiceStatus(RoutingContext ctx) {
    signedForm(ctx).ifPresent(form -> webhooks.progress(form)
        .onSuccess(twiml -> twiml.ifPresentOrElse(answer -> twiml(ctx, answer), () ->
            Problem.send(ctx, 404, "Call not found", "No contact of the call " + form.first("CallSid") + ": its voice"
                + " webhook (POST /v1/channels/twilio/voice) did not reach the engine, or the contact is no longer kept.")))
        .onFailure(ctx::fail));
  }

  void sms(RoutingContext ctx) {
    answer(ctx, webhooks::sms);
  }

  private void answer(RoutingContext ctx, Function<FormBody, Future<String>> step) {
    signedForm(ctx).ifPresent(form -> step.apply(form).onSuccess(twiml -> twiml(ctx, twiml)).onFailure(ctx::fail));
  }

  /** The request's form when the endpoints are on and its signature is Twilio's; otherwise answers and empty. */
  private Optional<FormBody> signedForm(RoutingContext ctx) {
    if (!webhooks.enabled()) {
      Problem.send(ctx, 404, "Twilio adapter is off", "The Twilio endpoints are on when the engine has the account's auth"
          + " token: set OMNIROUTE_TWILIO_AUTH_TOKEN and OMNIROUTE_PUBLIC_URL (or channels.twilio in the config file).");
      return Optional.empty();
    }
    String signature = ctx.request().getHeader(TwilioSignature.header());
    Optional<FormBody> form = webhooks.verified(ctx.request().uri(), ctx.body().asString(StandardCharsets.UTF_8.name()),
        signature);
    if (form.isEmpty()) {
      Problem.send(ctx, 403, "Twilio signature does not match", signature == null
          ? "The request has no " + TwilioSignature.header() + " header: only Twilio, signing with the account's auth token,"
              + " may call this endpoint."
          : "The " + TwilioSignature.header() + " header is not Twilio's signature of this request for "
              + webhooks.signedUrl(ctx.request().uri()) + ": check that the configured public URL is the one Twilio"
              + " calls and that the auth token is the account's. Nothing was stored.");
    }
    return form;
  }

  private static void twiml(RoutingContext ctx, String twiml) {
    ctx.response().setStatusCode(200).putHeader("Content-Type", "text/xml; charset=utf-8").end(twiml);
  }
}
