package io.omniroute.engine.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The whole access matrix, role by role and operation by operation, with queue, scope and agent
 * variants. An agent's {@code O} is the same for every agent id: the service tells itself from
 * others ({@code AgentServiceTest}).
 */
class AccessPolicyTest {
  /** The roles of the columns below, in order. */
  static final List<Role> ROLES = List.of(
      Role.ADMIN, Role.SUPERVISOR, Role.supervisor("DE"), Role.OPS, Role.TELEPHONY, Role.ADAPTER,
      Role.dealer("DE-MUC-001"), Role.agent("sepp"));

  /** The rule operations the rules API adds to openapi.yaml. */
  static final Set<String> RULE_OPERATIONS = Set.of("listRules", "listRuleVersions", "getRuleVersion", "listAudit",
      "validateRules", "simulateRules", "saveRuleVersion", "activateRules");

  /** A = ALLOW, D = DENY, O = ALLOW_OWN; "-" for no path parameter. */
  static final String MATRIX = """
      # operation        path parameter             admin supervisor supervisor:DE ops telephony adapter dealer:DE-MUC-001 agent:sepp
      createContact      -                          A     D          D             D   A         A       D                 D
      abandonContact     -                          A     D          D             D   A         A       D                 D
      receiveEmail       -                          A     D          D             D   A         A       D                 D
      getContact         -                          A     A          A             A   D         D       O                 D
      completeContact    -                          A     A          D             D   D         D       O                 D
      transferContact    -                          A     A          D             D   D         D       O                 D
      getConversation    -                          A     A          A             A   D         D       O                 D
      answerConversation -                          A     A          D             D   D         D       O                 D
      listQueues         -                          A     A          A             A   D         D       D                 D
      getQueue           queue=central              A     A          A             A   D         D       D                 D
      getQueue           queue=country:DE           A     A          A             A   D         D       D                 D
      getQueue           queue=dealer:DE-MUC-001    A     A          A             A   D         D       A                 D
      getQueue           queue=dealer:DE-BER-001    A     A          A             A   D         D       D                 D
      claimContact       queue=central              A     A          D             D   D         D       D                 D
      claimContact       queue=country:DE           A     A          D             D   D         D       D                 D
      claimContact       queue=dealer:DE-MUC-001    A     A          D             D   D         D       A                 D
      claimContact       queue=dealer:DE-BER-001    A     A          D             D   D         D       D                 D
      metrics            -                          A     D          D             A   D         D       D                 D
      listRules          -                          A     A          A             A   D         D       D                 D
      listRuleVersions   scope=global               A     A          A             A   D         D       D                 D
      listRuleVersions   scope=AT                   A     A          A             A   D         D       D                 D
      getRuleVersion     scope=DE                   A     A          A             A   D         D       D                 D
      listAudit          -                          A     A          A             A   D         D       D                 D
      validateRules      scope=global               A     A          D             D   D         D       D                 D
      validateRules      scope=DE                   A     D          A             D   D         D       D                 D
      validateRules      scope=AT                   A     D          D             D   D         D       D                 D
      simulateRules      scope=global               A     A          D             D   D         D       D                 D
      simulateRules      scope=DE                   A     D          A             D   D         D       D                 D
      simulateRules      scope=AT                   A     D          D             D   D         D       D                 D
      saveRuleVersion    scope=global               A     A          D             D   D         D       D                 D
      saveRuleVersion    scope=DE                   A     D          A             D   D         D       D                 D
      saveRuleVersion    scope=AT                   A     D          D             D   D         D       D                 D
      activateRules      scope=global               A     A          D             D   D         D       D                 D
      activateRules      scope=DE                   A     D          A             D   D         D       D                 D
      activateRules      scope=AT                   A     D          D             D   D         D       D                 D
      putCustomer        -                          A     A          O             D   D         D       D                 D
      eraseCustomer      -                          A     A          O             D   D         D       D                 D
      importCustomers    -                          A     A          O             D   D         D       D                 D
      getCustomer        -                          A     A          O             D   D         D       O                 D
      findCustomer       -                          A     A          O             D   A         A       O                 D
      listAgents         -                          A     A          A             A   D         D       O                 D
      getAgent           agentId=sepp               A     A          A             A   D         D       O                 O
      getAgent           agentId=anna               A     A          A             A   D         D       O                 O
      putAgent           agentId=sepp               A     A          D             D   D         D       O                 D
      setAgentPresence   agentId=sepp               A     A          D             D   D         D       O                 O
      setAgentPresence   agentId=anna               A     A          D             D   D         D       O                 O
      acceptOffer        -                          A     A          D             D   D         D       O                 O
      rejectOffer        -                          A     A          D             D   D         D       O                 O
      listWebhooks       -                          A     A          A             A   D         D       O                 D
      getWebhook         -                          A     A          A             A   D         D       O                 D
      listWebhookDeadLetters -                      A     A          A             A   D         D       O                 D
      putWebhook         -                          A     A          D             D   D         D       O                 D
      deleteWebhook      -                          A     A          D             D   D         D       O                 D
      replayWebhookDeadLetters -                    A     A          D             A   D         D       O                 D
      streamAgentEvents  agentId=sepp               A     A          A             A   D         D       O                 O
      streamAgentEvents  agentId=anna               A     A          A             A   D         D       O                 O
      streamQueueEvents  queue=central              A     A          A             A   D         D       D                 D
      streamQueueEvents  queue=dealer:DE-MUC-001    A     A          A             A   D         D       A                 D
      streamQueueEvents  queue=dealer:DE-BER-001    A     A          A             A   D         D       D                 D
      receiveSocialPost  -                          A     D          D             D   A         A       D                 D
      listPartnerChannels -                         A     A          A             A   D         D       O                 D
      getPartnerChannel  -                          A     A          A             A   D         D       O                 D
      putPartnerChannel  -                          A     A          D             D   D         D       O                 D
      deletePartnerChannel -                        A     A          D             D   D         D       O                 D
      live               -                          A     A          A             A   A         A       A                 A
      twilioVoice        -                          A     A          A             A   A         A       A                 A
      twilioVoiceStatus  -                          A     A          A             A   A         A       A                 A
      twilioSms          -                          A     A          A             A   A         A       A                 A
      ready              -                          A     A          A             A   A         A       A                 A
      openChatSocket     -                          A     A          A             A   A         A       A                 A
      deleteEverything   -                          A     D          D             D   D         D       D                 D
      """;

