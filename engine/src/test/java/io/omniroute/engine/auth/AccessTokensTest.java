package io.omniroute.engine.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AccessTokensTest {
  /** SHA-256 of "password", the example in the README. */
  static final String PASSWORD_SHA256 = "5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8";

  @TempDir Path dir;

  @Test
  void hashesWithSha256AsLowerCaseHex() {
    assertThat(AccessTokens.sha256Hex("password")).isEqualTo(PASSWORD_SHA256);
  }

  @Test
  void findsThePrincipalOfAKnownTokenAmongSeveral() throws IOException {
    AccessTokens tokens = AccessTokens.fromFile(write("""
        tokens:
          - name: anna
            sha256: %s
            roles: [supervisor:DE]
          - name: bob
            sha256: %s
            roles: [dealer:DE-MUC-001, ops]
          - name: pbx
            sha256: %s
            roles: telephony
          - name: sepp
            sha256: %s
            roles: [agent:sepp]
        """.formatted(PASSWORD_SHA256, AccessTokens.sha256Hex("bobs-token"), AccessTokens.sha256Hex("pbx-token"),
            AccessTokens.sha256Hex("sepps-token"))));

    assertThat(tokens.size()).isEqualTo(4);
    assertThat(tokens.names()).containsExactly("anna", "bob", "pbx", "sepp");
    assertThat(tokens.authenticate("password")).contains(Principal.of("anna", Role.supervisor("DE")));
    assertThat(tokens.authenticate("bobs-token")).contains(Principal.of("bob", Role.dealer("DE-MUC-001"), Role.OPS));
    assertThat(tokens.authenticate("pbx-token")).contains(Principal.of("pbx", Role.TELEPHONY));
    assertThat(tokens.authenticate("sepps-token")).contains(Principal.of("sepp", Role.agent("sepp")));
  }

  @Test
  void anUnknownEmptyOrOverlongTokenHasNoPrincipal() {
    AccessTokens tokens = AccessTokens.demo();

    assertThat(tokens.authenticate("demo-admin ")).isEmpty();
    assertThat(tokens.authenticate("DEMO-ADMIN")).isEmpty();
    assertThat(tokens.authenticate("")).isEmpty();
    assertThat(tokens.authenticate(null)).isEmpty();
    assertThat(tokens.authenticate("x".repeat(AccessTokens.MAX_TOKEN_LENGTH + 1))).isEmpty();
    assertThat(AccessTokens.empty().authenticate("demo-admin")).isEmpty();
  }

  @Test
  void acceptsUpperCaseHex() {
    AccessTokens tokens = AccessTokens.fromYaml(
        "tokens: [{name: anna, sha256: " + PASSWORD_SHA256.toUpperCase() + ", roles: [admin]}]", "OMNIROUTE_TOKENS");

    assertThat(tokens.authenticate("password")).map(Principal::name).contains("anna");
  }

  @Test
  void theDemoTokensHaveTheirDocumentedRoles() {
    AccessTokens demo = AccessTokens.demo();

    assertThat(demo.size()).isEqualTo(AccessTokens.DEMO_TOKENS.size());
    assertThat(demo.hasDemoTokens()).isTrue();
    assertThat(demo.authenticate("demo-admin")).contains(Principal.of("demo-admin", Role.ADMIN));
    assertThat(demo.authenticate("demo-supervisor")).contains(Principal.of("demo-supervisor", Role.SUPERVISOR));
    assertThat(demo.authenticate("demo-supervisor-de").map(Principal::roles)).contains(Set.of(Role.supervisor("DE")));
    assertThat(demo.authenticate("demo-supervisor-at").map(Principal::roles)).contains(Set.of(Role.supervisor("AT")));
    assertThat(demo.authenticate("demo-ops").map(Principal::roles)).contains(Set.of(Role.OPS));
    assertThat(demo.authenticate("demo-telephony").map(Principal::roles)).contains(Set.of(Role.TELEPHONY));
    assertThat(demo.authenticate("demo-adapter").map(Principal::roles)).contains(Set.of(Role.ADAPTER));
    assertThat(demo.authenticate("demo-dealer-de-muc-001").map(Principal::dealerIds)).contains(Set.of("DE-MUC-001"));
    assertThat(demo.authenticate("demo-dealer-de-ber-001").map(Principal::dealerIds)).contains(Set.of("DE-BER-001"));
    assertThat(demo.authenticate("demo-agent-sepp")).contains(Principal.of("demo-agent-sepp", Role.agent("sepp")));
    assertThat(demo.authenticate("demo-agent-sepp").map(Principal::agentIds)).contains(Set.of("sepp"));
    assertThat(AccessTokens.DEMO_TOKENS).hasSize(10);
    AccessTokens.DEMO_TOKENS.keySet().forEach(token -> assertThat(AccessTokens.isWellFormed(token)).isTrue());
  }

  @Test
  void aFileWithADemoTokensHashCountsAsDemoTokens() {
    AccessTokens copied = AccessTokens.fromYaml(
        "tokens: [{name: x, sha256: " + AccessTokens.sha256Hex("demo-ops") + ", roles: [ops]}]", "OMNIROUTE_TOKENS");

    assertThat(copied.hasDemoTokens()).isTrue();
    assertThat(AccessTokens.of("y", "a-real-secret", Role.OPS).hasDemoTokens()).isFalse();
  }

  @Test
  void combinesSourcesAndRejectsANameOrTokenInTwo() {
    AccessTokens file = AccessTokens.of("anna", "annas-token", Role.ADMIN);
    AccessTokens combined = file.plus(AccessTokens.demo());

    assertThat(combined.size()).isEqualTo(1 + AccessTokens.DEMO_TOKENS.size());
    assertThat(combined.authenticate("annas-token")).map(Principal::name).contains("anna");
    assertThat(combined.authenticate("demo-ops")).map(Principal::name).contains("demo-ops");
    assertThat(combined.describe()).isEqualTo("11 tokens (code: 1, demo tokens: 10)");
    assertThatThrownBy(() -> file.plus(AccessTokens.of("anna", "other", Role.OPS)))
        .isInstanceOf(AccessTokensException.class).hasMessageContaining("token name 'anna' is in both");
    assertThatThrownBy(() -> file.plus(AccessTokens.of("bob", "annas-token", Role.OPS)))
        .hasMessageContaining("the token of 'bob'").hasMessageContaining("same as the token of 'anna'");
  }

  @Test
  void describesWithoutRevealingHashes() {
    AccessTokens tokens = AccessTokens.fromYaml(
        "tokens: [{name: anna, sha256: " + PASSWORD_SHA256 + ", roles: [admin]}]", "OMNIROUTE_TOKENS");

    assertThat(tokens.describe()).isEqualTo("1 token (OMNIROUTE_TOKENS: 1)");
    assertThat(tokens.toString()).doesNotContain(PASSWORD_SHA256);
  }

  @Test
  void aBadFileNamesTheFileTheEntryAndWhatToFix() throws IOException {
    Path file = write("tokens:\n  - name: anna\n    roles: [admin]\n");

    assertThatThrownBy(() -> AccessTokens.fromFile(file))
        .isInstanceOf(AccessTokensException.class)
        .hasMessageContaining("tokens file " + file)
        .hasMessageContaining("tokens[0] (anna): sha256 is missing")
        .hasMessageContaining("hash-token");
  }

  @Test
  void rejectsAHashThatIsNot64HexCharacters() {
    assertThatThrownBy(() -> parse("- {name: anna, sha256: 5e884898da, roles: [admin]}"))
        .hasMessageContaining("tokens[0] (anna): sha256 must be 64 hex characters").hasMessageContaining("got 10");
    assertThatThrownBy(() -> parse("- {name: anna, sha256: " + "z".repeat(64) + ", roles: [admin]}"))
        .hasMessageContaining("got 64 characters with non-hex ones");
  }

  @Test
  void rejectsAnUnknownRole() {
    assertThatThrownBy(() -> parse("- {name: anna, sha256: " + PASSWORD_SHA256 + ", roles: [supervisor:DE, root]}"))
        .hasMessageContaining("OMNIROUTE_TOKENS: tokens[0] (anna): unknown role 'root'")
        .hasMessageContaining("use one of admin, supervisor");
  }

  @Test
  void rejectsARoleWrittenAsAMap() {
    assertThatThrownBy(() -> parse("- {name: anna, sha256: " + PASSWORD_SHA256 + ", roles: [supervisor: DE]}"))
        .hasMessageContaining("without a space after the colon");
  }

  @Test
  void rejectsMissingRolesAndNames() {
    assertThatThrownBy(() -> parse("- {name: anna, sha256: " + PASSWORD_SHA256 + "}"))
        .hasMessageContaining("tokens[0] (anna): roles is missing");
    assertThatThrownBy(() -> parse("- {sha256: " + PASSWORD_SHA256 + ", roles: [admin]}"))
        .hasMessageContaining("tokens[0]: name is missing");
    assertThatThrownBy(() -> parse("- {name: 'anna smith', sha256: " + PASSWORD_SHA256 + ", roles: [admin]}"))
        .hasMessageContaining("name must be 1-64 letters");
  }

  @Test
  void rejectsDuplicateNamesAndDuplicateTokens() {
    String other = AccessTokens.sha256Hex("other");
    assertThatThrownBy(() -> parse("- {name: anna, sha256: " + PASSWORD_SHA256 + ", roles: [admin]}\n"
        + "- {name: anna, sha256: " + other + ", roles: [ops]}"))
        .hasMessageContaining("tokens[1] (anna): duplicate name, also tokens[0]");
    assertThatThrownBy(() -> parse("- {name: anna, sha256: " + PASSWORD_SHA256 + ", roles: [admin]}\n"
        + "- {name: bob, sha256: " + PASSWORD_SHA256.toUpperCase() + ", roles: [ops]}"))
        .hasMessageContaining("tokens[1] (bob): the same sha256 as tokens[0]");
  }

  @Test
  void rejectsAPlainTokenWithAHintToHashIt() {
    assertThatThrownBy(() -> parse("- {name: anna, token: secret, roles: [admin]}"))
        .hasMessageContaining("unknown key 'token'")
        .hasMessageContaining("never store a token itself");
  }

  @Test
  void rejectsAnEmptyListAndInvalidYaml() {
    assertThatThrownBy(() -> AccessTokens.fromYaml("", "OMNIROUTE_TOKENS")).hasMessageContaining("no tokens");
    assertThatThrownBy(() -> AccessTokens.fromYaml("tokens: []", "OMNIROUTE_TOKENS")).hasMessageContaining("no tokens");
    assertThatThrownBy(() -> AccessTokens.fromYaml("tokens: [{name: anna", "OMNIROUTE_TOKENS"))
        .hasMessageStartingWith("OMNIROUTE_TOKENS: ").hasMessageContaining("at line 1");
    assertThatThrownBy(() -> AccessTokens.fromYaml("tokens:\n  - name: anna\n\t roles: [admin]", "OMNIROUTE_TOKENS"))
        .hasMessageContaining("OMNIROUTE_TOKENS: invalid YAML at line").hasMessageContaining("TAB");
    assertThatThrownBy(() -> AccessTokens.fromYaml("tokens: anna", "OMNIROUTE_TOKENS"))
        .hasMessageContaining("unexpected value");
  }

  @Test
  void aMissingFileSaysSo() {
    Path missing = dir.resolve("missing.yaml");
    assertThatThrownBy(() -> AccessTokens.fromFile(missing))
        .hasMessageContaining("tokens file " + missing + ": cannot read");
  }

  @Test
  void checksTheTokenSyntaxOfTheBearerScheme() {
    assertThat(AccessTokens.isWellFormed("9f86d081884c7d659a2feaa0c55ad015")).isTrue();
    assertThat(AccessTokens.isWellFormed("abc.DEF_-~+/==")).isTrue();
    assertThat(AccessTokens.isWellFormed("with space")).isFalse();
    assertThat(AccessTokens.isWellFormed("ümlaut")).isFalse();
    assertThat(AccessTokens.isWellFormed("")).isFalse();
  }

  @Test
  void aDealerPrincipalOwnsOnlyItsQueue() {
    Optional<Principal> dealer = AccessTokens.demo().authenticate("demo-dealer-de-muc-001");

    assertThat(dealer.orElseThrow().ownsDealerQueue("dealer:DE-MUC-001")).isTrue();
    assertThat(dealer.orElseThrow().ownsDealerQueue("dealer:DE-BER-001")).isFalse();
    assertThat(dealer.orElseThrow().ownsDealerQueue("country:DE")).isFalse();
    assertThat(dealer.orElseThrow().ownsDealerQueue(null)).isFalse();
    assertThat(dealer.orElseThrow().isAdmin()).isFalse();
  }

  private static AccessTokens parse(String entries) {
    return AccessTokens.fromYaml("tokens:\n" + entries.indent(2), "OMNIROUTE_TOKENS");
  }

  private Path write(String content) throws IOException {
    Path file = dir.resolve("tokens.yaml");
    Files.writeString(file, content);
    return file;
  }
}
