package io.omniroute.engine.webhook;

/**
 * Why one delivery attempt failed: a {@link #reason()} of bounded cardinality for metrics ({@code
 * status-4xx}, {@code status-5xx}, {@code status-other}, {@code timeout}, {@code connection},
 * {@code refused-address}, {@code unresolved}) and a message for the delivery's {@code lastError}.
 * Immutable.
 */
public final class AttemptFailedException extends Exception {
  private final String reason;

  AttemptFailedException(String reason, String message) {
    super(message, null, false, false);
    this.reason = reason;
  }

  /** The failure's kind, as the {@code reason} label of {@code omniroute_webhook_attempt_failures_total}. */
  public String reason() {
    return reason;
  }

  /** The receiver answered a status other than 2xx. */
  static AttemptFailedException status(int status) {
    String reason = status >= 400 && status < 500 ? "status-4xx" : status >= 500 && status < 600 ? "status-5xx" : "status-other";
    return new AttemptFailedException(reason, "the receiver answered " + status);
  }
}
