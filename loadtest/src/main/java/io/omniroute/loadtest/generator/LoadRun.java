package io.omniroute.loadtest.generator;

import io.omniroute.loadtest.report.Results;
import io.omniroute.loadtest.report.RunReport;
import io.omniroute.loadtest.scenario.ClaimFactory;
import io.omniroute.loadtest.scenario.ContactFactory;
import io.omniroute.loadtest.scenario.TrafficGenerator;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.io.PrintStream;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

/**
 * One load run from start to report: starts a Vert.x instance with one client lane per event
 * loop, runs the open model or max mode with a progress line per second, and stops everything.
 *
 * <p>Threading: {@link #execute} blocks the calling thread (not an event loop) for the length of
 * the run; it owns every thread it starts and stops them before it returns.
 */
public final class LoadRun {
  /** Time between setting up and the first intended request. */
  private static final long START_DELAY_NANOS = 50_000_000L;
  /** Operations generated ahead per lane and sent in a cycle (with fresh keys). */
  static final int OPERATIONS_PER_LANE = 8192;

  private final RunSettings settings;
  private final PrintStream progressOut;
  private long measureStartEpochMillis;

  /**
   * @param progressOut where progress lines and warnings go (standard error on the command line)
   */
  public LoadRun(RunSettings settings, PrintStream progressOut) {
    this.settings = settings;
    this.progressOut = progressOut;
  }

  /** Wall-clock time at which the measurement began (after {@link #execute}). */
  public long measureStartEpochMillis() {
    return measureStartEpochMillis;
  }

  public RunReport execute() {
    ContactFactory contacts = new ContactFactory(settings.scenario(), settings.directory());
    contacts.warnings().forEach(w -> progressOut.println("warning: " + w));
    ClaimFactory claims = new ClaimFactory(settings.scenario(), settings.directory());
    int laneCount = settings.lanes();
    int[] connectionsPerLane = ClosedLoopRunner.spread(settings.connections(), laneCount);
    String runId = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());

    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(laneCount));
    ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "omniroute-load-progress");
      thread.setDaemon(true);
      return thread;
    });
    try {
      List<ClientLane> lanes = deploy(vertx, laneCount, connectionsPerLane, contacts, claims, runId);
      prime(lanes);
      Measurements warmup = new Measurements();
      Measurements measured = new Measurements();
      long drainNanos = settings.timeout().toNanos() + 2_000_000_000L;
      long start = System.nanoTime() + START_DELAY_NANOS;
      long measureStart = start + settings.warmup().toNanos();
      Phases phases = new Phases(start, measureStart, measureStart + settings.duration().toNanos());
      measureStartEpochMillis = System.currentTimeMillis() + (measureStart - System.nanoTime()) / 1_000_000;

      Runnable run;
      IntSupplier inFlight;
      if (settings.mode() == RunSettings.Mode.OPEN) {
        OpenLoopRunner runner = new OpenLoopRunner(
            lanes, new Schedule(settings.rate(), settings.warmup().dividedBy(2)), settings.maxInFlight(), drainNanos);
        run = () -> runner.run(phases, warmup, measured);
        inFlight = runner::inFlight;
      } else {
        ClosedLoopRunner runner = new ClosedLoopRunner(lanes, connectionsPerLane, drainNanos);
        run = () -> runner.run(phases, warmup, measured);
        inFlight = settings::connections;
      }
      ProgressPrinter progress = new ProgressPrinter(progressOut, phases, warmup, measured, inFlight);
      long firstTick = start + 1_000_000_000L - System.nanoTime();
      ticker.scheduleAtFixedRate(progress::tick, firstTick, 1_000_000_000L, TimeUnit.NANOSECONDS);
      run.run();
      ticker.shutdownNow();

      Results results = measured.results();
      long last = measured.lastCompletionNanos();
      double seconds = Math.max(settings.duration().toNanos(), last == Long.MIN_VALUE ? 0 : last - measureStart) / 1e9;
      return new RunReport(
          settings.mode().name().toLowerCase(Locale.ROOT),
          settings.target().toString(),
          settings.scenario().name(),
          settings.seed(),
          settings.mode() == RunSettings.Mode.OPEN ? settings.rate() : null,
          settings.connections(),
          settings.warmup().toNanos() / 1e9,
          seconds,
          results);
    } finally {
      ticker.shutdownNow();
      try {
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      } catch (Exception e) {
        progressOut.println("warning: the HTTP client did not stop cleanly: " + e);
      }
    }
  }

  private void prime(List<ClientLane> lanes) {
    try {
      Future.join(lanes.stream().map(ClientLane::prime).toList())
          .toCompletionStage().toCompletableFuture().get(settings.timeout().toMillis() + 5_000, TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      progressOut.println("warning: priming the HTTP client did not finish: " + e);
    }
  }

  private List<ClientLane> deploy(Vertx vertx, int laneCount, int[] connectionsPerLane, ContactFactory contacts,
      ClaimFactory claims, String runId) {
    ClientLane[] lanes = new ClientLane[laneCount];
    AtomicInteger index = new AtomicInteger();
    double claimShare = settings.scenario().claimShare();
    try {
      vertx.deployVerticle(() -> {
        int i = index.getAndIncrement();
        // each lane its own stream: a different seed and key prefix, the same mix
        String keyPrefix = "load-" + runId + "-" + i;
        TrafficGenerator traffic = new TrafficGenerator(
            claimShare, contacts, claims, settings.seed() + 0x9E3779B97F4A7C15L * i, keyPrefix);
        OperationPool operations = new OperationPool(traffic, OPERATIONS_PER_LANE, keyPrefix);
        ClientLane lane = new ClientLane(settings.target(), settings.token(), Math.max(1, connectionsPerLane[i]),
            settings.timeout(), operations);
        lanes[i] = lane;
        return lane;
      }, new DeploymentOptions().setInstances(laneCount)).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("could not start the HTTP client: " + e.getMessage(), e);
    }
    return List.of(lanes);
  }
}
