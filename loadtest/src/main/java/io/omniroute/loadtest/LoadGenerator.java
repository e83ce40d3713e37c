package io.omniroute.loadtest;

import io.omniroute.loadtest.cli.DurationConverter;
import io.omniroute.loadtest.generator.LoadRun;
import io.omniroute.loadtest.generator.RunSettings;
import io.omniroute.loadtest.generator.Target;
import io.omniroute.loadtest.report.HistogramFiles;
import io.omniroute.loadtest.report.LatencyChart;
import io.omniroute.loadtest.report.ReportJson;
import io.omniroute.loadtest.report.ReportText;
import io.omniroute.loadtest.report.RunReport;
import io.omniroute.loadtest.scenario.Scenario;
import io.omniroute.loadtest.scenario.ScenarioLoader;
import io.omniroute.rules.directory.Directory;
import io.omniroute.rules.directory.DirectoryLoader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code omniroute-load}: sends contacts (and claims) to an Omniroute engine, or any HTTP server,
 * and reports throughput and latency. Open model by default (fixed arrival rate, latency from the
 * intended send time), or max mode (closed loop over N connections). See {@code loadtest/README.md}.
 *
 * <p>Run: {@code java -cp loadtest/target/omniroute-benchmarks.jar io.omniroute.loadtest.LoadGenerator --help}.
 * Progress lines go to standard error, the report to standard output. Exit code 0 when the run
 * completed, 1 when not a single request was answered with 2xx, 2 for invalid options.
 *
 * <p>One instance runs one command; not thread-safe.
 */
@Command(
    name = "omniroute-load",
    mixinStandardHelpOptions = true,
    version = "omniroute-load 0.1.0",
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = "Load generator for Omniroute: open model (fixed rate, no coordinated omission) or max mode (closed loop).")
public final class LoadGenerator implements Callable<Integer> {

  @Option(names = "--url", paramLabel = "URL", defaultValue = "http://127.0.0.1:8480",
      description = "The server, http://HOST:PORT (default: ${DEFAULT-VALUE}).")
  String url;

  @Option(names = "--mode", paramLabel = "open|max", defaultValue = "open",
      description = "open: fixed arrival rate; max: closed loop over --connections (default: ${DEFAULT-VALUE}).")
  RunSettings.Mode mode;

  @Option(names = "--rate", paramLabel = "N", defaultValue = "5000",
      description = "Open model: requests (contacts and claims) per second (default: ${DEFAULT-VALUE}).")
  double rate;

  @Option(names = "--duration", paramLabel = "TIME", defaultValue = "60s", converter = DurationConverter.class,
      description = "Measured time after the warm-up: 500ms, 30s, 2m (default: ${DEFAULT-VALUE}).")
  Duration duration;

  @Option(names = "--warmup", paramLabel = "TIME", defaultValue = "5s", converter = DurationConverter.class,
      description = "Load before the measurement whose results are discarded (default: ${DEFAULT-VALUE}).")
  Duration warmup;

  @Option(names = "--connections", paramLabel = "N", defaultValue = "64",
      description = "HTTP connections: the pool size (open) or the closed loops (max) (default: ${DEFAULT-VALUE}).")
  int connections;

  @Option(names = "--event-loops", paramLabel = "N",
      description = "Client event loops the connections are spread over (default: the number of cores).")
  Integer eventLoops;

  @Option(names = "--max-in-flight", paramLabel = "N", defaultValue = "10000",
      description = "Open model: outstanding requests at most; more count as client-overload errors (default: ${DEFAULT-VALUE}).")
  int maxInFlight;

  @Option(names = "--timeout", paramLabel = "TIME", defaultValue = "10s", converter = DurationConverter.class,
      description = "Per request, to get a connection and to wait for the answer (default: ${DEFAULT-VALUE}).")
  Duration timeout;

  @Option(names = "--token", paramLabel = "TOKEN", defaultValue = "${env:OMNIROUTE_TOKEN:-" + RunSettings.DEFAULT_TOKEN + "}",
      description = "Bearer token sent with every request; it needs the rights to create contacts and to claim from"
          + " every queue (admin). Env OMNIROUTE_TOKEN; empty for none (default: ${DEFAULT-VALUE}, the engine's public"
          + " demo token: start the engine with --demo-tokens).")
  String token;

  @Option(names = "--scenario", paramLabel = "FILE",
      description = "Scenario YAML (default: the bundled scenarios/realistic.yaml).")
  Path scenarioFile;