  record Row(String operation, Map<String, String> params, List<AccessDecision> expected) {}

  static List<Row> rows() {
    List<Row> rows = new ArrayList<>();
    for (String line : MATRIX.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList()) {
      String[] cells = line.split("\\s+");
      assertThat(cells).as(line).hasSize(2 + ROLES.size());
      Map<String, String> params = new HashMap<>();
      if (!cells[1].equals("-")) {
        String[] param = cells[1].split("=", 2);
        params.put(param[0], param[1]);
      }
      List<AccessDecision> expected = new ArrayList<>();
      for (int i = 2; i < cells.length; i++) {
        expected.add(switch (cells[i]) {
          case "A" -> AccessDecision.ALLOW;
          case "D" -> AccessDecision.DENY;
          case "O" -> AccessDecision.ALLOW_OWN;
          default -> throw new IllegalArgumentException(line);
        });
      }
      rows.add(new Row(cells[0], Map.copyOf(params), expected));
    }
    return rows;
  }

  static Stream<Arguments> matrix() {
    return rows().stream().flatMap(row -> java.util.stream.IntStream.range(0, ROLES.size()).mapToObj(i ->
        Arguments.of(ROLES.get(i), row.operation(), row.params(), row.expected().get(i))));
  }

  @ParameterizedTest(name = "{0} {1} {2} -> {3}")
  @MethodSource("matrix")
  void decidesAsTheMatrixSays(Role role, String operation, Map<String, String> params, AccessDecision expected) {
    assertThat(AccessPolicy.decide(new Principal("someone", Set.of(role)), operation, params)).isEqualTo(expected);
  }

  @Test
  void everyKnownOperationIsInTheMatrix() {
    Set<String> inMatrix = new TreeSet<>();
    rows().forEach(row -> inMatrix.add(row.operation()));
    assertThat(inMatrix).containsAll(AccessPolicy.knownOperations());
  }

  @Test
  void everyOperationOfTheContractAndTheRulesApiHasAnExplicitEntry() throws IOException {
    Set<String> operations = new TreeSet<>(RULE_OPERATIONS);
    try (InputStream in = AccessPolicy.class.getClassLoader().getResourceAsStream("openapi.yaml")) {
      assertThat(in).as("openapi.yaml on the class path").isNotNull();
      JsonNode contract = new ObjectMapper(new YAMLFactory()).readTree(in);
      contract.get("paths").forEach(path -> path.forEach(operation -> {
        if (operation.has("operationId")) {
          operations.add(operation.get("operationId").asText());
        }
      }));
    }
    assertThat(operations).hasSizeGreaterThan(RULE_OPERATIONS.size());
    assertThat(AccessPolicy.knownOperations()).containsAll(operations);
  }

  @Test
  void aCallerWithSeveralRolesGetsTheBestAnswer() {
    Principal dealerAndCountrySupervisor = Principal.of("mixed", Role.dealer("DE-MUC-001"), Role.supervisor("DE"));
    Principal dealerAndGlobalSupervisor = Principal.of("mixed", Role.dealer("DE-MUC-001"), Role.SUPERVISOR);
    Principal intakeAndOps = Principal.of("mixed", Role.TELEPHONY, Role.OPS);

    assertThat(AccessPolicy.decide(dealerAndCountrySupervisor, "completeContact", Map.of()))
        .isEqualTo(AccessDecision.ALLOW_OWN);
    assertThat(AccessPolicy.decide(dealerAndGlobalSupervisor, "completeContact", Map.of()))
        .isEqualTo(AccessDecision.ALLOW);
    assertThat(AccessPolicy.decide(intakeAndOps, "createContact", Map.of())).isEqualTo(AccessDecision.ALLOW);
    assertThat(AccessPolicy.decide(intakeAndOps, "metrics", Map.of())).isEqualTo(AccessDecision.ALLOW);
    assertThat(AccessPolicy.decide(intakeAndOps, "claimContact", Map.of("queue", "central")))
        .isEqualTo(AccessDecision.DENY);
  }

