package io.omniroute.loadtest.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import io.omniroute.engine.Engine;
import io.omniroute.engine.EngineOptions;
import io.omniroute.engine.auth.AccessTokens;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * One engine node holding many event stream connections: starts an engine in this process (memory
 * store, demo tokens, loopback, an ephemeral port), and {@link StreamClients} in a process of its
 * own (so this heap holds only the engine), which registers agents and opens the Server-Sent Events
 * connections: one per agent stream, the rest on the dealers' queue streams. Then it measures:
 *
 * <ul>
 *   <li>the engine's live heap after full collections ({@link LiveHeap}) before the connections,
 *       with them open, and after the traffic;
 *   <li>how late the engine's event loops ran ({@link EventLoopLateness}, a tick every 5 ms on each)
 *       and the garbage collection pauses while the client makes traffic (contacts for the dealers'
 *       queues, each claimed by an agent of the dealer and completed, so that events flow to agent
 *       and queue streams, with the queues' depth events), after a warm-up of a third as long
 *       with the same traffic, which is not measured.
 * </ul>
 *
 * <p>Run: {@code java -Xms1g -Xmx1g -XX:+AlwaysPreTouch -XX:+UseG1GC -XX:MaxGCPauseMillis=10 -cp loadtest/target/omniroute-benchmarks.jar
 * io.omniroute.loadtest.bench.StreamConnectionsRun [CONNECTIONS [AGENTS [SECONDS [CONTACTS_PER_SECOND]]]]}
 * (defaults 10000, 9000, 60, 50). Each process needs a file descriptor per connection (see {@code
 * ulimit -n}) and the client an ephemeral port per connection to 127.0.0.1.
 */
public final class StreamConnectionsRun {
  private static final Pattern CONNECTIONS_GAUGE =
      Pattern.compile("omniroute_stream_connections\\{transport=\"sse\"} ([0-9.E]+)");

  private StreamConnectionsRun() {}

  /** What one run measured. */
  record Result(
      int connectionsOpen, long failed, long heapBefore, long heapConnected, long heapAfterTraffic,
      EventLoopLateness.Snapshot lateness, long gcPauses, long gcMaxPauseMillis, long lateDuringGc, String traffic) {}

  public static void main(String[] args) throws Exception {
    int connections = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int agents = args.length > 1 ? Integer.parseInt(args[1]) : Math.min(connections, 9_000);
    int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 60;
    int rate = args.length > 3 ? Integer.parseInt(args[3]) : 50;
    Result result = run(connections, agents, seconds, rate, System.out);
    System.out.printf("%nconnections open: %,d (failed %,d); max heap %,d MiB%n", result.connectionsOpen(), result.failed(),
        Runtime.getRuntime().maxMemory() / 1024 / 1024);
    System.out.printf("live heap after full GC: before %.1f MiB, %,d connections %.1f MiB, after traffic %.1f MiB"
            + " (%.1f KiB per connection)%n",
        mib(result.heapBefore()), result.connectionsOpen(), mib(result.heapConnected()), mib(result.heapAfterTraffic()),
        (result.heapConnected() - result.heapBefore()) / 1024.0 / Math.max(1, result.connectionsOpen()));
    System.out.printf("event-loop lateness over %d loops, %,d ticks: p99 %.2f ms, p99.9 %.2f ms, max %.2f ms;"
            + " ticks over 10 ms: %d%n",
        result.lateness().loops(), result.lateness().micros().getTotalCount(), result.lateness().p99Millis(),
        result.lateness().p999Millis(), result.lateness().maxMillis(), result.lateness().over(10));
    result.lateness().byLoop().forEach((loop, micros) -> System.out.printf(
        "  %s: %,d ticks, p99 %.2f ms, max %.2f ms, over 10 ms: %d%n", loop, micros.getTotalCount(),
        micros.getValueAtPercentile(99) / 1_000.0, micros.getMaxValue() / 1_000.0, EventLoopLateness.Snapshot.over(micros, 10)));
    System.out.printf("GC pauses during the traffic: %d, longest %d ms; ticks over 10 ms late during a GC pause: %d%n",
        result.gcPauses(), result.gcMaxPauseMillis(), result.lateDuringGc());
    System.out.println("client: " + result.traffic());
    System.exit(0);
  }

  static Result run(int connections, int agents, int seconds, int rate, PrintStream log) throws Exception {
    EngineOptions options = EngineOptions.defaults().withHost("127.0.0.1").withPort(0).withTokens(AccessTokens.demo());
    Engine engine = Engine.start(options).toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    EventLoopLateness lateness = EventLoopLateness.start(engine.vertx());
    GcPauses pauses = GcPauses.listen();
    Process client = null;
    try {
      long heapBefore = LiveHeap.bytes();
      client = new ProcessBuilder(javaCommand(), "-Xmx1g", "-cp", System.getProperty("java.class.path"),
          StreamClients.class.getName(), Integer.toString(engine.port()), Integer.toString(connections),
          Integer.toString(agents), Integer.toString(seconds), Integer.toString(rate))
          .redirectError(ProcessBuilder.Redirect.INHERIT).start();
      BlockingQueue<String> lines = new LinkedBlockingQueue<>();
      BufferedReader output = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
      Thread reader = new Thread(() -> output.lines().forEach(line -> {
        log.println("client: " + line);
        lines.add(line);
      }), "stream-clients-output");
      reader.setDaemon(true);
      reader.start();
      PrintStream commands = new PrintStream(client.getOutputStream(), true, StandardCharsets.UTF_8);

      awaitLine(lines, "registered", client);
      String connected = awaitLine(lines, "connected", client);
      long failed = Long.parseLong(connected.replaceAll(".* failed ", "").strip());
      int open = openConnections(engine);
      log.printf("engine: %,d open stream connections%n", open);
      long heapConnected = LiveHeap.bytes();
      commands.println("warm");
      awaitLine(lines, "warmed", client);

      lateness.record();
      pauses.record();
      commands.println("go");
      String traffic = awaitLine(lines, "traffic", client);
      lateness.pause();
      pauses.pause();
      long heapAfterTraffic = LiveHeap.bytes();
      commands.println("quit");
      return new Result(open, failed, heapBefore, heapConnected, heapAfterTraffic, lateness.snapshot(),
          pauses.count.get(), pauses.longestMillis.get(), lateness.lateTicksDuring(pauses.windows(), 10), traffic);
    } finally {
      if (client != null) {
        client.destroy();
        client.waitFor(10, TimeUnit.SECONDS);
      }
      lateness.close();
      pauses.close();
      engine.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }
  }

  private static String awaitLine(BlockingQueue<String> lines, String prefix, Process client) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(15);
    while (System.nanoTime() < deadline) {
      String line = lines.poll(1, TimeUnit.SECONDS);
      if (line != null && line.startsWith(prefix)) {
        return line;
      }
      if (line == null && !client.isAlive()) {
        throw new IllegalStateException("the client exited with " + client.exitValue() + " before '" + prefix + "'");
      }
    }
    throw new IllegalStateException("the client did not report '" + prefix + "' within 15 minutes");
  }

  /** The engine's own count of open SSE connections, from its metrics. */
  private static int openConnections(Engine engine) {
    Matcher matcher = CONNECTIONS_GAUGE.matcher(engine.metrics().scrape());
    return matcher.find() ? (int) Double.parseDouble(matcher.group(1)) : -1;
  }

  private static String javaCommand() {
    return ProcessHandle.current().info().command().orElse("java");
  }

  private static double mib(long bytes) {
    return bytes / 1024.0 / 1024.0;
  }

  /** Garbage collection pauses while recording, from the collectors' notifications. */
  private static final class GcPauses implements AutoCloseable {
    final AtomicLong count = new AtomicLong();
    final AtomicLong longestMillis = new AtomicLong();
    /** Each pause's start and end, epoch milliseconds. */
    private final List<long[]> windows = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
    private final List<Runnable> removals = new ArrayList<>();
    private volatile boolean recording;

    static GcPauses listen() {
      GcPauses pauses = new GcPauses();
      for (GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
        if (bean instanceof NotificationEmitter emitter) {
          NotificationListener listener = (notification, handback) -> {
            if (pauses.recording
                && notification.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
              GarbageCollectionNotificationInfo info =
                  GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
              if (!info.getGcName().contains("Concurrent")) {
                pauses.count.incrementAndGet();
                pauses.longestMillis.accumulateAndGet(info.getGcInfo().getDuration(), Math::max);
                pauses.windows.add(new long[] {pauses.jvmStart + info.getGcInfo().getStartTime(),
                    pauses.jvmStart + info.getGcInfo().getEndTime()});
              }
            }
          };
          emitter.addNotificationListener(listener, null, null);
          pauses.removals.add(() -> {
            try {
              emitter.removeNotificationListener(listener);
            } catch (Exception e) {
              // already removed
            }
          });
        }
      }
      return pauses;
    }

    List<long[]> windows() {
      return List.copyOf(windows);
    }

    void record() {
      windows.clear();
      count.set(0);
      longestMillis.set(0);
      recording = true;
    }

    void pause() {
      recording = false;
    }

    @Override
    public void close() {
      removals.forEach(Runnable::run);
    }
  }
}
