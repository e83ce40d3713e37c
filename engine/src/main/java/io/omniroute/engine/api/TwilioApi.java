package io.omniroute.engine.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omniroute.adapters.twilio.CallProgress;
import io.omniroute.adapters.twilio.FormBody;
import io.omniroute.adapters.twilio.TwiML;
import io.omniroute.adapters.twilio.TwilioMessage;
import io.omniroute.adapters.twilio.TwilioSignature;
import io.omniroute.engine.Caller;
import io.omniroute.engine.channel.twilio.SmsThreads;
import io.omniroute.engine.channel.twilio.TwilioOptions;
import io.omniroute.engine.contact.ContactService;
import io.omniroute.engine.http.Problem;
import io.omniroute.engine.queue.ContactRecord;
import io.omniroute.engine.queue.ContactStatus;
import io.omniroute.engine.queue.IllegalTransitionException;
import io.omniroute.rules.directory.Directory;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * Handlers for {@code /v1/channels/twilio}: Twilio's voice webhook, its call-status callback (also
 * the action of the {@code <Enqueue>} and {@code <Dial>} it answers with) and its SMS webhook.
 * Each request must carry Twilio's signature over the configured public URL ({@link
 * TwilioSignature}); a missing or wrong one is answered 403 and changes nothing. Calls and SMS
 * become contacts through {@link AdapterIntake} with the Twilio id as idempotency key, so Twilio's
 * retries never make twins. While no auth token is configured every endpoint answers 404.
 * Stateless, shared by verticles.
 */
public final class TwilioApi {
  /** Who Twilio's contacts are submitted and finished as: the owner of their idempotency keys. */
  static final Caller TWILIO = Caller.unrestricted("twilio");
  static final long BODY_LIMIT_BYTES = 64 * 1024;
  private static final String STATUS_PATH = "/v1/channels/twilio/voice/status";

  private final TwilioOptions options;
  private final AdapterIntake intake;
  private final ContactService contacts;
  private final SmsThreads threads;
  private final Directory directory;

  public TwilioApi(TwilioOptions options, AdapterIntake intake, ContactService contacts, SmsThreads threads,
      Directory directory) {
    this.options = options;
    this.intake = intake;
    this.contacts = contacts;
    this.threads = threads;
    this.directory = directory;
  }

  /** The body limit of each operation; Twilio's forms are small. */
  Map<String, Long> bodyLimits() {
    return Map.of("twilioVoice", BODY_LIMIT_BYTES, "twilioVoiceStatus", BODY_LIMIT_BYTES, "twilioSms", BODY_LIMIT_BYTES);
  }

  /** A call: decided and stored, answered with TwiML that enqueues it on its queue or dials the queue's number. */
  void voice(RoutingContext ctx) {
    signedForm(ctx).ifPresent(form -> {
      TwilioMessage call = TwilioMessage.call(form);
      intake.submit(contactOf(call), TWILIO, call.idempotencyKey())
          .onSuccess(accepted -> twiml(ctx, answerFor(accepted.record())))
          .onFailure(ctx::fail);
    });
  }

  /**
   * What happened to a call: {@code completed} completes its contact when someone had it and
   * abandons it when it was still waiting; {@code no-answer}, {@code busy}, {@code canceled},
   * {@code failed} and a hang-up in the queue abandon a waiting one; a dialled desk that answered
   * takes it. A contact that has already ended stays as it is, so repeated callbacks change nothing.
   */
  void voiceStatus(RoutingContext ctx) {
    signedForm(ctx).ifPresent(form -> {
      CallProgress progress = CallProgress.of(form);
      contacts.findSubmitted(TWILIO, progress.idempotencyKey())
          .compose(found -> found.isEmpty() ? Future.succeededFuture((String) null) : step(found.get(), progress))
          .onSuccess(twiml -> {
            if (twiml == null) {
              Problem.send(ctx, 404, "Call not found", "No contact of the call " + progress.callSid() + ": its voice webhook"
                  + " (POST /v1/channels/twilio/voice) did not reach the engine, or the contact is no longer kept.");
            } else {
              twiml(ctx, twiml);
            }
          })
          .onFailure(ctx::fail);
    });
  }