  @Test
  void anAgentWhoIsAlsoADealerManagesItsDealersAgentsAndAnAgentWhoReadsEverythingReadsEveryAgent() {
    Principal agentAndDealer = Principal.of("mixed", Role.agent("sepp"), Role.dealer("DE-MUC-001"));
    Principal agentAndOps = Principal.of("mixed", Role.agent("sepp"), Role.OPS);

    assertThat(AccessPolicy.decide(agentAndDealer, "putAgent", Map.of("agentId", "anna")))
        .isEqualTo(AccessDecision.ALLOW_OWN);
    assertThat(AccessPolicy.decide(agentAndDealer, "listAgents", Map.of())).isEqualTo(AccessDecision.ALLOW_OWN);
    assertThat(AccessPolicy.decide(agentAndOps, "getAgent", Map.of("agentId", "anna"))).isEqualTo(AccessDecision.ALLOW);
    assertThat(AccessPolicy.decide(agentAndOps, "setAgentPresence", Map.of("agentId", "sepp")))
        .isEqualTo(AccessDecision.ALLOW_OWN);
    assertThat(AccessPolicy.decide(agentAndOps, "putAgent", Map.of("agentId", "sepp"))).isEqualTo(AccessDecision.DENY);
  }

  @Test
  void withoutAPrincipalOnlyPublicOperationsAreAllowed() {
    assertThat(AccessPolicy.decide(null, "live", Map.of())).isEqualTo(AccessDecision.ALLOW);
    assertThat(AccessPolicy.decide(null, "ready", Map.of())).isEqualTo(AccessDecision.ALLOW);
    assertThat(AccessPolicy.decide(null, "listQueues", Map.of())).isEqualTo(AccessDecision.DENY);
    assertThat(AccessPolicy.decide(null, "somethingNew", Map.of())).isEqualTo(AccessDecision.DENY);
    assertThat(AccessPolicy.isPublic("live")).isTrue();
    assertThat(AccessPolicy.decide(null, "openChatSocket", Map.of())).isEqualTo(AccessDecision.ALLOW);
    assertThat(AccessPolicy.isPublic("metrics")).isFalse();
    assertThat(AccessPolicy.decide(null, "twilioSms", Map.of())).as("Twilio signs instead").isEqualTo(AccessDecision.ALLOW);
  }

  @Test
  void ruleWritesWithoutAScopeAreForAdminOnly() {
    assertThat(AccessPolicy.decide(Principal.of("s", Role.SUPERVISOR), "activateRules", Map.of()))
        .isEqualTo(AccessDecision.DENY);
    assertThat(AccessPolicy.decide(Principal.of("a", Role.ADMIN), "activateRules", Map.of()))
        .isEqualTo(AccessDecision.ALLOW);
  }

  @Test
  void namesTheRolesThatWouldBeAllowed() {
    assertThat(AccessPolicy.allowedRoles("createContact", Map.of())).isEqualTo("admin, telephony, adapter");
    assertThat(AccessPolicy.allowedRoles("metrics", Map.of())).isEqualTo("admin, ops");
    assertThat(AccessPolicy.allowedRoles("activateRules", Map.of("scope", "AT"))).isEqualTo("admin, supervisor:AT");
    assertThat(AccessPolicy.allowedRoles("activateRules", Map.of("scope", "global")))
        .isEqualTo("admin, supervisor (global)");
    assertThat(AccessPolicy.allowedRoles("claimContact", Map.of("queue", "dealer:DE-BER-001")))
        .isEqualTo("admin, supervisor (global), dealer:DE-BER-001");
    assertThat(AccessPolicy.allowedRoles("getQueue", Map.of("queue", "central")))
        .isEqualTo("admin, supervisor, supervisor:<CC>, ops");
    assertThat(AccessPolicy.allowedRoles("putAgent", Map.of("agentId", "sepp")))
        .isEqualTo("admin, supervisor (global), dealer:<id> for the agents who serve only its dealer queue");
    assertThat(AccessPolicy.allowedRoles("setAgentPresence", Map.of("agentId", "sepp")))
        .isEqualTo("admin, supervisor (global), dealer:<id> for the agents who serve only its dealer queue,"
            + " agent:<id> for itself");
    assertThat(AccessPolicy.allowedRoles("replayWebhookDeadLetters", Map.of()))
        .isEqualTo("admin, supervisor (global), ops, dealer:<id> for the webhooks it registered");
    assertThat(AccessPolicy.allowedRoles("somethingNew", Map.of())).isEqualTo("admin");
  }
}
