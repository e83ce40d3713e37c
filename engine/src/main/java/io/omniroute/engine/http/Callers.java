package io.omniroute.engine.http;

import io.omniroute.engine.Caller;
import io.vertx.ext.web.RoutingContext;

/**
 * Carries the authorization's outcome from the access handler to the operation's handler: the
 * access handler {@link #put}s the {@link Caller} it allowed, the handler reads it with {@link #of}.
 * This is how {@code auth} and {@code api} meet without knowing each other. Stateless.
 */
public final class Callers {
  private static final String CONTEXT_KEY = "omniroute.caller";

  private Callers() {}

  /** Records who the request's caller is and what it may act on. */
  public static void put(RoutingContext ctx, Caller caller) {
    ctx.put(CONTEXT_KEY, caller);
  }

  /**
   * The caller of a request that passed an access handler.
   *
   * @throws IllegalStateException when no access handler ran for this request (a wiring bug), or
   *     the operation is public ({@code live}, {@code ready})
   */
  public static Caller of(RoutingContext ctx) {
    Caller caller = ctx.get(CONTEXT_KEY);
    if (caller == null) {
      throw new IllegalStateException("no caller on " + ctx.request().method() + " " + ctx.request().path()
          + ": put an access handler in front of the handler");
    }
    return caller;
  }
}
