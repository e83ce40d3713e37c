package io.omniroute.engine.api;

import io.omniroute.engine.http.Problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.omniroute.client.ApiClient;
import io.omniroute.client.ApiException;
import io.omniroute.client.ApiResponse;
import io.omniroute.client.api.AgentsApi;
import io.omniroute.client.api.ContactsApi;
import io.omniroute.client.api.OperationsApi;
import io.omniroute.client.api.QueuesApi;
import io.omniroute.client.api.RulesApi;
import io.omniroute.client.model.ActivateRulesRequest;
import io.omniroute.client.model.Agent;
import io.omniroute.client.model.AgentCapacity;
import io.omniroute.client.model.AgentRequest;
import io.omniroute.client.model.ClaimContactRequest;
import io.omniroute.client.model.Classification;
import io.omniroute.client.model.ContactRequest;
import io.omniroute.client.model.ContactRequestFrom;
import io.omniroute.client.model.ContactView;
import io.omniroute.client.model.DecisionAnswer;
import io.omniroute.client.model.ListRuleVersions200Response;
import io.omniroute.client.model.Presence;
import io.omniroute.client.model.PresenceRequest;
import io.omniroute.client.model.QueueSummary;
import io.omniroute.client.model.RuleVersion;
import io.omniroute.client.model.SaveRuleVersionRequest;
import io.omniroute.client.model.SimulateRulesRequest;
import io.omniroute.client.model.SimulateTextOnLastSeen;
import io.omniroute.client.model.Simulation;
import io.omniroute.client.model.ValidateRulesRequest;
import io.omniroute.engine.support.RunningEngine;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The README's tour, driven through the Java client that OpenAPI Generator builds from {@code
 * openapi.yaml} during this build (its default library, okhttp-gson), as an API user would generate
 * it: nothing in the client is written by hand, and it authenticates with the bearer scheme the
 * contract declares.
 */
class GeneratedClientIT {
  private static final String EMAIL_KEY = "mail-4711";
  private static RunningEngine engine;

  @BeforeAll
  static void start() {
    engine = RunningEngine.start();
  }

  @AfterAll
  static void stop() {
    engine.close();
  }

  private static ApiClient as(String token) {
    ApiClient client = new ApiClient().setBasePath("http://127.0.0.1:" + engine.port());
    if (token != null) {
      client.setBearerToken(token);
    }
    return client;
  }

  private static ContactRequest vinEmail() {
    return new ContactRequest().channel(ContactRequest.ChannelEnum.EMAIL)
        .from(new ContactRequestFrom().email("anna@example.com")).dealerId("DE-MUC-001")
        .references(Map.of("vin", "WNW12345678901234")).subject("Inspektion").text("Wann ist mein Auto fertig?");
  }

  @Test
  void drivesTheContactTourWithBearerTokens() throws ApiException {
    ContactsApi telephony = new ContactsApi(as("demo-telephony"));

    DecisionAnswer accident = telephony.createContact(new ContactRequest().channel(ContactRequest.ChannelEnum.VOICE)
        .from(new ContactRequestFrom().phone("+498912345678")).text("I had an accident on the A9, the engine is smoking"), null);
    assertThat(accident.getClassification().getUrgency()).isEqualTo(Classification.UrgencyEnum.CRITICAL);
    assertThat(accident.getRoute().getQueue()).isEqualTo("central");

    ApiResponse<DecisionAnswer> email = telephony.createContactWithHttpInfo(vinEmail(), EMAIL_KEY);
    ApiResponse<DecisionAnswer> again = telephony.createContactWithHttpInfo(vinEmail(), EMAIL_KEY);
    assertThat(email.getStatusCode()).isEqualTo(201);
    assertThat(email.getData().getRoute().getQueue()).isEqualTo("dealer:DE-MUC-001");
    assertThat(again.getStatusCode()).isEqualTo(200);
    assertThat(again.getData().getId()).isEqualTo(email.getData().getId());

    assertThat(telephony.createContact(new ContactRequest().channel(ContactRequest.ChannelEnum.CHAT).country("AT")
        .language("de").text("Wie lange hält der Akku im Winter?"), null).getRoute().getQueue()).isEqualTo("expert:ev-battery");
    assertThat(telephony.createContact(new ContactRequest().channel(ContactRequest.ChannelEnum.EMAIL)
        .from(new ContactRequestFrom().email("tom@example.co.uk")).country("GB")
        .text("Which colours does the estate come in?"), null).getRoute().getQueue()).isEqualTo("country:GB");

    assertThat(new QueuesApi(as("demo-ops")).listQueues().getQueues()).extracting(QueueSummary::getQueue)
        .contains("central", "dealer:DE-MUC-001");
    QueuesApi munich = new QueuesApi(as("demo-dealer-de-muc-001"));
    assertThat(munich.getQueue("dealer:DE-MUC-001", 10).getDepth()).isEqualTo(1);

    ContactView claimed = munich.claimContact("dealer:DE-MUC-001", new ClaimContactRequest().agent("sepp"));
    assertThat(claimed.getId()).isEqualTo(email.getData().getId());
    assertThat(new ContactsApi(as("demo-supervisor-de")).getContact(claimed.getId()).getAgent()).isEqualTo("sepp");
    ContactsApi munichContacts = new ContactsApi(as("demo-dealer-de-muc-001"));
    assertThat(munichContacts.completeContact(claimed.getId()).getStatus()).isEqualTo(ContactView.StatusEnum.COMPLETED);

    assertProblem(catchThrowableOfType(ApiException.class, () -> munichContacts.completeContact(claimed.getId())), 409);
    assertThat(munich.claimContactWithHttpInfo("dealer:DE-MUC-001", new ClaimContactRequest().agent("sepp")).getStatusCode())
        .isEqualTo(204);
    assertProblem(catchThrowableOfType(ApiException.class, () -> telephony.createContact(
        new ContactRequest().channel(ContactRequest.ChannelEnum.VOICE).from(new ContactRequestFrom().phone("089 123")), null)), 400);
  }

