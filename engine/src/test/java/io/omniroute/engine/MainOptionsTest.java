package io.omniroute.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
      exit = new CommandLine(new Main()).execute("--port", "0", "--directory", directory.toString());
    } finally {
      System.setErr(originalErr);
    }

    assertThat(exit).isEqualTo(2);
    assertThat(captured.toString(java.nio.charset.StandardCharsets.UTF_8))
        .contains(directory.toString()).contains("dealers[0] (X-1)").contains("country 'FR'");
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

  private StoreOptions store(Map<String, String> env, String... args) {
    Main main = new Main();
    new CommandLine(main).parseArgs(args);
    return main.storeOptions(env::get);
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
