package io.omniroute.loadtest.generator;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.IntSupplier;

/**
 * Prints one progress line per call to {@link #tick}: elapsed time, phase, 2xx answers per second
 * since the previous line, totals of the phase and its latency p50/p99 so far.
 *
 * <p>Threading: call {@link #tick} from one thread at a time (a single scheduler thread).
 */
public final class ProgressPrinter {
  private final PrintStream out;
  private final Phases phases;
  private final Measurements warmup;
  private final Measurements measured;
  private final IntSupplier inFlight;
  private boolean lastWasWarmup = true;
  private long lastOk;
  private long lastNanos;

  public ProgressPrinter(PrintStream out, Phases phases, Measurements warmup, Measurements measured, IntSupplier inFlight) {
    this.out = out;
    this.phases = phases;
    this.warmup = warmup;
    this.measured = measured;
    this.inFlight = inFlight;
    this.lastNanos = phases.startNanos();
  }

  /** Prints the line for now. */
  public void tick() {
    out.println(line(System.nanoTime()));
    out.flush();
  }

  String line(long now) {
    boolean inWarmup = phases.inWarmup(now);
    Measurements current = inWarmup ? warmup : measured;
    Measurements.Progress progress = current.progress();
    if (inWarmup != lastWasWarmup) {
      lastOk = 0;
      lastNanos = phases.measureStartNanos();
      lastWasWarmup = inWarmup;
    }
    double seconds = Math.max(1e-9, (now - lastNanos) / 1e9);
    double rate = (progress.ok() - lastOk) / seconds;
    lastOk = progress.ok();
    lastNanos = now;
    return String.format(Locale.ROOT,
        "[%6.1fs] %-7s %9.0f ok/s  ok %10d  errors %7d  p50 %8.3f ms  p99 %8.3f ms  in-flight %d",
        (now - phases.startNanos()) / 1e9, inWarmup ? "warm-up" : "measure", rate, progress.ok(), progress.errors(),
        progress.p50Micros() / 1000.0, progress.p99Micros() / 1000.0, inFlight.getAsInt());
  }
}
