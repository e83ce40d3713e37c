package io.omniroute.engine.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An engine in its own operating-system process, started from the shaded jar operators run
 * ({@code omniroute-engine.jar}, named by the system property {@code omniroute.engine.jar} that
 * the failsafe configuration sets) on an ephemeral loopback port. Its output goes to a log file
 * that failures quote. {@link #kill()} is SIGKILL; {@link #close()} stops it gracefully (and
 * forcibly if it does not stop). Not thread-safe for start and stop; the HTTP client is.
 */
public final class EngineProcess extends EngineClient implements AutoCloseable {
  private static final Pattern LISTENING = Pattern.compile("Omniroute listening on http://[^:]+:(\\d+)");
  private static final long START_TIMEOUT_MILLIS = 60_000;

  private final Process process;
  private final Path log;
  private final int port;

  private EngineProcess(Process process, Path log, int port) {
    this.process = process;
    this.log = log;
    this.port = port;
  }

  /**
   * Starts {@code java -jar omniroute-engine.jar --host 127.0.0.1 --port 0 --demo-tokens ARGS...},
   * logging to {@code logDirectory/name.log}, and waits until it listens. Its client sends
   * {@code demo-admin}. Without {@code --compiler-warm-up} in {@code args} the warm-up is off, so
   * that it does not compete with the test for the CPU.
   */
  public static EngineProcess start(Path logDirectory, String name, String... args) {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m", "-XX:+UseParallelGC",
        "-jar", engineJar().toString(), "--host", "127.0.0.1", "--port", "0", "--demo-tokens"));
    if (!List.of(args).contains("--compiler-warm-up")) {
      command.addAll(List.of("--compiler-warm-up", "0"));
    }
    command.addAll(List.of(args));
    Path log = logDirectory.resolve(name + ".log");
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      return new EngineProcess(process, log, awaitPort(process, log));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + command, e);
    }
  }

  private static Path engineJar() {
    String jar = System.getProperty("omniroute.engine.jar");
    if (jar == null || !Files.isRegularFile(Path.of(jar))) {
      throw new IllegalStateException("the engine jar is missing (" + jar + "): process tests run in 'mvn verify',"
          + " after the package phase built engine/target/omniroute-engine.jar");
    }
    return Path.of(jar);
  }

  private static int awaitPort(Process process, Path log) throws IOException {
    long deadline = System.currentTimeMillis() + START_TIMEOUT_MILLIS;
    while (System.currentTimeMillis() < deadline) {
      Matcher listening = LISTENING.matcher(Files.readString(log));
      if (listening.find()) {
        return Integer.parseInt(listening.group(1));
      }
      if (!process.isAlive()) {
        throw new IllegalStateException("the engine exited with " + process.exitValue() + ":\n" + Files.readString(log));
      }
      sleep(50);
    }
    process.destroyForcibly();
    throw new IllegalStateException("the engine did not listen within " + START_TIMEOUT_MILLIS + " ms:\n"
        + Files.readString(log));
  }

  @Override
  public int port() {
    return port;
  }

  /** What the process printed so far. */
  public String log() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(cannot read " + log + ": " + e + ")";
    }
  }

  /** The lines the engine logged at ERROR level, each with the line after it (the exception), for failure messages. */
  public String errors() {
    List<String> lines = log().lines().toList();
    StringBuilder errors = new StringBuilder();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains(" ERROR ")) {
        errors.append(lines.get(i)).append('\n').append(i + 1 < lines.size() ? lines.get(i + 1) : "").append('\n');
      }
    }
    return errors.toString();
  }

  /** SIGKILL: the process dies at once, with no shutdown hook and nothing flushed. */
  public void kill() {
    process.destroyForcibly();
    waitForExit(10);
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroy();
      if (!waitForExit(20)) {
        kill();
      }
    }
  }

  private boolean waitForExit(int seconds) {
    try {
      return process.waitFor(seconds, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
