package io.omniroute.engine.http;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * RFC 9457 problem details: every error the API answers is {@code application/problem+json} with
 * a {@code detail} that says what to fix. Stateless.
 */
public final class Problem {
  public static final String CONTENT_TYPE = "application/problem+json";

  private Problem() {}

  /** Ends the response with a problem of the given status, title and detail. */
  public static void send(RoutingContext ctx, int status, String title, String detail) {
    send(ctx, status, title, detail, null);
  }

  /** As {@link #send(RoutingContext, int, String, String)}, with a list of field errors. */
  public static void send(RoutingContext ctx, int status, String title, String detail, JsonArray errors) {
    send(ctx.request(), ctx.request().path(), status, title, detail, errors);
  }

  /**
   * Ends the response of a request that no route handles (one that breaks HTTP itself) with a
   * problem; {@code instance} is the request's path, or {@code null} when it cannot be trusted.
   */
  static void send(HttpServerRequest request, String instance, int status, String title, String detail, JsonArray errors) {
    HttpServerResponse response = request.response();
    if (response.ended() || response.closed()) {
      return;
    }
    if (response.headWritten()) {
      response.end();
      return;
    }
    JsonObject body = new JsonObject()
        .put("type", "about:blank")
        .put("title", title)
        .put("status", status)
        .put("detail", detail);
    if (instance != null) {
      body.put("instance", instance);
    }
    if (errors != null && !errors.isEmpty()) {
      body.put("errors", errors);
    }
    response.setStatusCode(status).putHeader("Content-Type", CONTENT_TYPE).end(body.encode());
  }

  /** One field error for the {@code errors} list: a JSON pointer to the field and a message. */
  public static JsonObject fieldError(String field, String message) {
    return new JsonObject().put("field", field).put("message", message);
  }
}
