package io.omniroute.engine;

import io.omniroute.engine.auth.AccessTokens;
import io.omniroute.rules.CompilerWarmUp;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code java -jar omniroute-engine.jar [--port N] [--directory FILE] [--config FILE] [--tokens FILE]
 * [--demo-tokens] [--compiler-warm-up ROUNDS]}, and {@code java -jar omniroute-engine.jar hash-token}.
 *
 * <p>Precedence: command-line options, then {@code OMNIROUTE_PORT}, {@code OMNIROUTE_HOST},
 * {@code OMNIROUTE_DIRECTORY}, {@code OMNIROUTE_CONFIG}, {@code OMNIROUTE_WEBHOOKS_ALLOW_PRIVATE},
 * {@code OMNIROUTE_TWILIO_AUTH_TOKEN}, {@code OMNIROUTE_PUBLIC_URL}, then
 * the config file, then the defaults
 * (port 8480, the bundled sample directory and rules, the in-memory store).
 *
 * <p>Tokens: {@code --tokens FILE} (or {@code OMNIROUTE_TOKENS_FILE}), the same YAML inline in
 * {@code OMNIROUTE_TOKENS}, and {@code --demo-tokens}; all that are given are combined. Without any
 * the engine does not start (exit code 2).
 */
@Command(
    name = "omniroute",
    mixinStandardHelpOptions = true,
    subcommands = HashTokenCommand.class,
    version = "Omniroute 0.1.0",
    description = "Omnichannel contact routing engine: classifies contacts with Drools rules and routes them to"
        + " central, country, expert and dealer queues.")
public final class Main implements Callable<Integer> {

  @Option(names = "--port", description = "HTTP port (env OMNIROUTE_PORT; default 8480).")
  Integer port;

  @Option(names = "--host", description = "Address to listen on (env OMNIROUTE_HOST; default 0.0.0.0).")
  String host;

  @Option(names = "--directory", paramLabel = "FILE",
      description = "Directory YAML: countries, dealers, expert teams, topics (env OMNIROUTE_DIRECTORY;"
          + " default: the bundled sample).")
  Path directory;

  @Option(names = "--store", paramLabel = "memory|redis",
      description = "Where contacts live: memory (default, lost on exit) or redis (env OMNIROUTE_STORE).")
  private String store;

  @Option(names = "--redis-url", paramLabel = "URL",
      description = "redis://host:port, rediss://..., redis-sentinel://... or redis-cluster://host:port,host:port"
          + " (env REDIS_URL; default " + StoreOptions.DEFAULT_REDIS_URL + ").")
  private String redisUrl;

  @Option(names = "--redis-timeout", paramLabel = "MILLIS",
      description = "How long a Redis command may take before the request answers 503 (env OMNIROUTE_REDIS_TIMEOUT;"
          + " default 1000).")
  private Long redisTimeoutMillis;

  @Option(names = "--config", paramLabel = "FILE",
      description = "Config YAML: host, port, directory, instances, escalationIntervalMillis, serviceLevels,"
          + " webhooks.allowPrivateAddresses, eventStreams (env OMNIROUTE_CONFIG).")
  Path config;

  @Option(names = "--tokens", paramLabel = "FILE",
      description = "Tokens YAML: name, sha256 and roles of each accepted bearer token (env OMNIROUTE_TOKENS_FILE;"
          + " the same YAML inline in env OMNIROUTE_TOKENS). See hash-token.")
  Path tokensFile;

  @Option(names = "--compiler-warm-up", paramLabel = "ROUNDS",
      description = "After start, compile the default policy this many times on a worker thread, so the first rule"
          + " upload finds the rule compiler warm (env OMNIROUTE_COMPILER_WARM_UP; default "
          + CompilerWarmUp.DEFAULT_ROUNDS + "; 0 turns it off).")
  private Integer compilerWarmUp;

  @Option(names = "--demo-tokens",
      description = "Also accept the public demo tokens listed in the README (demo-admin, demo-ops, ...)."
          + " For trying Omniroute out only: never in production.")
  boolean demoTokens;

