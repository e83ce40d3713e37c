package io.omniroute.rules;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Warms up the rule compiler: compiles the bundled default policy a number of times and throws the
 * results away, so that the JIT has compiled Drools' and the Java compiler's code before a
 * supervisor's first upload. Measured in {@code CompileBenchmark}: the first 1,000-rule upload to a
 * started engine takes about half as long after 30 rounds (BENCHMARKS.md, "Rule scale").
 *
 * <p>CPU-bound for a few seconds (one core): run it on a worker thread, never on an event loop.
 * Stateless and thread-safe.
 */
public final class CompilerWarmUp {
  /** Rounds the engine runs after start unless told otherwise. */
  public static final int DEFAULT_ROUNDS = 30;

  /** What a warm-up did: how many compiles it ran and how long they took. */
  public record Result(int compiles, Duration took) {}

  private CompilerWarmUp() {}

  /**
   * Compiles the default policy {@code rounds} times, stopping early once {@code cancelled} says
   * so (checked before each round).
   *
   * @throws IllegalArgumentException if {@code rounds} is negative
   */
  public static Result run(int rounds, BooleanSupplier cancelled) {
    if (rounds < 0) {
      throw new IllegalArgumentException("rounds must not be negative, got " + rounds);
    }
    long start = System.nanoTime();
    String policy = RuleSet.defaultPolicyText();
    int compiles = 0;
    while (compiles < rounds && !cancelled.getAsBoolean()) {
      RuleSet.compile("warm-up:" + (compiles + 1), policy);
      compiles++;
    }
    return new Result(compiles, Duration.ofNanos(System.nanoTime() - start));
  }
}
