package io.omniroute.engine.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.omniroute.engine.support.EngineClient;
import io.omniroute.engine.support.RunningEngine;
import io.omniroute.engine.support.SseStream;
import io.vertx.core.json.JsonObject;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * Walks every endpoint of openapi.yaml with every demo role, no token and an unknown token, on a
 * running engine: 401 without a known token, 403 exactly where {@link AccessPolicy} denies (whose
 * matrix {@code AccessPolicyTest} spells out), 404 for a dealer completing a contact that is not
 * in its own queue or reading a customer it does not own (the answer for an unknown id), 403 for a
 * country supervisor writing another country's customer (in an import: that row is rejected), 404
 * for a dealer reading an agent of another dealer's queue and 403 for it setting that agent's
 * presence, 404 for a dealer reading, deleting or replaying another dealer's webhook and 403 for it
 * registering one for another dealer's queue, the same for the Munich dealer's partner channel, and
 * otherwise the endpoint's own answer. An event
 * stream's answer is its status: the stream is closed as soon as it opened.
 */
class RoleMatrixIT {
  private static final String DEALER_MAIL = ApiAccessIT.DEALER_MAIL;
  /** Where the walk's contact waits: a dealer may complete it only from this queue. */
  private static final String CONTACT_QUEUE = "dealer:DE-MUC-001";
  private static final String RULES = new JsonObject().put("text", "package io.omniroute.rules;\n").encode();
  /** The walk's customer: of Germany, owned by the Munich dealer. */
  private static final String CUSTOMER = "{\"identities\":{\"phones\":[\"+49891234567\"]},\"country\":\"DE\","
      + "\"ownerDealerId\":\"DE-MUC-001\"}";
  /** The walk's agent: serves the Munich dealer's queue only. */
  private static final String AGENT = "{\"name\":\"Sepp Huber\",\"queues\":[\"dealer:DE-MUC-001\"],"
      + "\"capacity\":{\"voice\":1,\"chat\":3,\"email\":10},\"wrapUpSeconds\":10}";
  /** The walk's webhook: the Munich dealer's, for its own queue; deliveries to it fail and are retried meanwhile. */
  private static final String WEBHOOK = "{\"url\":\"http://127.0.0.1:9/hook\",\"secret\":\"0123456789abcdef0123\","
      + "\"queues\":[\"dealer:DE-MUC-001\"]}";
  /** The walk's inbound email, as a mail service posts it. */
  private static final String RAW_MAIL = "Message-ID: <matrix@mail.example.com>\r\nFrom: anna@example.com\r\n"
      + "To: service@autohaus-muenchen.example\r\nSubject: Matrix\r\n\r\nIs my car ready?\r\n";
  /** The walk's social post: a generic network's, answered 200 with its first contact after the first time. */
  private static final String SOCIAL_POST = "{\"postId\":\"matrix-1\",\"author\":{\"handle\":\"matrix\"},"
      + "\"text\":\"Which colours are there?\",\"page\":\"nordwind.muenchen\"}";
  /** The walk's partner channel: the Munich dealer's page. */
  private static final String PARTNER_CHANNEL = "{\"network\":\"instagram\",\"page\":\"nordwind.muenchen\","
      + "\"dealerId\":\"DE-MUC-001\"}";
  /** Who owns the walk's webhook and partner channel: the Munich dealer. */
  private static final Predicate<Principal> OWNS_WEBHOOK = principal -> principal.dealerIds().contains("DE-MUC-001");
  private static final Predicate<Principal> OWNS_AGENT = principal ->
      principal.dealerIds().contains("DE-MUC-001") || principal.agentIds().contains("sepp");
  private static final Predicate<Principal> OWNS_CONTACT = principal -> principal.ownsDealerQueue(CONTACT_QUEUE);
  private static final Predicate<Principal> OWNS_CUSTOMER = principal ->
      principal.supervisedCountries().contains("DE") || principal.dealerIds().contains("DE-MUC-001");

