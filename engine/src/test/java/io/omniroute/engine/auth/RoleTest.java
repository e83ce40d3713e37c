package io.omniroute.engine.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RoleTest {

  @Test
  void parsesEveryForm() {
    assertThat(Role.parse("admin")).isEqualTo(Role.ADMIN);
    assertThat(Role.parse("supervisor")).isEqualTo(Role.SUPERVISOR);
    assertThat(Role.parse("supervisor:DE")).isEqualTo(Role.supervisor("DE"));
    assertThat(Role.parse("ops")).isEqualTo(Role.OPS);
    assertThat(Role.parse("telephony")).isEqualTo(Role.TELEPHONY);
    assertThat(Role.parse("adapter")).isEqualTo(Role.ADAPTER);
    assertThat(Role.parse(" dealer:DE-MUC-001 ")).isEqualTo(Role.dealer("DE-MUC-001"));
    assertThat(Role.parse("agent:sepp")).isEqualTo(Role.agent("sepp"));
    assertThat(Role.parse("agent:crm:4711")).isEqualTo(Role.agent("crm:4711"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"admin", "supervisor", "supervisor:AT", "ops", "telephony", "adapter", "dealer:GB-LON-001",
      "agent:sepp", "agent:anna.berger@example.com"})
  void printsAsWrittenInTheTokensFile(String text) {
    assertThat(Role.parse(text)).hasToString(text);
  }

  @Test
  void aSupervisorWithoutCountryIsGlobal() {
    assertThat(Role.SUPERVISOR.isGlobalSupervisor()).isTrue();
    assertThat(Role.supervisor("DE").isGlobalSupervisor()).isFalse();
    assertThat(Role.ADMIN.isGlobalSupervisor()).isFalse();
  }

  @Test
  void aDealerWorksItsOwnQueue() {
    assertThat(Role.dealer("DE-MUC-001").dealerQueue()).isEqualTo("dealer:DE-MUC-001");
    assertThat(Role.ADMIN.dealerQueue()).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"root", "Admin", "superuser:DE", "Agent:sepp", "agents:sepp"})
  void rejectsAnUnknownRoleNamingTheValidForms(String text) {
    assertThatThrownBy(() -> Role.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown role '" + text + "'")
        .hasMessageContaining("admin, supervisor, supervisor:<CC>")
        .hasMessageContaining("dealer:<dealer id>")
        .hasMessageContaining("agent:<agent id>");
  }

  @ParameterizedTest
  @ValueSource(strings = {"supervisor:de", "supervisor:DEU", "supervisor:", "supervisor:1A"})
  void rejectsASupervisorScopeThatIsNotACountryCode(String text) {
    assertThatThrownBy(() -> Role.parse(text))
        .hasMessageContaining("ISO country code of two upper-case letters")
        .hasMessageContaining("use one of");
  }

  @Test
  void rejectsADealerWithoutAValidId() {
    assertThatThrownBy(() -> Role.parse("dealer")).hasMessageContaining("needs the dealer id");
    assertThatThrownBy(() -> Role.parse("dealer:")).hasMessageContaining("dealer id must be");
    assertThatThrownBy(() -> Role.parse("dealer:DE MUC")).hasMessageContaining("dealer id must be");
  }

  @Test
  void rejectsAnAgentWithoutAValidId() {
    assertThatThrownBy(() -> Role.parse("agent")).hasMessageContaining("needs the agent id, e.g. agent:sepp");
    assertThatThrownBy(() -> Role.parse("agent:")).hasMessageContaining("agent id must be");
    assertThatThrownBy(() -> Role.parse("agent:sepp huber")).hasMessageContaining("agent id must be");
    assertThatThrownBy(() -> Role.parse("agent:-sepp")).hasMessageContaining("agent id must be");
  }

  @Test
  void anAgentWorksNoQueue() {
    assertThat(Role.agent("sepp").dealerQueue()).isNull();
    assertThat(Role.agent("sepp").scope()).isEqualTo("sepp");
  }

  @Test
  void rejectsAScopeOnRolesWithoutOne() {
    assertThatThrownBy(() -> Role.parse("ops:DE")).hasMessageContaining("role ops takes no scope");
    assertThatThrownBy(() -> Role.parse("admin:global")).hasMessageContaining("role admin takes no scope");
  }

  @Test
  void rejectsAnEmptyRole() {
    assertThatThrownBy(() -> Role.parse(" ")).hasMessageContaining("empty role");
    assertThatThrownBy(() -> Role.parse(null)).hasMessageContaining("empty role");
  }
}
