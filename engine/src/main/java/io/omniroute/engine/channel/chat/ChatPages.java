package io.omniroute.engine.channel.chat;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.regex.Pattern;

/**
 * The chat widget's static files, served by the engine without a token: {@value #WIDGET} (the
 * script a dealer's site embeds) and {@value #DEMO} (a page that embeds it). Both say {@code
 * nosniff}; the demo page has a strict Content-Security-Policy: scripts, connections and
 * everything else only from the engine itself, no inline script or style, no framing. Read from
 * the classpath once; immutable and thread-safe.
 */
public final class ChatPages {
  public static final String WIDGET = "/chat/widget.js";
  public static final String DEMO = "/chat/demo.html";
  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.\\-]+(:[0-9]{1,5})?|\\[[0-9A-Fa-f:.]+](:[0-9]{1,5})?");

  private final Buffer widget = resource("chat/widget.js");
  private final Buffer demo = resource("chat/demo.html");

  /** Mounts {@value #WIDGET} and {@value #DEMO} ({@code GET} and {@code HEAD}) on {@code router}. */
  public void mount(Router router) {
    router.get(WIDGET).method(HttpMethod.HEAD).handler(ctx -> serve(ctx, "text/javascript; charset=utf-8", widget));
    router.get(DEMO).method(HttpMethod.HEAD).handler(ctx -> {
      ctx.response().putHeader("Content-Security-Policy", contentSecurityPolicy(ctx.request().headers().get("Host")));
      serve(ctx, "text/html; charset=utf-8", demo);
    });
  }

  /**
   * The demo page's policy: everything from the engine only; the socket by {@code 'self'} and, for
   * browsers that do not count {@code ws:} as {@code 'self'}, by the request's host when it is a
   * plain host name.
   */
  static String contentSecurityPolicy(String host) {
    String sockets = host != null && HOST.matcher(host).matches() ? " ws://" + host + " wss://" + host : "";
    return "default-src 'none'; script-src 'self'; connect-src 'self'" + sockets
        + "; img-src 'self'; style-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
  }

  private static void serve(RoutingContext ctx, String type, Buffer body) {
    ctx.response()
        .putHeader("Content-Type", type)
        .putHeader("X-Content-Type-Options", "nosniff")
        .putHeader("Cache-Control", "public, max-age=300")
        .putHeader("Content-Length", Integer.toString(body.length()));
    if (ctx.request().method() == HttpMethod.HEAD) {
      ctx.response().end();
    } else {
      ctx.response().end(body);
    }
  }

  private static Buffer resource(String name) {
    try (InputStream in = ChatPages.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("the engine jar lacks " + name);
      }
      return Buffer.buffer(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