  /**
   * One request of the walk: the operation it calls, its path parameters, the request, whether a
   * caller allowed only its own ({@link AccessDecision#ALLOW_OWN}) owns what the request reaches,
   * and what such a caller gets when it does not.
   */
  /** A form as Twilio posts it, unsigned: the Twilio endpoints are off in this engine (404). */
  private static final String TWILIO_FORM = "CallSid=CA0123456789abcdef0123456789abcdef&From=%2B12025550123&To=%2B498912340000";

  private record Call(String operation, Map<String, String> params, String method, String path, String body,
      Predicate<Principal> owns, int notOwned) {
    Call(String operation, Map<String, String> params, String method, String path, String body) {
      this(operation, params, method, path, body, OWNS_CONTACT, 404);
    }

    Answer send(EngineClient client) {
      if (method.equals("STREAM")) {
        try (SseStream stream = client.events(path)) {
          return new Answer(stream.status(), stream.status() == 200 ? "(an event stream)" : stream.errorBody());
        }
      }
      HttpResponse<String> response = switch (method) {
        case "GET" -> client.get(path);
        case "PUT" -> client.put(path, body);
        case "DELETE" -> client.delete(path);
        case "IMPORT" -> client.send(java.net.http.HttpRequest.newBuilder(client.uri(path))
            .header("Content-Type", "application/x-ndjson").POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)));
        case "FORM" -> client.send(java.net.http.HttpRequest.newBuilder(client.uri(path))
            .header("Content-Type", "application/x-www-form-urlencoded").POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)));
        case "MAIL" -> client.send(java.net.http.HttpRequest.newBuilder(client.uri(path))
            .header("Content-Type", "message/rfc822").POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)));
        default -> client.post(path, body);
      };
      return new Answer(response.statusCode(), response.body());
    }

    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  /** The status and body of one request's answer; an event stream's body is not read. */
  private record Answer(int statusCode, String body) {}

  private static List<Call> calls(String contactId) {
    List<Call> calls = new ArrayList<>(List.of(
        new Call("createContact", Map.of(), "POST", "/v1/contacts", DEALER_MAIL),
        new Call("getContact", Map.of(), "GET", "/v1/contacts/" + contactId, null),
        new Call("completeContact", Map.of(), "POST", "/v1/contacts/" + contactId + "/complete", "{}"),
        new Call("abandonContact", Map.of(), "POST", "/v1/contacts/unknown-id/abandon", "{}"),
        new Call("transferContact", Map.of(), "POST", "/v1/contacts/" + contactId + "/transfer",
            "{\"queue\":\"" + CONTACT_QUEUE + "\",\"reason\":\"matrix\"}"),
        new Call("getConversation", Map.of(), "GET", "/v1/conversations/" + contactId, null),
        new Call("answerConversation", Map.of(), "POST", "/v1/conversations/" + contactId + "/messages",
            "{\"agent\":\"matrix\",\"text\":\"We will call you back.\"}"),
        new Call("listQueues", Map.of(), "GET", "/v1/queues", null),
        new Call("metrics", Map.of(), "GET", "/metrics", null),
        new Call("twilioVoice", Map.of(), "FORM", "/v1/channels/twilio/voice", TWILIO_FORM),
        new Call("twilioVoiceStatus", Map.of(), "FORM", "/v1/channels/twilio/voice/status", TWILIO_FORM),
        new Call("twilioSms", Map.of(), "FORM", "/v1/channels/twilio/sms", TWILIO_FORM),
        new Call("live", Map.of(), "GET", "/health/live", null),
        new Call("ready", Map.of(), "GET", "/health/ready", null),
        new Call("openChatSocket", Map.of(), "GET", "/v1/channels/chat/socket?dealer=DE-MUC-001", null),
        new Call("listRules", Map.of(), "GET", "/v1/rules", null),
        new Call("listAudit", Map.of(), "GET", "/v1/audit", null)));
    calls.add(new Call("receiveEmail", Map.of(), "MAIL", "/v1/channels/email/inbound", RAW_MAIL));
    calls.add(new Call("putCustomer", Map.of(), "PUT", "/v1/customers/C-MATRIX", CUSTOMER, OWNS_CUSTOMER, 403));
    calls.add(new Call("getCustomer", Map.of(), "GET", "/v1/customers/C-MATRIX", null, OWNS_CUSTOMER, 404));
    calls.add(new Call("findCustomer", Map.of(), "GET", "/v1/customers?phone=%2B49891234567", null, OWNS_CUSTOMER, 404));
    calls.add(new Call("importCustomers", Map.of(), "IMPORT", "/v1/customers/import",
        new JsonObject(CUSTOMER).put("id", "C-IMPORTED").encode() + "\n", principal -> true, 200));
    calls.add(new Call("eraseCustomer", Map.of(), "DELETE", "/v1/customers/C-MATRIX", null, OWNS_CUSTOMER, 404));
    Map<String, String> sepp = Map.of(AccessPolicy.AGENT_PARAM, "sepp");
    calls.add(new Call("listAgents", Map.of(), "GET", "/v1/agents", null, principal -> true, 200));
    calls.add(new Call("putAgent", sepp, "PUT", "/v1/agents/sepp", AGENT, OWNS_AGENT, 403));
    calls.add(new Call("getAgent", sepp, "GET", "/v1/agents/sepp", null, OWNS_AGENT, 404));
    calls.add(new Call("setAgentPresence", sepp, "PUT", "/v1/agents/sepp/presence", "{\"presence\":\"available\"}",
        OWNS_AGENT, 403));
    calls.add(new Call("acceptOffer", Map.of(), "POST", "/v1/offers/of-matrix/accept", "", principal -> false, 404));
    calls.add(new Call("rejectOffer", Map.of(), "POST", "/v1/offers/of-matrix/reject", "{\"reason\":\"matrix\"}",
        principal -> false, 404));
    calls.add(new Call("listWebhooks", Map.of(), "GET", "/v1/webhooks", null, principal -> true, 200));
    calls.add(new Call("putWebhook", Map.of(), "PUT", "/v1/webhooks/hook-muc", WEBHOOK, OWNS_WEBHOOK, 403));
    calls.add(new Call("getWebhook", Map.of(), "GET", "/v1/webhooks/hook-muc", null, OWNS_WEBHOOK, 404));
    calls.add(new Call("listWebhookDeadLetters", Map.of(), "GET", "/v1/webhooks/hook-muc/dead-letters", null,
        OWNS_WEBHOOK, 404));
    calls.add(new Call("replayWebhookDeadLetters", Map.of(), "POST", "/v1/webhooks/hook-muc/dead-letters/replay", "{}",
        OWNS_WEBHOOK, 404));
    calls.add(new Call("deleteWebhook", Map.of(), "DELETE", "/v1/webhooks/hook-muc", null, OWNS_WEBHOOK, 404));
    calls.add(new Call("streamAgentEvents", sepp, "STREAM", "/v1/agents/sepp/events", null, OWNS_AGENT, 404));
    calls.add(new Call("receiveSocialPost", Map.of(), "POST", "/v1/channels/social/instagram", SOCIAL_POST));
    calls.add(new Call("listPartnerChannels", Map.of(), "GET", "/v1/partner-channels", null, principal -> true, 200));
    calls.add(new Call("putPartnerChannel", Map.of(), "PUT", "/v1/partner-channels/muc-instagram", PARTNER_CHANNEL,
        OWNS_WEBHOOK, 403));
    calls.add(new Call("getPartnerChannel", Map.of(), "GET", "/v1/partner-channels/muc-instagram", null, OWNS_WEBHOOK,
        404));
    calls.add(new Call("deletePartnerChannel", Map.of(), "DELETE", "/v1/partner-channels/muc-instagram", null,
        OWNS_WEBHOOK, 404));
    for (String queue : List.of("central", "country:DE", "dealer:DE-MUC-001", "dealer:DE-BER-001")) {
      Map<String, String> params = Map.of(AccessPolicy.QUEUE_PARAM, queue);
      calls.add(new Call("getQueue", params, "GET", "/v1/queues/" + queue, null));
      calls.add(new Call("claimContact", params, "POST", "/v1/queues/" + queue + "/claim", "{\"agent\":\"matrix\"}"));
      calls.add(new Call("streamQueueEvents", params, "STREAM", "/v1/queues/" + queue + "/events", null));
    }
    for (String scope : List.of("global", "DE", "AT")) {
      Map<String, String> params = Map.of(AccessPolicy.SCOPE_PARAM, scope);
      String base = "/v1/rules/" + scope;
      calls.add(new Call("listRuleVersions", params, "GET", base + "/versions", null));
      calls.add(new Call("getRuleVersion", params, "GET", base + "/versions/1", null));
      calls.add(new Call("validateRules", params, "POST", base + "/validate", RULES));
      calls.add(new Call("simulateRules", params, "POST", base + "/simulate",
          new JsonObject(RULES).put("lastSeen", 5).encode()));
      calls.add(new Call("saveRuleVersion", params, "POST", base + "/versions", RULES));
      calls.add(new Call("activateRules", params, "POST", base + "/activate", "{\"version\":1}"));
    }
    return calls;
  }

  @Test
  void everyRoleGetsExactlyItsRightsOnEveryEndpoint() throws Exception {
    try (RunningEngine engine = RunningEngine.start()) {
      String contactId = engine.as("demo-telephony").createContact(DEALER_MAIL).getString("id");
      assertThat(engine.as("demo-admin").put("/v1/agents/sepp", AGENT).statusCode()).isEqualTo(201);
      List<Call> calls = calls(contactId);
      Set<String> walked = new TreeSet<>();
      calls.forEach(call -> walked.add(call.operation()));
      assertThat(walked).as("every operation of openapi.yaml is walked").isEqualTo(operationIds());
      List<String> wrong = new ArrayList<>();
      int checked = 0;
      for (Call call : calls) {
        boolean open = AccessPolicy.isPublic(call.operation());
        for (EngineClient client : List.of(engine.anonymous(), engine.as("not-a-known-token"))) {
          int status = call.send(client).statusCode();
          checked++;
          if (open ? status == 401 || status == 403 : status != 401) {
            wrong.add(call + " with " + (client.token() == null ? "no token" : "an unknown token") + ": " + status);
          }
        }
        for (String token : AccessTokens.DEMO_TOKENS.keySet()) {
          Principal principal = AccessTokens.demo().authenticate(token).orElseThrow();
          AccessDecision decision = AccessPolicy.decide(principal, call.operation(), call.params());
          boolean denied = decision == AccessDecision.DENY;
          boolean notOwned = decision == AccessDecision.ALLOW_OWN && !call.owns().test(principal);
          engine.as("demo-admin").put("/v1/customers/C-MATRIX", CUSTOMER);
          engine.as("demo-dealer-de-muc-001").put("/v1/webhooks/hook-muc", WEBHOOK);
          engine.as("demo-dealer-de-muc-001").put("/v1/partner-channels/muc-instagram", PARTNER_CHANNEL);
          Answer response = call.send(engine.as(token));
          checked++;
          boolean forbidden = response.statusCode() == 403;
          boolean expectForbidden = denied || (notOwned && call.notOwned() == 403);
          if (expectForbidden != forbidden || response.statusCode() == 401
              || (notOwned && response.statusCode() != call.notOwned())) {
            wrong.add(call + " as " + principal.roles() + ": " + response.statusCode() + " " + response.body());
          }
        }
      }
      assertThat(wrong).isEmpty();
      assertThat(checked).isEqualTo(calls.size() * (2 + AccessTokens.DEMO_TOKENS.size()));
    }
  }

  private static Set<String> operationIds() throws Exception {
    try (InputStream in = RoleMatrixIT.class.getClassLoader().getResourceAsStream("openapi.yaml")) {
      JsonNode paths = new ObjectMapper(new YAMLFactory()).readTree(in).get("paths");
      Set<String> ids = new TreeSet<>();
      paths.forEach(path -> path.forEach(operation -> {
        if (operation.has("operationId")) {
          ids.add(operation.get("operationId").asText());
        }
      }));
      return ids;
    }
  }
}
