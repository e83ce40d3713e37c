package io.omniroute.engine.http;

import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers requests that break HTTP/1.1 itself, before any route sees them, with problem+json like
 * every other error: a request line over {@value #MAX_REQUEST_LINE_BYTES} bytes (414), headers
 * over {@value #MAX_HEADER_BYTES} bytes (431), malformed request lines or headers such as control
 * characters in a value (400), and a protocol version other than HTTP/1.0 or 1.1 (505). The
 * connection is closed after the answer, since what follows on it cannot be trusted. Such requests
 * are a client's fault and are logged at debug level only. Stateless.
 */
public final class HttpProtocolErrors {
  /** The longest request line the engine reads (Vert.x's default). */
  public static final int MAX_REQUEST_LINE_BYTES = HttpServerOptions.DEFAULT_MAX_INITIAL_LINE_LENGTH;
  /** The largest header block the engine reads (Vert.x's default). */
  public static final int MAX_HEADER_BYTES = HttpServerOptions.DEFAULT_MAX_HEADER_SIZE;
  private static final Logger LOG = LoggerFactory.getLogger(HttpProtocolErrors.class);
  private static final int MAX_QUOTED_CHARS = 200;

  private HttpProtocolErrors() {}

  /** For {@code HttpServer.invalidRequestHandler}: the request could not be decoded. */
  public static void invalidRequest(HttpServerRequest request) {
    Throwable cause = request.decoderResult().cause();
    LOG.debug("invalid HTTP request from {}", request.remoteAddress(), cause);
    if (cause instanceof TooLongHttpLineException) {
      answerAndClose(request, 414, "URI too long", "The request line is longer than " + MAX_REQUEST_LINE_BYTES
          + " bytes: shorten the URI (the API's paths and query parameters are short).");
    } else if (cause instanceof TooLongHttpHeaderException) {
      answerAndClose(request, 431, "Request header fields too large", "The request's header block is larger than "
          + MAX_HEADER_BYTES + " bytes: send fewer or shorter headers.");
    } else {
      answerAndClose(request, 400, "Bad request", "The request is not valid HTTP/1.1" + quoted(cause)
          + ": check the request line and that header names and values have no control characters.");
    }
  }

  /** Whether the request speaks a version of HTTP the engine does not (Vert.x leaves its version unset). */
  public static boolean unsupportedVersion(HttpServerRequest request) {
    if (request.version() != null) {
      return false;
    }
    LOG.debug("request with an unsupported HTTP version from {}", request.remoteAddress());
    answerAndClose(request, 505, "HTTP version not supported",
        "The engine speaks HTTP/1.1 (and HTTP/1.0): send a request line such as 'GET /health/live HTTP/1.1'.");
    return true;
  }

  /** A request's body could not be decoded (a malformed chunk): answered 400, connection closed. */
  public static void malformedBody(HttpServerRequest request, Throwable cause) {
    LOG.debug("malformed HTTP body from {}", request.remoteAddress(), cause);
    answerAndClose(request, 400, "Bad request", "The request body is not valid HTTP/1.1" + quoted(cause)
        + ": with Transfer-Encoding: chunked, each chunk size is a hexadecimal number on its own line.");
  }

  private static void answerAndClose(HttpServerRequest request, int status, String title, String detail) {
    request.response().putHeader("Connection", "close");
    Problem.send(request, null, status, title, detail, null);
    request.connection().close();
  }

  private static String quoted(Throwable cause) {
    if (cause == null || cause.getMessage() == null) {
      return "";
    }
    String message = cause.getMessage().replaceAll("\\p{Cntrl}", "?");
    return " (" + (message.length() > MAX_QUOTED_CHARS ? message.substring(0, MAX_QUOTED_CHARS) + "..." : message) + ")";
  }
}
