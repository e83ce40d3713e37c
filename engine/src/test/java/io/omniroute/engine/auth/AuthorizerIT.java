package io.omniroute.engine.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.omniroute.engine.Caller;
import io.omniroute.engine.http.Callers;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The authorizer in front of stub handlers on a tiny router (demo tokens, ephemeral port): 401 for
 * a missing, malformed or unknown token, 403 naming the allowed roles, and the principal in the
 * context of an allowed request, as the contacts it may act on.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 30, timeUnit = TimeUnit.SECONDS)
class AuthorizerIT {
  /** Contact id to its current queue, as a contact store would answer. */
  static final Map<String, String> CONTACT_QUEUES = Map.of(
      "c-muc", "dealer:DE-MUC-001", "c-ber", "dealer:DE-BER-001", "c-central", "central");

  static int port;
  final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();

  @BeforeAll
  static void start(Vertx vertx, VertxTestContext testContext) {
    Authorizer authorizer = Authorizer.create(AccessTokens.demo());
    Router router = Router.router(vertx);
    router.post("/v1/contacts").handler(BodyHandler.create(false).setBodyLimit(64 * 1024))
        .handler(authorizer.forOperation("createContact"))
        .handler(ctx -> ctx.response().setStatusCode(201).end(answer(ctx)));
    router.get("/v1/queues/:queue").handler(authorizer.forOperation("getQueue")).handler(ctx -> ctx.end(answer(ctx)));
    router.post("/v1/contacts/:id/complete").handler(authorizer.forOperation("completeContact")).handler(ctx -> {
      if (Callers.of(ctx).mayActOnContactIn(CONTACT_QUEUES.get(ctx.pathParam("id")))) {
        ctx.end(answer(ctx));
      } else {
        ctx.response().setStatusCode(404).end();
      }
    });
    router.post("/v1/rules/:scope/activate").handler(authorizer.forOperation("activateRules"))
        .handler(ctx -> ctx.end(answer(ctx)));
    router.get("/health/live").handler(authorizer.forOperation("live")).handler(ctx -> ctx.end("live"));
    router.get("/v1/new").handler(authorizer.forOperation("somethingNew")).handler(ctx -> ctx.end(answer(ctx)));
    vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
        .onComplete(testContext.succeeding(server -> {
          port = server.actualPort();
          testContext.completeNow();
        }));
  }

  /** What the stub handlers answer: who called, and on which contacts it may act. */
  static String answer(RoutingContext ctx) {
    Caller caller = Callers.of(ctx);
    return caller.name() + " " + (caller.unrestricted() ? "any contact" : "own " + caller.dealerIds());
  }

  @Test
  void aRequestWithoutATokenIs401WithAChallengeAndAProblem() {
    HttpResponse<String> response = send(get("/v1/queues/central"));

    assertUnauthorized(response, "needs a token");
    assertThat(response.headers().firstValue("WWW-Authenticate")).contains("Bearer realm=\"omniroute\"");
  }

