package io.omniroute.loadtest.generator;

import io.vertx.core.http.HttpClosedException;
import java.net.ConnectException;
import java.util.Locale;
import java.util.concurrent.TimeoutException;

/** Names the kind of a failed request for the report. Stateless and thread-safe. */
public final class ErrorKinds {
  /** Not sent: more requests were outstanding than {@code --max-in-flight} allows. */
  public static final String CLIENT_OVERLOAD = "client-overload";
  public static final String TIMEOUT = "timeout";
  public static final String CONNECTION_REFUSED = "connection-refused";
  public static final String CONNECTION_CLOSED = "connection-closed";
  public static final String CONNECTION_RESET = "connection-reset";

  private ErrorKinds() {}

  public static String of(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof TimeoutException || t.getClass().getSimpleName().contains("Timeout")) {
        return TIMEOUT;
      }
      if (t instanceof ConnectException) {
        return CONNECTION_REFUSED;
      }
      if (t instanceof HttpClosedException) {
        return CONNECTION_CLOSED;
      }
      String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
      if (message.contains("timeout") || message.contains("timed out")) {
        return TIMEOUT;
      }
      if (message.contains("connection reset")) {
        return CONNECTION_RESET;
      }
      if (message.contains("closed")) {
        return CONNECTION_CLOSED;
      }
    }
    return failure.getClass().getSimpleName();
  }
}
