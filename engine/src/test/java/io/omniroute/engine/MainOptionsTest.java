package io.omniroute.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omniroute.engine.auth.AccessTokens;
import io.omniroute.engine.auth.Principal;
import io.omniroute.engine.auth.Role;
import io.omniroute.rules.CompilerWarmUp;
import io.omniroute.engine.stream.Retention;
import io.omniroute.rules.model.Channel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class MainOptionsTest {
  @TempDir Path dir;

  @Test
  void defaultsToPort8480TheBundledDirectoryAndDefaultServiceLevels() {
    EngineOptions options = parse(Map.of());

    assertThat(options.port()).isEqualTo(8480);
    assertThat(options.directory()).isNull();
    assertThat(options.serviceLevels().baseTarget(Channel.VOICE)).isEqualTo(Duration.ofSeconds(20));
  }

  @Test
  void readsPortDirectoryAndConfigFromTheEnvironment() throws IOException {
    Path config = write("omniroute.yaml", "escalationIntervalMillis: 250\n");

    EngineOptions options = parse(Map.of(
        "OMNIROUTE_PORT", "9001", "OMNIROUTE_DIRECTORY", "/etc/omniroute/dir.yaml", "OMNIROUTE_CONFIG", config.toString()));

    assertThat(options.port()).isEqualTo(9001);
    assertThat(options.directory()).isEqualTo(Path.of("/etc/omniroute/dir.yaml"));
    assertThat(options.escalationInterval()).isEqualTo(Duration.ofMillis(250));
  }

  @Test
  void commandLineWinsOverEnvironmentWhichWinsOverTheConfigFile() throws IOException {
    Path config = write("omniroute.yaml", "port: 7000\ndirectory: from-config.yaml\n");

    EngineOptions fromFile = parse(Map.of(), "--config", config.toString());
    EngineOptions fromEnv = parse(Map.of("OMNIROUTE_PORT", "7100"), "--config", config.toString());
    EngineOptions fromArgs = parse(Map.of("OMNIROUTE_PORT", "7100"), "--config", config.toString(), "--port", "7200");

    assertThat(fromFile.port()).isEqualTo(7000);
    assertThat(fromFile.directory()).isEqualTo(dir.resolve("from-config.yaml"));
    assertThat(fromEnv.port()).isEqualTo(7100);
    assertThat(fromArgs.port()).isEqualTo(7200);
  }

  @Test
  void configFileSetsServiceLevelsInSeconds() throws IOException {
    Path config = write("omniroute.yaml", "serviceLevels: {voice: 30, email: 7200}\ninstances: 1\n");

    EngineOptions options = parse(Map.of(), "--config", config.toString());

    assertThat(options.serviceLevels().baseTarget(Channel.VOICE)).isEqualTo(Duration.ofSeconds(30));
    assertThat(options.serviceLevels().baseTarget(Channel.EMAIL)).isEqualTo(Duration.ofHours(2));
    assertThat(options.serviceLevels().baseTarget(Channel.CHAT)).isEqualTo(Duration.ofSeconds(60));
    assertThat(options.instances()).isEqualTo(1);
  }

  @Test
  void allowsPrivateWebhookReceiversOnlyWhenTheEnvironmentOrTheConfigFileSaysSo() throws IOException {
    Path config = write("omniroute.yaml", "webhooks: {allowPrivateAddresses: true}\n");

    assertThat(parse(Map.of()).webhooks().allowPrivateAddresses()).isFalse();
    assertThat(parse(Map.of("OMNIROUTE_WEBHOOKS_ALLOW_PRIVATE", "true")).webhooks().allowPrivateAddresses()).isTrue();
    assertThat(parse(Map.of(), "--config", config.toString()).webhooks().allowPrivateAddresses()).isTrue();
    assertThat(parse(Map.of("OMNIROUTE_WEBHOOKS_ALLOW_PRIVATE", "false"), "--config", config.toString())
        .webhooks().allowPrivateAddresses()).isFalse();
    assertThatThrownBy(() -> parse(Map.of("OMNIROUTE_WEBHOOKS_ALLOW_PRIVATE", "yes")))
        .hasMessageContaining("OMNIROUTE_WEBHOOKS_ALLOW_PRIVATE must be true or false");
  }

  @Test
  void theSocialMediaChannelIsOnUnlessTheConfigFileSwitchesItOff() throws IOException {
    Path config = write("omniroute.yaml", "channels:\n  social: {enabled: false}\n");

    assertThat(parse(Map.of()).social().enabled()).isTrue();
    assertThat(parse(Map.of(), "--config", config.toString()).social().enabled()).isFalse();
  }

  @Test
  void eventStreamsKeepTheLastTenThousandEventsAndFifteenMinutesUnlessTheConfigFileSaysOtherwise() throws IOException {
    Path config = write("omniroute.yaml", "eventStreams: {replayEvents: 500, replaySeconds: 3600, heartbeatSeconds: 30}\n");

    EngineOptions defaults = parse(Map.of());
    EngineOptions configured = parse(Map.of(), "--config", config.toString());

    assertThat(defaults.streams().retention()).isEqualTo(new Retention(10_000, Duration.ofMinutes(15)));
    assertThat(defaults.streams().heartbeat()).isEqualTo(Duration.ofSeconds(15));
    assertThat(configured.streams().retention()).isEqualTo(new Retention(500, Duration.ofHours(1)));
    assertThat(configured.streams().heartbeat()).isEqualTo(Duration.ofSeconds(30));
    assertThat(configured.streams().reconnectDelay()).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void rejectsAnEventStreamRetentionOfNoEventsNamingTheFile() throws IOException {
    Path config = write("bad.yaml", "eventStreams: {replayEvents: 0}\n");

    assertThatThrownBy(() -> parse(Map.of(), "--config", config.toString()))
        .hasMessageContaining(config.toString()).hasMessageContaining("keeps at least its last event");
  }

  @Test
  void rejectsAnUnknownConfigKeyNamingTheFile() throws IOException {
    Path config = write("bad.yaml", "prot: 8080\n");

    assertThatThrownBy(() -> parse(Map.of(), "--config", config.toString()))
        .hasMessageContaining(config.toString()).hasMessageContaining("unknown key 'prot'");
  }

  @Test
  void rejectsAnUnknownChannelInServiceLevels() throws IOException {
    Path config = write("bad.yaml", "serviceLevels: {fax: 10}\n");

    assertThatThrownBy(() -> parse(Map.of(), "--config", config.toString()))
        .hasMessageContaining(config.toString()).hasMessageContaining("unknown channel 'fax'");
  }

  @Test
  void rejectsANonNumericPortInTheEnvironment() {
    assertThatThrownBy(() -> parse(Map.of("OMNIROUTE_PORT", "eighty")))
        .hasMessageContaining("OMNIROUTE_PORT").hasMessageContaining("eighty");
  }

  @Test
  void rejectsAPortOutOfRange() {
    assertThatThrownBy(() -> parse(Map.of(), "--port", "70000")).hasMessageContaining("port");
  }

  @Test
  void exitsWithAMessageWhenTheDirectoryIsInvalid() throws IOException {
    Path directory = write("directory.yaml", "countries: [{code: DE}]\ndealers: [{id: X-1, name: X, country: FR}]\n");
    java.io.PrintStream originalErr = System.err;
    java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
    int exit;
    try {
      System.setErr(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
      exit = new CommandLine(new Main()).execute("--port", "0", "--demo-tokens", "--directory", directory.toString());
    } finally {
      System.setErr(originalErr);
    }

    assertThat(exit).isEqualTo(2);
    assertThat(captured.toString(java.nio.charset.StandardCharsets.UTF_8))
        .contains(directory.toString()).contains("dealers[0] (X-1)").contains("country 'FR'")
        .contains("DEMO TOKENS ARE ENABLED");
  }

  @Test
  void usesTheMemoryStoreUnlessRedisIsAskedFor() {
    assertThat(store(Map.of()).kind()).isEqualTo(StoreOptions.Kind.MEMORY);
    assertThat(store(Map.of("REDIS_URL", "redis://cache:6379")).kind()).isEqualTo(StoreOptions.Kind.MEMORY);
  }

  @Test
  void readsTheRedisStoreFromOptionsOrEnvironmentWithTheOptionWinning() {
    StoreOptions fromEnv = store(Map.of("OMNIROUTE_STORE", "redis", "REDIS_URL", "redis://cache:6379",
        "OMNIROUTE_REDIS_TIMEOUT", "250"));
    StoreOptions fromArgs = store(Map.of("REDIS_URL", "redis://ignored:1"),
        "--store", "REDIS", "--redis-url", "redis-cluster://a:7000,b:7001", "--redis-timeout", "1500");
    StoreOptions defaults = store(Map.of(), "--store", "redis");

    assertThat(fromEnv.kind()).isEqualTo(StoreOptions.Kind.REDIS);
    assertThat(fromEnv.redisUrl()).isEqualTo("redis://cache:6379");
    assertThat(fromEnv.redisTimeout()).isEqualTo(Duration.ofMillis(250));
    assertThat(fromArgs.redisUrl()).isEqualTo("redis-cluster://a:7000,b:7001");
    assertThat(fromArgs.redisTimeout()).isEqualTo(Duration.ofMillis(1500));
    assertThat(defaults.redisUrl()).isEqualTo(StoreOptions.DEFAULT_REDIS_URL);
    assertThat(defaults.redisTimeout()).isEqualTo(StoreOptions.DEFAULT_REDIS_TIMEOUT);
  }

  @Test
  void rejectsAnUnknownStoreAndABadTimeoutWithAMessage() {
    assertThatThrownBy(() -> store(Map.of(), "--store", "postgres"))
        .hasMessage("store must be memory or redis, got 'postgres'");
    assertThatThrownBy(() -> store(Map.of("OMNIROUTE_REDIS_TIMEOUT", "soon"), "--store", "redis"))
        .hasMessageContaining("OMNIROUTE_REDIS_TIMEOUT must be milliseconds");
    assertThatThrownBy(() -> store(Map.of(), "--store", "redis", "--redis-timeout", "0"))
        .hasMessageContaining("must be positive");
  }

  @Test
  void hidesTheRedisPasswordWhenDescribingTheStore() {
    assertThat(StoreOptions.redis("redis://:s3cret@cache:6379").describe()).isEqualTo("redis redis://***@cache:6379");
  }

  @Test
  void warmsUpTheRuleCompilerByDefaultWithTheOptionWinningOverTheEnvironment() {
    assertThat(warmUpRounds(Map.of())).isEqualTo(CompilerWarmUp.DEFAULT_ROUNDS);
    assertThat(warmUpRounds(Map.of("OMNIROUTE_COMPILER_WARM_UP", "5"))).isEqualTo(5);
    assertThat(warmUpRounds(Map.of("OMNIROUTE_COMPILER_WARM_UP", "5"), "--compiler-warm-up", "0")).isZero();
  }

  @Test
  void rejectsANegativeOrNonNumericCompilerWarmUp() {
    assertThatThrownBy(() -> warmUpRounds(Map.of(), "--compiler-warm-up", "-1"))
        .hasMessageContaining("0 (off) or more rounds, got -1");
    assertThatThrownBy(() -> warmUpRounds(Map.of("OMNIROUTE_COMPILER_WARM_UP", "lots")))
        .hasMessageContaining("OMNIROUTE_COMPILER_WARM_UP must be a number of rounds, got 'lots'");
  }

  @Test
  void hasNoTokensUnlessASourceIsGiven() {
    assertThat(parse(Map.of()).tokens().isEmpty()).isTrue();
  }

  @Test
  void readsTokensFromTheFileOptionOrTheEnvironmentWithTheOptionWinning() throws IOException {
    Path annas = write("annas.yaml", tokensYaml("anna", "annas-token", "supervisor:DE"));
    Path bobs = write("bobs.yaml", tokensYaml("bob", "bobs-token", "ops"));

    AccessTokens fromEnv = parse(Map.of("OMNIROUTE_TOKENS_FILE", annas.toString())).tokens();
    AccessTokens fromArgs = parse(Map.of("OMNIROUTE_TOKENS_FILE", annas.toString()), "--tokens", bobs.toString()).tokens();

    assertThat(fromEnv.authenticate("annas-token")).contains(Principal.of("anna", Role.supervisor("DE")));
    assertThat(fromArgs.names()).containsExactly("bob");
  }

  @Test
  void combinesTheFileTheInlineYamlAndTheDemoTokens() throws IOException {
    Path annas = write("annas.yaml", tokensYaml("anna", "annas-token", "admin"));

    AccessTokens tokens = parse(Map.of("OMNIROUTE_TOKENS", tokensYaml("pbx", "pbx-token", "telephony")),
        "--tokens", annas.toString(), "--demo-tokens").tokens();

    assertThat(tokens.size()).isEqualTo(2 + AccessTokens.DEMO_TOKENS.size());
    assertThat(tokens.authenticate("annas-token")).map(Principal::name).contains("anna");
    assertThat(tokens.authenticate("pbx-token")).map(Principal::name).contains("pbx");
    assertThat(tokens.authenticate("demo-admin")).map(Principal::name).contains("demo-admin");
    assertThat(tokens.hasDemoTokens()).isTrue();
  }

  @Test
  void rejectsABadTokensFileNamingIt() throws IOException {
    Path bad = write("tokens.yaml", "tokens:\n  - {name: anna, sha256: abc, roles: [admin]}\n");

    assertThatThrownBy(() -> parse(Map.of(), "--tokens", bad.toString()))
        .hasMessageContaining(bad.toString()).hasMessageContaining("sha256 must be 64 hex characters");
    assertThatThrownBy(() -> parse(Map.of("OMNIROUTE_TOKENS", "tokens: [{name: x, roles: [root]}]")))
        .hasMessageContaining("OMNIROUTE_TOKENS");
  }

  @Test
  void refusesToStartWithoutTokensSayingHowToConfigureThem() {
    Run run = execute("--port", "0");

    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).contains("no access tokens configured", "--tokens FILE", "OMNIROUTE_TOKENS", "--demo-tokens");
  }

  @Test
  void hashTokenPrintsTheSha256OfStandardInput() {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
    HashTokenCommand command = new HashTokenCommand(
        new java.io.ByteArrayInputStream("password\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
        new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8),
        new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8), null);

    int exit = new CommandLine(command).execute();

    assertThat(exit).isZero();
    assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8).strip())
        .isEqualTo("5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8");
    assertThat(err.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("can be guessed");
  }

  @Test
  void hashTokenRejectsAnEmptyOrMalformedToken() {
    for (String input : new String[] {"", "two words"}) {
      java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
      HashTokenCommand command = new HashTokenCommand(
          new java.io.ByteArrayInputStream(input.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
          new java.io.PrintStream(new java.io.ByteArrayOutputStream()),
          new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8), null);

      assertThat(new CommandLine(command).execute()).isEqualTo(2);
      assertThat(err.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("hash-token:");
    }
  }

  @Test
  void hashTokenIsASubcommandOfTheEngine() {
    assertThat(new CommandLine(new Main()).getSubcommands()).containsKey("hash-token");
  }

  record Run(int exit, String err) {}

  private static Run execute(String... args) {
    java.io.PrintStream originalErr = System.err;
    java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
    int exit;
    try {
      System.setErr(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
      exit = new CommandLine(new Main()).execute(args);
    } finally {
      System.setErr(originalErr);
    }
    return new Run(exit, captured.toString(java.nio.charset.StandardCharsets.UTF_8));
  }

  private static String tokensYaml(String name, String token, String role) {
    return "tokens:\n  - name: " + name + "\n    sha256: " + AccessTokens.sha256Hex(token) + "\n    roles: [" + role
        + "]\n";
  }

  private StoreOptions store(Map<String, String> env, String... args) {
    Main main = new Main();
    new CommandLine(main).parseArgs(args);
    return main.storeOptions(env::get);
  }

  private int warmUpRounds(Map<String, String> env, String... args) {
    Main main = new Main();
    new CommandLine(main).parseArgs(args);
    return main.compilerWarmUpRounds(env::get);
  }

  private EngineOptions parse(Map<String, String> env, String... args) {
    Main main = new Main();
    new CommandLine(main).parseArgs(args);
    return main.options(env::get);
  }

  private Path write(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, content);
    return file;
  }
}