  /** An SMS: joins the conversation of the same two numbers within the join window, else opens one. */
  void sms(RoutingContext ctx) {
    signedForm(ctx).ifPresent(form -> {
      TwilioMessage sms = TwilioMessage.sms(form);
      contacts.findSubmitted(TWILIO, sms.idempotencyKey())
          .compose(first -> first.isPresent()
              ? Future.succeededFuture()
              : threads.thread(contactOf(sms), sms.threadKey())
                  .compose(contact -> intake.submit(contact, TWILIO, sms.idempotencyKey())).mapEmpty())
          .onSuccess(done -> twiml(ctx, TwiML.empty()))
          .onFailure(ctx::fail);
    });
  }

  private ObjectNode contactOf(TwilioMessage message) {
    Optional<Directory.NumberOwner> owner = directory.ownerOfNumber(message.to());
    return message.toContact(owner.map(Directory.NumberOwner::dealerId).orElse(null),
        owner.map(Directory.NumberOwner::country).orElse(null));
  }

  private String answerFor(ContactRecord contact) {
    String queue = contact.route().queue();
    String number = options.dialNumbers().get(queue);
    String action = options.publicUrlOf(STATUS_PATH);
    return number != null ? TwiML.dial(number, contact.id(), action) : TwiML.enqueue(queue, contact.id(), action);
  }

  private Future<String> step(ContactRecord contact, CallProgress progress) {
    ContactStatus status = contact.status();
    boolean waiting = status == ContactStatus.QUEUED || status == ContactStatus.OFFERED;
    String id = contact.id();
    return switch (progress.step()) {
      case ENDED -> status == ContactStatus.ASSIGNED ? done(contacts.complete(id, TWILIO))
          : waiting ? done(contacts.abandon(id, TWILIO)) : nothing();
      case NOT_REACHED, LEFT_WAITING -> waiting ? done(contacts.abandon(id, TWILIO)) : nothing();
      case DIAL_ANSWERED -> waiting
          ? done(contacts.assignDirectly(id, "dialled:" + options.dialNumbers().get(contact.route().queue()), TWILIO))
          : nothing();
      case DIAL_FAILED -> Future.succeededFuture(waiting
          ? TwiML.enqueue(contact.route().queue(), id, options.publicUrlOf(STATUS_PATH))
          : TwiML.empty());
      case NONE -> nothing();
    };
  }

  /** The step's change; a contact that ended meanwhile (a callback racing another) is left as it is. */
  private static Future<String> done(Future<ContactRecord> change) {
    return change.map(changed -> TwiML.empty()).recover(failure ->
        failure instanceof IllegalTransitionException ? nothing() : Future.failedFuture(failure));
  }

  private static Future<String> nothing() {
    return Future.succeededFuture(TwiML.empty());
  }

  /** The request's form when the endpoints are on and its signature is Twilio's; otherwise answers and empty. */
  private Optional<FormBody> signedForm(RoutingContext ctx) {
    if (!options.enabled()) {
      Problem.send(ctx, 404, "Twilio adapter is off", "The Twilio endpoints are on when the engine has the account's auth"
          + " token: set OMNIROUTE_TWILIO_AUTH_TOKEN and OMNIROUTE_PUBLIC_URL (or channels.twilio in the config file).");
      return Optional.empty();
    }
    FormBody form = FormBody.parse(ctx.body().asString(StandardCharsets.UTF_8.name()));
    String signature = ctx.request().getHeader(TwilioSignature.header());
    if (signature == null || !TwilioSignature.verify(options.authToken(), options.publicUrlOf(ctx.request().uri()),
        form.params(), signature)) {
      Problem.send(ctx, 403, "Twilio signature does not match", signature == null
          ? "The request has no " + TwilioSignature.header() + " header: only Twilio, signing with the account's auth token,"
              + " may call this endpoint."
          : "The " + TwilioSignature.header() + " header is not Twilio's signature of this request for "
              + options.publicUrlOf(ctx.request().uri()) + ": check that the configured public URL is the one Twilio"
              + " calls and that the auth token is the account's. Nothing was stored.");
      return Optional.empty();
    }
    return Optional.of(form);
  }

  private static void twiml(RoutingContext ctx, String twiml) {
    ctx.response().setStatusCode(200).putHeader("Content-Type", "text/xml; charset=utf-8").end(twiml);
  }
}
