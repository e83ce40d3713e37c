package io.omniroute.loadtest;

import io.omniroute.engine.EngineOptions;
import io.omniroute.loadtest.baseline.BaselineVerticle;
import io.omniroute.loadtest.baseline.SimulatedWork;
import io.omniroute.loadtest.cli.DurationConverter;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code omniroute-baseline}: the limit of one HTTP request on this machine. A minimal Vert.x
 * server, the same Vert.x version and the same number of event-loop verticles as the engine
 * ({@link EngineOptions#DEFAULT_INSTANCES}), that reads the body of any POST and answers 201 with
 * a fixed JSON body of the engine's size. Compare the engine's max throughput with its own.
 *
 * <p>Run: {@code java -cp loadtest/target/omniroute-benchmarks.jar io.omniroute.loadtest.BaselineServer --port 0};
 * it prints {@code listening on PORT} on standard output once it accepts connections and runs
 * until it is stopped (SIGTERM or Ctrl-C).
 *
 * <p>{@link #start} is thread-safe; a {@link Running} server is closed once.
 */
@Command(
    name = "omniroute-baseline",
    mixinStandardHelpOptions = true,
    version = "omniroute-baseline 0.1.0",
    sortOptions = false,
    description = "Minimal Vert.x HTTP server answering any POST with a fixed JSON body (201): the baseline for the engine.")
public final class BaselineServer implements Callable<Integer> {

  @Option(names = "--port", paramLabel = "N", defaultValue = "8481",
      description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(names = "--host", paramLabel = "ADDR", defaultValue = EngineOptions.DEFAULT_HOST,
      description = "Address to listen on, as the engine (default: ${DEFAULT-VALUE}).")
  String host;

  @Option(names = "--instances", paramLabel = "N",
      description = "HTTP verticle instances (event loops) (default: as the engine, one per core).")
  Integer instances;

  @Option(names = "--work", paramLabel = "DURATION", defaultValue = "0s", converter = DurationConverter.class,
      description = "Simulated work per request before the answer: the event loop spins this long, e.g. 20us "
          + "(default: ${DEFAULT-VALUE}, none). Maps how throughput falls with a handler's cost on this machine.")
  Duration work;

  private final PrintStream out;

  public BaselineServer() {
    this(System.out);
  }

  BaselineServer(PrintStream out) {
    this.out = out;
  }

  /** A started baseline server. */
  public static final class Running implements AutoCloseable {
    private final Vertx vertx;
    private final int port;

    private Running(Vertx vertx, int port) {
      this.vertx = vertx;
      this.port = port;
    }

    public int port() {
      return port;
    }

    @Override
    public void close() {
      try {
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      } catch (Exception e) {
        throw new IllegalStateException("baseline server did not stop", e);
      }
    }
  }

  /** Starts {@code instances} verticles on {@code host:port} (port 0: a free one, shared by all). */
  public static Future<Running> start(String host, int port, int instances) {
    return start(host, port, instances, SimulatedWork.NONE);
  }

  /** As {@link #start(String, int, int)}, with {@code work} done for every POST before its answer. */
  public static Future<Running> start(String host, int port, int instances, SimulatedWork work) {
    Vertx vertx = Vertx.vertx();
    AtomicReference<BaselineVerticle> first = new AtomicReference<>();
    return vertx.deployVerticle(() -> {
          BaselineVerticle verticle = new BaselineVerticle(host, port, work);
          first.compareAndSet(null, verticle);
          return verticle;
        }, new DeploymentOptions().setInstances(instances))
        .map(id -> new Running(vertx, first.get().actualPort()))
        .onFailure(failure -> vertx.close());
  }

  public static void main(String[] args) {
    int code = new CommandLine(new BaselineServer()).execute(args);
    if (code != 0) {
      System.exit(code);
    }
  }

  @Override
  public Integer call() throws Exception {
    int count = instances != null ? instances : EngineOptions.DEFAULT_INSTANCES;
    if (count < 1) {
      throw new CommandLine.ParameterException(new CommandLine(this), "--instances must be at least 1");
    }
    SimulatedWork perRequest = SimulatedWork.of(work);
    Running server;
    try {
      server = start(host, port, count, perRequest).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      System.err.println("omniroute-baseline: cannot listen on " + host + ":" + port + ": " + e.getMessage());
      return 1;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      server.close();
      stopped.countDown();
    }, "omniroute-baseline-shutdown"));
    out.println("omniroute-baseline: " + count + " verticle instances, Vert.x " + vertxVersion()
        + (perRequest == SimulatedWork.NONE ? "" : ", simulated work " + perRequest.duration().toNanos() / 1000 + " us per request"));
    out.println("listening on " + server.port());
    out.flush();
    stopped.await();
    return 0;
  }

  private static String vertxVersion() {
    String version = Vertx.class.getPackage().getImplementationVersion();
    return version == null ? "5" : version;
  }
}
