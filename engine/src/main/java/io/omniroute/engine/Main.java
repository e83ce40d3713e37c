package io.omniroute.engine;

import java.nio.file.Path;
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
    try {
      options = options(System.getenv()::get);
    } catch (RuntimeException e) {
      System.err.println("omniroute: " + e.getMessage());
      return 2;
    }
    Engine engine;
    try {
      engine = Engine.start(options).toCompletionStage().toCompletableFuture().join();
    } catch (RuntimeException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      System.err.println("omniroute: cannot start: " + cause.getMessage());
      return 2;
    }
    System.out.println("Omniroute listening on http://" + options.host() + ":" + engine.port()
        + " (directory: " + (options.directory() == null ? "bundled sample" : options.directory()) + ", store: memory)");
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

  private static Path pathOrNull(String value) {
    return value == null || value.isBlank() ? null : Path.of(value);
  }
}
