package io.omniroute.engine;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code java -jar omniroute-engine.jar [--port N] [--directory FILE] [--config FILE]}.
 *
 * <p>Precedence: command-line options, then {@code OMNIROUTE_PORT}, {@code OMNIROUTE_HOST},
 * {@code OMNIROUTE_DIRECTORY}, {@code OMNIROUTE_CONFIG}, then the config file, then the defaults
 * (port 8480, the bundled sample directory and rules, the in-memory store).
 */
@Command(
    name = "omniroute",
    mixinStandardHelpOptions = true,
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
      description = "Config YAML: host, port, directory, instances, escalationIntervalMillis, serviceLevels"
          + " (env OMNIROUTE_CONFIG).")
  Path config;

  public static void main(String[] args) {
    System.exit(new CommandLine(new Main()).execute(args));
  }

  @Override
  public Integer call() throws InterruptedException {
    EngineOptions options;
    StoreOptions storeOptions;
    try {
      options = options(System.getenv()::get);
      storeOptions = storeOptions(System.getenv()::get);
    } catch (RuntimeException e) {
      System.err.println("omniroute: " + e.getMessage());
      return 2;
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
      engine = Engine.start(options, stores.queues(), stores.rules(), Clock.systemUTC()).toCompletionStage().toCompletableFuture().join();
    } catch (RuntimeException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      System.err.println("omniroute: cannot start: " + cause.getMessage());
      return 2;
    }
    System.out.println("Omniroute listening on http://" + options.host() + ":" + engine.port()
        + " (directory: " + (options.directory() == null ? "bundled sample" : options.directory())
        + ", store: " + storeOptions.describe() + ")");
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
    return options;
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

  private static Path pathOrNull(String value) {
    return value == null || value.isBlank() ? null : Path.of(value);
  }
}
