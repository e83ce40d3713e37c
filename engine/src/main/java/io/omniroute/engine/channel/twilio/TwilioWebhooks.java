package io.omniroute.engine.channel.twilio;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omniroute.adapters.twilio.CallProgress;
import io.omniroute.adapters.twilio.FormBody;
import io.omniroute.adapters.twilio.TwiML;
import io.omniroute.adapters.twilio.TwilioMessage;
import io.omniroute.adapters.twilio.TwilioSignature;
import io.omniroute.engine.Caller;
import io.omniroute.engine.api.AdapterIntake;
import io.omniroute.engine.contact.ContactService;
import io.omniroute.engine.queue.ContactRecord;
import io.omniroute.engine.queue.ContactStatus;
import io.omniroute.engine.queue.IllegalTransitionException;
import io.omniroute.rules.directory.Directory;
import io.vertx.core.Future;
import java.util.Optional;

/**
 * What the Twilio endpoints do, apart from HTTP: check a request's signature, take a call or an
 * SMS as a contact through {@link AdapterIntake} (the Twilio id is the idempotency key, so retries
 * never make twins), and apply a call's progress to its contact. Answers are TwiML.
 *
 * <p>Thread-safe and stateless besides the services it uses; built once per engine.
 */
public final class TwilioWebhooks {
  /** Who Twilio's contacts are submitted and finished as: the owner of their idempotency keys. */
  public static final Caller TWILIO = Caller.unrestricted("twilio");
  /** The path of the status callback, also the action of the Enqueue and Dial answers. */
  public static final String STATUS_PATH = "/v1/channels/twilio/voice/status";

  private final TwilioOptions options;
  private final AdapterIntake intake;
  private final ContactService contacts;
  private final SmsThreads threads;
  private final Directory directory;

  public TwilioWebhooks(TwilioOptions options, AdapterIntake intake, ContactService contacts, SmsThreads threads,
      Directory directory) {
    this.options = options.requireComplete();
    this.intake = intake;
    this.contacts = contacts;
    this.threads = threads;
    this.directory = directory;
  }

  /** Whether the endpoints are on (an auth token is configured). */
  public boolean enabled() {
    return options.enabled();
  }

  /** The URL Twilio signed for a request to {@code pathAndQuery}: the public base URL with it. */
  public String signedUrl(String pathAndQuery) {
    return options.publicUrlOf(pathAndQuery);
  }

  /**
   * The form of a request to {@code pathAndQuery}, when {@code signature} is Twilio's signature of it.
   *
   * @throws io.omniroute.adapters.twilio.InvalidTwilioRequestException for a malformed form
   */
  public Optional<FormBody> verified(String pathAndQuery, String body, String signature) {
    FormBody form = FormBody.parse(body);
    return signature != null && TwilioSignature.verify(options.authToken(), signedUrl(pathAndQuery), form.params(), signature)
        ? Optional.of(form)
        : Optional.empty();
  }

  /** Takes a call: TwiML that enqueues it on its routed queue, or dials the queue's number. */
  public Future<String> call(FormBody form) {
    TwilioMessage call = TwilioMessage.call(form);
    return intake.submit(contactOf(call), TWILIO, call.idempotencyKey()).map(accepted -> answerFor(accepted.record()));
  }

  /**
   * Applies a call's progress to its contact: {@code completed} completes it when someone had it
   * and abandons it when it was still waiting; {@code no-answer}, {@code busy}, {@code canceled},
   * {@code failed} and a hang-up in the queue abandon a waiting one; a dialled desk that answered
   * takes it. A contact that has ended stays as it is, so repeated callbacks change nothing. Empty
   * when the engine never took the call.
   */
  public Future<Optional<String>> progress(FormBody form) {
    CallProgress progress = CallProgress.of(form);
    return contacts.findSubmitted(TWILIO, progress.idempotencyKey())
        .compose(found -> found.isEmpty()
            ? Future.succeededFuture(Optional.<String>empty())
            : step(found.get(), progress).map(Optional::of));
  }

  /** Takes an SMS: it joins the conversation of the same two numbers within the join window, else opens one. */
  public Future<String> sms(FormBody form) {
    TwilioMessage sms = TwilioMessage.sms(form);
    return contacts.findSubmitted(TWILIO, sms.idempotencyKey())
        .compose(first -> first.isPresent()
            ? Future.succeededFuture()
            : threads.thread(contactOf(sms), sms.threadKey())
                .compose(contact -> intake.submit(contact, TWILIO, sms.idempotencyKey())).mapEmpty())
        .map(done -> TwiML.empty());
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
}