  @Test
  void isRefusedWithoutATokenAndOutsideItsRights() {
    assertProblem(catchThrowableOfType(ApiException.class, () -> new QueuesApi(as(null)).listQueues()), 401);
    assertProblem(catchThrowableOfType(ApiException.class, () -> new QueuesApi(as("demo-dealer-de-muc-001"))
        .claimContact("dealer:DE-BER-001", new ClaimContactRequest().agent("sepp"))), 403);
  }

  @Test
  void drivesTheAgentsTour() throws ApiException {
    AgentsApi munich = new AgentsApi(as("demo-dealer-de-muc-001"));
    AgentRequest sepp = new AgentRequest().name("Sepp Huber").queues(List.of("dealer:DE-MUC-001"))
        .capacity(new AgentCapacity().voice(1).chat(3).email(10)).wrapUpSeconds(10);

    ApiResponse<Agent> registered = munich.putAgentWithHttpInfo("sepp", sepp);
    assertThat(registered.getStatusCode()).isEqualTo(201);
    assertThat(registered.getData().getPresence()).isEqualTo(Presence.OFFLINE);
    assertThat(registered.getData().getCapacity().getChat()).isEqualTo(3);
    assertThat(registered.getData().getCapacity().getSms()).isNull();

    Agent available = new AgentsApi(as("demo-agent-sepp"))
        .setAgentPresence("sepp", new PresenceRequest().presence(Presence.AVAILABLE));
    assertThat(available.getPresence()).isEqualTo(Presence.AVAILABLE);
    assertThat(munich.listAgents().getAgents()).extracting(Agent::getId).containsExactly("sepp");
    assertProblem(catchThrowableOfType(ApiException.class, () -> new AgentsApi(as("demo-dealer-de-ber-001"))
        .getAgent("sepp")), 404);
    assertProblem(catchThrowableOfType(ApiException.class, () -> munich.putAgent("bert", new AgentRequest()
        .name("Bert").queues(List.of("dealer:DE-BER-001")).capacity(new AgentCapacity().chat(1)))), 403);
    assertThat(munich.setAgentPresence("sepp", new PresenceRequest().presence(Presence.OFFLINE)).getPresence())
        .as("offline again, so the other tours' contacts wait in the queue").isEqualTo(Presence.OFFLINE);
  }

  @Test
  void drivesTheRulesTour() throws ApiException {
    new ContactsApi(as("demo-telephony")).createContact(new ContactRequest().channel(ContactRequest.ChannelEnum.EMAIL)
        .country("DE").text("Welche Farben gibt es?"), null);
    RulesApi supervisor = new RulesApi(as("demo-supervisor-de"));
    String text = "package io.omniroute.rules;\n";

    assertThat(supervisor.validateRules("DE", new ValidateRulesRequest().text(text)).getValid()).isTrue();
    Simulation simulation = supervisor.simulateRules("DE",
        new SimulateRulesRequest(new SimulateTextOnLastSeen().text(text).lastSeen(10)));
    assertThat(simulation.getContacts()).isPositive().isEqualTo(simulation.getResults().size());
    RuleVersion saved = supervisor.saveRuleVersion("DE", new SaveRuleVersionRequest().text(text).comment("empty DE rules"));
    assertThat(supervisor.activateRules("DE", new ActivateRulesRequest().version(saved.getVersion())).getActiveVersion())
        .isEqualTo(saved.getVersion());
    ListRuleVersions200Response versions = supervisor.listRuleVersions("DE");
    assertThat(versions.getActiveVersion()).isEqualTo(saved.getVersion());
    assertThat(supervisor.listAudit(10).getEntries()).hasSizeGreaterThanOrEqualTo(2);
  }

  @Test
  void readsAScopeWithoutAnActiveVersionAndTheOperationsEndpoints() throws ApiException {
    assertThat(new RulesApi(as("demo-supervisor-at")).listRuleVersions("AT").getActiveVersion()).isNull();
    OperationsApi operations = new OperationsApi(as("demo-ops"));
    operations.live();
    operations.ready();
    assertThat(operations.metrics()).contains("omniroute_queue_depth");
  }

  private static void assertProblem(ApiException failure, int status) {
    assertThat(failure).as("the call fails with %d", status).isNotNull();
    assertThat(failure.getCode()).as(failure.getResponseBody()).isEqualTo(status);
    assertThat(failure.getResponseHeaders().get("Content-Type")).containsExactly(Problem.CONTENT_TYPE);
    assertThat(new JsonObject(failure.getResponseBody()).getString("detail")).isNotBlank();
  }
}