  static final String NO_TOKENS = String.join(System.lineSeparator(),
      "omniroute: no access tokens configured, so nobody could use the API. Configure at least one source:",
      "  --tokens FILE (or OMNIROUTE_TOKENS_FILE)  a YAML file of token hashes and roles (README, \"Access tokens and roles\")",
      "  OMNIROUTE_TOKENS                          the same YAML inline, e.g. from a container secret",
      "  --demo-tokens                             the public demo tokens, to try it out (never in production)");

  static final String DEMO_WARNING = String.join(System.lineSeparator(),
      "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!",
      "!!! DEMO TOKENS ARE ENABLED: anyone can call this engine as admin with the    !!!",
      "!!! public token 'demo-admin', and with every other demo token in the README. !!!",
      "!!! They are for trying Omniroute out on your own machine:                    !!!",
      "!!! never use --demo-tokens in production.                                    !!!",
      "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!");

  public static void main(String[] args) {
    System.exit(new CommandLine(new Main()).execute(args));
  }

  @Override
  public Integer call() throws InterruptedException {
    EngineOptions options;
    StoreOptions storeOptions;
    int warmUpRounds;
    try {
      options = options(System.getenv()::get);
      storeOptions = storeOptions(System.getenv()::get);
      warmUpRounds = compilerWarmUpRounds(System.getenv()::get);
    } catch (RuntimeException e) {
      System.err.println("omniroute: " + e.getMessage());
      return 2;
    }
    if (options.tokens().isEmpty()) {
      System.err.println(NO_TOKENS);
      return 2;
    }
    if (options.tokens().hasDemoTokens()) {
      System.err.println(DEMO_WARNING);
    }
    StoreOptions.Stores stores;
    try {
      stores = storeOptions.open();
    } catch (RuntimeException e) {
      System.err.println("omniroute: cannot open the store (" + storeOptions.describe() + "): " + e.getMessage());
      return 2;
    }
    Engine engine;
    try {
      engine = Engine.start(options, stores, Clock.systemUTC()).toCompletionStage().toCompletableFuture().join();
    } catch (RuntimeException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      System.err.println("omniroute: cannot start: " + cause.getMessage());
      return 2;
    }
    System.out.println("Omniroute listening on http://" + options.host() + ":" + engine.port()
        + " (directory: " + (options.directory() == null ? "bundled sample" : options.directory())
        + ", store: " + storeOptions.describe() + ", " + options.tokens().describe() + ")");
    if (warmUpRounds > 0) {
      engine.warmUpRuleCompiler(warmUpRounds).onSuccess(warm -> System.out.println(
          "Rule compiler warmed up: " + warm.compiles() + " compiles in " + warm.took().toMillis() + " ms"));
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      engine.close().toCompletionStage().toCompletableFuture().join();
      stopped.countDown();
    }, "omniroute-shutdown"));
    stopped.await();
    return 0;
  }

  /** Resolves options from the command line, the environment and the config file. */
  EngineOptions options(java.util.function.Function<String, String> env) {
    Path configFile = config != null ? config : pathOrNull(env.apply("OMNIROUTE_CONFIG"));
    EngineOptions options = EngineOptions.defaults();
    if (configFile != null) {
      options = ConfigFile.apply(configFile, options);
    }
    String envHost = env.apply("OMNIROUTE_HOST");
    String envPort = env.apply("OMNIROUTE_PORT");
    String envDirectory = env.apply("OMNIROUTE_DIRECTORY");
    if (host != null || envHost != null) {
      options = options.withHost(host != null ? host : envHost);
    }
    if (port != null) {
      options = options.withPort(port);
    } else if (envPort != null) {
      try {
        options = options.withPort(Integer.parseInt(envPort.trim()));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("OMNIROUTE_PORT must be a port number, got '" + envPort + "'");
      }
    }
    if (directory != null || envDirectory != null) {
      options = options.withDirectory(directory != null ? directory : Path.of(envDirectory));
    }
    String allowPrivate = env.apply("OMNIROUTE_WEBHOOKS_ALLOW_PRIVATE");
    if (allowPrivate != null && !allowPrivate.isBlank()) {
      options = options.withWebhooks(options.webhooks().withAllowPrivateAddresses(bool(allowPrivate,
          "OMNIROUTE_WEBHOOKS_ALLOW_PRIVATE")));
    }
    String twilioToken = env.apply("OMNIROUTE_TWILIO_AUTH_TOKEN");
    String publicUrl = env.apply("OMNIROUTE_PUBLIC_URL");
    if (publicUrl != null && !publicUrl.isBlank()) {
      options = options.withTwilio(options.twilio().withPublicUrl(ConfigFile.uri(publicUrl, "OMNIROUTE_PUBLIC_URL")));
    }
    if (twilioToken != null && !twilioToken.isBlank()) {
      options = options.withTwilio(options.twilio().withAuthToken(twilioToken));
    }
    options.twilio().requireComplete();
    return options.withTokens(tokens(env));
  }

  /**
   * The tokens from {@code --tokens FILE} (else {@code OMNIROUTE_TOKENS_FILE}), {@code OMNIROUTE_TOKENS}
   * and {@code --demo-tokens}, combined; empty when none is given.
   */
  AccessTokens tokens(java.util.function.Function<String, String> env) {
    AccessTokens tokens = AccessTokens.empty();
    Path file = tokensFile != null ? tokensFile : pathOrNull(env.apply("OMNIROUTE_TOKENS_FILE"));
    if (file != null) {
      tokens = tokens.plus(AccessTokens.fromFile(file));
    }
    String inline = env.apply("OMNIROUTE_TOKENS");
    if (inline != null && !inline.isBlank()) {
      tokens = tokens.plus(AccessTokens.fromYaml(inline, "OMNIROUTE_TOKENS"));
    }
    if (demoTokens) {
      tokens = tokens.plus(AccessTokens.demo());
    }
    return tokens;
  }

  /** Resolves the store from the command line and the environment. */
  StoreOptions storeOptions(java.util.function.Function<String, String> env) {
    String kind = store != null ? store : env.apply("OMNIROUTE_STORE");
    String url = redisUrl != null ? redisUrl : env.apply("REDIS_URL");
    StoreOptions options = kind == null || StoreOptions.Kind.parse(kind) == StoreOptions.Kind.MEMORY
        ? StoreOptions.memory()
        : StoreOptions.redis(url == null || url.isBlank() ? StoreOptions.DEFAULT_REDIS_URL : url.strip());
    String envTimeout = env.apply("OMNIROUTE_REDIS_TIMEOUT");
    if (redisTimeoutMillis != null) {
      options = options.withRedisTimeout(Duration.ofMillis(redisTimeoutMillis));
    } else if (envTimeout != null) {
      try {
        options = options.withRedisTimeout(Duration.ofMillis(Long.parseLong(envTimeout.trim())));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("OMNIROUTE_REDIS_TIMEOUT must be milliseconds, got '" + envTimeout + "'");
      }
    }
    return options;
  }

  /** The rounds of {@link CompilerWarmUp} to run after start, from the command line or the environment. */
  int compilerWarmUpRounds(java.util.function.Function<String, String> env) {
    String envRounds = env.apply("OMNIROUTE_COMPILER_WARM_UP");
    int rounds;
    if (compilerWarmUp != null) {
      rounds = compilerWarmUp;
    } else if (envRounds == null || envRounds.isBlank()) {
      rounds = CompilerWarmUp.DEFAULT_ROUNDS;
    } else {
      try {
        rounds = Integer.parseInt(envRounds.strip());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("OMNIROUTE_COMPILER_WARM_UP must be a number of rounds, got '" + envRounds + "'");
      }
    }
    if (rounds < 0) {
      throw new IllegalArgumentException("the compiler warm-up must be 0 (off) or more rounds, got " + rounds);
    }
    return rounds;
  }

  private static boolean bool(String value, String name) {
    return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException(name + " must be true or false, got '" + value + "'");
    };
  }

  private static Path pathOrNull(String value) {
    return value == null || value.isBlank() ? null : Path.of(value);
  }
}