  @Test
  void anUnknownTokenIs401() {
    HttpResponse<String> response = send(get("/v1/queues/central").header("Authorization", "Bearer not-a-demo-token"));

    assertUnauthorized(response, "not known");
    assertThat(response.headers().firstValue("WWW-Authenticate"))
        .contains("Bearer realm=\"omniroute\", error=\"invalid_token\"");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Basic ZGVtbzpkZW1v", "Bearer", "Bearer ", "Bearerdemo-admin", "Bearer demo admin",
      "Bearer demo-admin,x", "Token demo-admin"})
  void aMalformedHeaderIs401(String header) {
    HttpResponse<String> response = send(get("/v1/queues/central").header("Authorization", header));

    assertUnauthorized(response, "must be 'Bearer <token>'");
    assertThat(response.headers().firstValue("WWW-Authenticate")).contains("Bearer realm=\"omniroute\", error=\"invalid_request\"");
  }

  @Test
  void aKnownTokenWithoutTheRightIs403NamingTheAllowedRoles() {
    HttpResponse<String> response = send(get("/v1/queues/central").header("Authorization", "Bearer demo-telephony"));

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
    JsonObject problem = new JsonObject(response.body());
    assertThat(problem.getInteger("status")).isEqualTo(403);
    assertThat(problem.getString("title")).isEqualTo("Forbidden");
    assertThat(problem.getString("detail"))
        .isEqualTo("Caller demo-telephony (telephony) may not call getQueue on queue central: allowed are admin,"
            + " supervisor, supervisor:<CC>, ops.");
    assertThat(problem.getString("instance")).isEqualTo("/v1/queues/central");
  }

  @Test
  void anAllowedRequestReachesTheHandlerWithThePrincipal() {
    HttpResponse<String> response = send(get("/v1/queues/central").header("Authorization", "Bearer demo-ops"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("demo-ops any contact");
  }

  @Test
  void theSchemeIsCaseInsensitive() {
    assertThat(send(get("/v1/queues/central").header("Authorization", "bearer demo-ops")).statusCode()).isEqualTo(200);
    assertThat(send(get("/v1/queues/central").header("Authorization", "BEARER demo-ops")).statusCode()).isEqualTo(200);
  }

  @Test
  void aDealerSeesItsOwnQueueOnly() {
    String dealer = "Bearer demo-dealer-de-muc-001";

    assertThat(send(get("/v1/queues/dealer:DE-MUC-001").header("Authorization", dealer)).statusCode()).isEqualTo(200);
    assertThat(send(get("/v1/queues/dealer%3ADE-MUC-001").header("Authorization", dealer)).statusCode()).isEqualTo(200);
    HttpResponse<String> other = send(get("/v1/queues/dealer:DE-BER-001").header("Authorization", dealer));
    assertThat(other.statusCode()).isEqualTo(403);
    assertThat(new JsonObject(other.body()).getString("detail")).contains("dealer:DE-BER-001");
    assertThat(send(get("/v1/queues/central").header("Authorization", dealer)).statusCode()).isEqualTo(403);
  }

  @Test
  void aDealerCompletesOnlyContactsInItsOwnQueue() {
    HttpResponse<String> own = send(post("/v1/contacts/c-muc/complete", "").header("Authorization",
        "Bearer demo-dealer-de-muc-001"));
    HttpResponse<String> other = send(post("/v1/contacts/c-ber/complete", "").header("Authorization",
        "Bearer demo-dealer-de-muc-001"));

    assertThat(own.statusCode()).isEqualTo(200);
    assertThat(own.body()).isEqualTo("demo-dealer-de-muc-001 own [DE-MUC-001]");
    assertThat(other.statusCode()).isEqualTo(404);
  }

  @Test
  void aGlobalSupervisorCompletesAnyContactAndOpsNone() {
    HttpResponse<String> supervisor = send(post("/v1/contacts/c-ber/complete", "")
        .header("Authorization", "Bearer demo-supervisor"));
    HttpResponse<String> ops = send(post("/v1/contacts/c-central/complete", "")
        .header("Authorization", "Bearer demo-ops"));

    assertThat(supervisor.statusCode()).isEqualTo(200);
    assertThat(supervisor.body()).isEqualTo("demo-supervisor any contact");
    assertThat(ops.statusCode()).isEqualTo(403);
  }

  @Test
  void aCountrySupervisorActivatesTheRulesOfItsCountryOnly() {
    String token = "Bearer demo-supervisor-de";

    assertThat(send(post("/v1/rules/DE/activate", "{}").header("Authorization", token)).statusCode()).isEqualTo(200);
    HttpResponse<String> austria = send(post("/v1/rules/AT/activate", "{}").header("Authorization", token));
    assertThat(austria.statusCode()).isEqualTo(403);
    assertThat(new JsonObject(austria.body()).getString("detail"))
        .contains("may not call activateRules on scope AT: allowed are admin, supervisor:AT.");
    assertThat(send(post("/v1/rules/global/activate", "{}").header("Authorization", token)).statusCode()).isEqualTo(403);
  }

  @Test
  void anOperationThePolicyDoesNotKnowIsForAdminOnly() {
    assertThat(send(get("/v1/new").header("Authorization", "Bearer demo-admin")).statusCode()).isEqualTo(200);
    assertThat(send(get("/v1/new").header("Authorization", "Bearer demo-supervisor")).statusCode()).isEqualTo(403);
  }

  @Test
  void healthChecksNeedNoToken() {
    HttpResponse<String> response = send(get("/health/live"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEqualTo("live");
  }

  @Test
  void aRejectedBodyDoesNotSpoilTheConnection() {
    String body = "{\"text\":\"" + "x".repeat(32_000) + "\"}";

    for (int i = 0; i < 3; i++) {
      assertThat(send(post("/v1/contacts", body)).statusCode()).isEqualTo(401);
      assertThat(send(post("/v1/contacts", body).header("Authorization", "Bearer demo-ops")).statusCode()).isEqualTo(403);
      HttpResponse<String> created = send(post("/v1/contacts", body).header("Authorization", "Bearer demo-telephony"));
      assertThat(created.statusCode()).isEqualTo(201);
      assertThat(created.body()).isEqualTo("demo-telephony any contact");
    }
  }

  private static void assertUnauthorized(HttpResponse<String> response, String detail) {
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
    JsonObject problem = new JsonObject(response.body());
    assertThat(problem.getInteger("status")).isEqualTo(401);
    assertThat(problem.getString("title")).isEqualTo("Unauthorized");
    assertThat(problem.getString("detail")).contains(detail);
  }

  private static HttpRequest.Builder get(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
  }

  private static HttpRequest.Builder post(String path, String json) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
