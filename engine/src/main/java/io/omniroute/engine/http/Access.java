package io.omniroute.engine.http;

import io.omniroute.engine.Caller;
import java.util.Map;

/**
 * The outcome of authenticating and authorizing one request for one operation, as data: the
 * {@link Caller} it was granted as, or the status a refusal answers with. This is how a request
 * that does not pass the router (a WebSocket handshake) is authorized exactly as the router's
 * access handlers authorize the others. Immutable.
 */
public sealed interface Access {
  /** The request may go on, as {@code caller}. */
  record Granted(Caller caller) implements Access {}

  /**
   * The request is refused: {@code 401} (no or unknown token) or {@code 403} (no right).
   *
   * @param challenge the {@code WWW-Authenticate} header to answer with
   * @param title the problem's title
   * @param detail what to do about it
   */
  record Refused(int status, String challenge, String title, String detail) implements Access {}

  /** Decides one request: {@code authorization} is its {@code Authorization} header, or {@code null}. */
  @FunctionalInterface
  interface Check {
    Access decide(String operationId, String authorization, Map<String, String> pathParams);
  }
}