  @Option(names = "--directory", paramLabel = "FILE",
      description = "Directory YAML the traffic is generated from (default: the bundled sample).")
  Path directoryFile;

  @Option(names = "--claim-share", paramLabel = "0..1",
      description = "Fraction of operations that are claims; overrides the scenario's claimShare.")
  Double claimShare;

  @Option(names = "--seed", paramLabel = "N", description = "Seed for the traffic (default: random, printed in the report).")
  Long seed;

  @Option(names = "--histogram-out", paramLabel = "FILE",
      description = "Write the latency histogram: FILE.hlog an HdrHistogram log, any other name the percentile distribution (ms).")
  Path histogramOut;

  @Option(names = "--chart-out", paramLabel = "FILE.png", description = "Write a PNG chart of the latency by percentile.")
  Path chartOut;

  @Option(names = "--report-out", paramLabel = "FILE.json", description = "Write the report as JSON.")
  Path reportOut;

  private final PrintStream out;
  private final PrintStream err;
  private RunReport report;

  public LoadGenerator() {
    this(System.out, System.err);
  }

  /** A command that prints the report to {@code out} and progress to {@code err}. */
  public LoadGenerator(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  public static void main(String[] args) {
    System.setProperty("java.awt.headless", "true");
    System.exit(commandLine(new LoadGenerator()).execute(args));
  }

  /** The picocli command line for an instance (enum values case-insensitive, errors to its err stream). */
  public static CommandLine commandLine(LoadGenerator command) {
    CommandLine cl = new CommandLine(command).setCaseInsensitiveEnumValuesAllowed(true);
    cl.setOut(new java.io.PrintWriter(command.out, true));
    cl.setErr(new java.io.PrintWriter(command.err, true));
    return cl;
  }

  /** The report of the last run, or {@code null}. */
  public RunReport report() {
    return report;
  }

  @Override
  public Integer call() throws IOException {
    RunSettings settings;
    try {
      settings = settings();
    } catch (IllegalArgumentException e) {
      err.println("omniroute-load: " + e.getMessage());
      return 2;
    }
    err.printf(Locale.ROOT, "omniroute-load: %s against %s for %s after %s warm-up%s, %d connections, scenario %s, seed %d%n",
        settings.mode().name().toLowerCase(Locale.ROOT), settings.target(), DurationConverter.format(settings.duration()),
        DurationConverter.format(settings.warmup()),
        settings.mode() == RunSettings.Mode.OPEN ? String.format(Locale.ROOT, " at %.0f/s", settings.rate()) : "",
        settings.connections(), settings.scenario().name(), settings.seed());
    LoadRun run = new LoadRun(settings, err);
    report = run.execute();
    out.print(ReportText.format(report));
    if (reportOut != null) {
      createParent(reportOut);
      Files.writeString(reportOut, ReportJson.toJson(report).encodePrettily() + "\n", StandardCharsets.UTF_8);
      out.println("report written to " + reportOut);
    }
    if (histogramOut != null) {
      HistogramFiles.write(report.results().latency(), histogramOut, run.measureStartEpochMillis(), report.durationSeconds());
      out.println("histogram written to " + histogramOut);
    }
    if (chartOut != null) {
      String title = String.format(Locale.ROOT, "omniroute-load %s, %s, %.0f/s achieved", report.mode(), report.url(), report.throughput());
      LatencyChart.writePng(report.results().latency(), chartOut, title, report.mode().equals("open")
          ? "latency from intended send time" : "latency from send time");
      out.println("chart written to " + chartOut);
    }
    out.flush();
    return report.ok() > 0 ? 0 : 1;
  }

  private RunSettings settings() {
    Scenario scenario = scenarioFile == null ? ScenarioLoader.bundledRealistic() : ScenarioLoader.load(scenarioFile);
    if (claimShare != null) {
      scenario = scenario.withClaimShare(claimShare);
    }
    Directory directory;
    try {
      directory = directoryFile == null ? DirectoryLoader.bundledSample() : DirectoryLoader.load(directoryFile);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("cannot load the directory: " + e.getMessage(), e);
    }
    int loops = eventLoops != null ? eventLoops : Runtime.getRuntime().availableProcessors();
    long actualSeed = seed != null ? seed : ThreadLocalRandom.current().nextLong();
    return new RunSettings(Target.parse(url), mode, rate, duration, warmup, connections, loops, maxInFlight, timeout,
        scenario, directory, actualSeed, token == null || token.isEmpty() ? null : token);
  }

  private static void createParent(Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
  }
}
