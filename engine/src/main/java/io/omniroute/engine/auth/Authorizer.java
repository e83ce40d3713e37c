package io.omniroute.engine.auth;

import io.omniroute.engine.Caller;
import io.omniroute.engine.http.Access;
import io.omniroute.engine.http.Callers;
import io.omniroute.engine.http.Problem;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.AuthenticationHandler;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Authenticates and authorizes requests: one route handler per OpenAPI operation. Its handlers are
 * Vert.x Web {@link AuthenticationHandler}s, so the router runs them after a {@code BodyHandler}
 * and before every plain handler (Vert.x refuses a {@code BodyHandler} added after them). Put one
 * on every route, before validation, so that a caller without a token learns nothing about the
 * request's shape:
 *
 * <pre>
 * Authorizer authorizer = Authorizer.create(options.tokens());
 * router.post("/v1/queues/:queue/claim")
 *     .handler(bodies)                                   // if the operation has a body
 *     .handler(authorizer.forOperation("claimContact"))
 *     .handler(validation).handler(queues::claim);
 * </pre>
 *
 * A request without {@code Authorization: Bearer <token>}, with a malformed header or with an
 * unknown token gets {@code 401} with {@code WWW-Authenticate: Bearer realm="omniroute"}; a known
 * token without the right gets {@code 403} naming the roles that would be allowed. Both are
 * problem+json. Otherwise the handler puts the decision into the routing context as data, a {@link
 * Caller} ({@link Callers#put}), and calls {@code ctx.next()}: the token's name, and whether it may
 * act on everything the operation reaches or, for {@link AccessDecision#ALLOW_OWN}, only on what
 * its roles own (its dealers' contacts, customers and agents, its countries' customers, the agent
 * it is). Public operations ({@code live}, {@code ready}) pass without a token.
 *
 * <p>{@link #decide} answers the same question as data ({@link Access}), for requests that do not pass
 * the router: the WebSocket handshakes of the event streams.
 *
 * <p>Immutable and thread-safe: one instance may serve every verticle. Its handlers run on the
 * event loop; each request costs one SHA-256 of the token and one comparison per configured token.
 */
public final class Authorizer {
  /** The {@code WWW-Authenticate} challenge of every {@code 401}. */
  public static final String CHALLENGE = "Bearer realm=\"omniroute\"";

  private static final String BEARER = "bearer";
  private static final String WWW_AUTHENTICATE = "WWW-Authenticate";

  private final AccessTokens tokens;

  private Authorizer(AccessTokens tokens) {
    this.tokens = Objects.requireNonNull(tokens, "tokens");
  }

  /** An authorizer over the configured tokens and {@link AccessPolicy}. */
  public static Authorizer create(AccessTokens tokens) {
    return new Authorizer(tokens);
  }

  /**
   * The route handler for one OpenAPI operation, to add after the route's body handler (if any)
   * and before everything else. An operation that {@link AccessPolicy} does not know is allowed
   * for {@code admin} only; a public one lets every request through.
   */
  public AuthenticationHandler forOperation(String operationId) {
    Objects.requireNonNull(operationId, "operationId");
    if (AccessPolicy.isPublic(operationId)) {
      return RoutingContext::next;
    }
    return ctx -> authorize(ctx, operationId);
  }

  /**
   * Decides one request for {@code operationId} from its {@code Authorization} header ({@code null}
   * when it has none) and path parameters, without answering it: what the route handlers of {@link
   * #forOperation} do, for requests that do not pass the router (WebSocket handshakes).
   */
  public Access decide(String operationId, String authorization, Map<String, String> params) {
    Objects.requireNonNull(operationId, "operationId");
    if (AccessPolicy.isPublic(operationId)) {
      return new Access.Granted(Caller.unrestricted("anonymous"));
    }
    if (authorization == null || authorization.isBlank()) {
      return unauthorized(null, "This request needs a token: send 'Authorization: Bearer <token>'.");
    }
    String token = bearerToken(authorization);
    if (token == null) {
      return unauthorized("invalid_request",
          "The Authorization header must be 'Bearer <token>' with a token of letters, digits and -._~+/.");
    }
    Optional<Principal> principal = tokens.authenticate(token);
    if (principal.isEmpty()) {
      return unauthorized("invalid_token", "The token is not known: check it, or ask for one.");
    }
    AccessDecision decision = AccessPolicy.decide(principal.get(), operationId, params);
    if (decision == AccessDecision.DENY) {
      return new Access.Refused(403, CHALLENGE + ", error=\"insufficient_scope\"", "Forbidden",
          "Caller " + principal.get() + " may not call " + operationId + describe(params)
              + ": allowed are " + AccessPolicy.allowedRoles(operationId, params) + ".");
    }
    Principal caller = principal.get();
    return new Access.Granted(decision == AccessDecision.ALLOW
        ? Caller.unrestricted(caller.name())
        : new Caller(caller.name(), false, caller.supervisedCountries(), caller.dealerIds(), caller.agentIds()));
  }

  private void authorize(RoutingContext ctx, String operationId) {
    Access access = decide(operationId, ctx.request().getHeader(HttpHeaders.AUTHORIZATION), ctx.pathParams());
    if (access instanceof Access.Refused refused) {
      ctx.response().putHeader(WWW_AUTHENTICATE, refused.challenge());
      Problem.send(ctx, refused.status(), refused.title(), refused.detail());
      return;
    }
    Callers.put(ctx, ((Access.Granted) access).caller());
    ctx.next();
  }

  /** The token of {@code Bearer <token>} (scheme case-insensitive), or {@code null} when malformed. */
  static String bearerToken(String header) {
    String value = header.strip();
    int space = value.indexOf(' ');
    if (space != BEARER.length() || !value.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return null;
    }
    String token = value.substring(space + 1).strip();
    return AccessTokens.isWellFormed(token) ? token : null;
  }

  private static Access unauthorized(String error, String detail) {
    return new Access.Refused(401, error == null ? CHALLENGE : CHALLENGE + ", error=\"" + error + "\"", "Unauthorized", detail);
  }

  private static String describe(Map<String, String> params) {
    String queue = params.get(AccessPolicy.QUEUE_PARAM);
    String scope = params.get(AccessPolicy.SCOPE_PARAM);
    String agent = params.get(AccessPolicy.AGENT_PARAM);
    if (queue != null) {
      return " on queue " + queue;
    }
    if (scope != null) {
      return " on scope " + scope;
    }
    return agent != null ? " on agent " + agent : "";
  }
}
