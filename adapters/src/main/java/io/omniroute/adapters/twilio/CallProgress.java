package io.omniroute.adapters.twilio;

import java.util.List;
import java.util.Set;

/**
 * What Twilio reports about a call after its webhook: a status callback ({@code CallStatus}), the
 * end of its wait in a queue (the {@code <Enqueue>} action: {@code QueueResult}) or of a dialled
 * call (the {@code <Dial>} action: {@code DialCallStatus}), read into the one step that matters to
 * the call's contact. Immutable.
 */
public record CallProgress(String callSid, Step step) {
  private static final Set<String> NOT_REACHED = Set.of("no-answer", "busy", "canceled", "failed");
  private static final Set<String> LEFT_WAITING = Set.of("hangup", "queue-full", "error", "system-error");
  private static final Set<String> DIAL_ANSWERED = Set.of("completed", "answered");

  /** The step of the call. */
  public enum Step {
    /** The call ended ({@code CallStatus=completed}): answered if an agent had it, else hung up while waiting. */
    ENDED,
    /** The call never connected ({@code no-answer}, {@code busy}, {@code canceled}, {@code failed}). */
    NOT_REACHED,
    /** The caller left the queue without being answered ({@code QueueResult} {@code hangup}, {@code queue-full}, errors). */
    LEFT_WAITING,
    /** The dialled desk answered ({@code DialCallStatus} {@code completed} or {@code answered}). */
    DIAL_ANSWERED,
    /** The dialled desk did not answer: the caller should wait in the queue instead. */
    DIAL_FAILED,
    /** Anything else ({@code ringing}, {@code in-progress}, {@code bridged}, {@code leave}): nothing to do. */
    NONE
  }

  /**
   * Reads a status callback or a verb's action request.
   *
   * @throws InvalidTwilioRequestException when {@code CallSid} is missing or malformed
   */
  public static CallProgress of(FormBody form) {
    String sid = form.first("CallSid");
    if (sid == null || !TwilioMessage.SID.matcher(sid).matches()) {
      throw new InvalidTwilioRequestException(List.of("CallSid" + (sid == null ? " is missing" : " is '" + sid + "'")
          + ": Twilio's id of 34 characters, two letters and 32 hex digits"));
    }
    return new CallProgress(sid, step(form));
  }

  private static Step step(FormBody form) {
    String dial = form.first("DialCallStatus");
    if (dial != null) {
      return DIAL_ANSWERED.contains(dial) ? Step.DIAL_ANSWERED : Step.DIAL_FAILED;
    }
    String queueResult = form.first("QueueResult");
    if (queueResult != null) {
      return LEFT_WAITING.contains(queueResult) ? Step.LEFT_WAITING : Step.NONE;
    }
    String status = form.first("CallStatus");
    if ("completed".equals(status)) {
      return Step.ENDED;
    }
    return status != null && NOT_REACHED.contains(status) ? Step.NOT_REACHED : Step.NONE;
  }

  /** The idempotency key the call's contact was stored with ({@link TwilioMessage#idempotencyKey()}). */
  public String idempotencyKey() {
    return "twilio:" + callSid;
  }
}
