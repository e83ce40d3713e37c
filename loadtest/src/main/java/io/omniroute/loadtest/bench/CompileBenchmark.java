package io.omniroute.loadtest.bench;

import io.omniroute.rules.CompilerWarmUp;
import io.omniroute.rules.RuleSet;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Rule-set compile time: {@link RuleSet#compile} of the default policy plus 1,000 dealer rules
 * ({@link LargePolicy}), and of the default policy alone for comparison. One compile per
 * iteration ({@link Mode#SingleShotTime}); the DRL text is built in the set-up.
 *
 * <p>{@link #compileDefault} and {@link #compile1000DealerRules} run warm-up iterations in the same
 * JVM, so they measure a JVM that has compiled rules before (as when the engine reloads a rule
 * version). The {@code ...Cold} variants measure the first compile in a fresh JVM, as at engine
 * start-up: that includes loading and initialising Drools and the Java compiler it uses for
 * consequences. {@code ...AfterStart} and {@code ...AfterWarmUp} measure a supervisor's first upload
 * to a started engine, without and with the engine's compiler warm-up.
 *
 * <p>Run: {@code java -jar loadtest/target/omniroute-benchmarks.jar CompileBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3)
@Measurement(iterations = 8)
public class CompileBenchmark {
  String defaultDrl;
  String dealerDrl;

  @Setup(Level.Trial)
  public void setUp() {
    defaultDrl = RuleSet.defaultPolicyText();
    dealerDrl = LargePolicy.generate().drl();
  }

  /** The default policy alone (19 rules). */
  @Benchmark
  public RuleSet compileDefault() {
    return RuleSet.compile("global:1", defaultDrl);
  }

  /** The default policy plus 1,000 generated dealer rules. */
  @Benchmark
  public RuleSet compile1000DealerRules() {
    return RuleSet.compile(LargePolicy.VERSION, dealerDrl);
  }

  /**
   * {@link #compileDefault} as the first compile in a fresh JVM (engine start-up): one shot per
   * fork, five forks.
   */
  @Benchmark
  @Fork(5)
  @Warmup(iterations = 0)
  @Measurement(iterations = 1)
  public RuleSet compileDefaultCold() {
    return RuleSet.compile("global:1", defaultDrl);
  }

  /** {@link #compile1000DealerRules} as the first compile in a fresh JVM: one shot per fork, five forks. */
  @Benchmark
  @Fork(5)
  @Warmup(iterations = 0)
  @Measurement(iterations = 1)
  public RuleSet compile1000DealerRulesCold() {
    return RuleSet.compile(LargePolicy.VERSION, dealerDrl);
  }

  /**
   * {@link #compile1000DealerRules} as the first rule upload to a freshly started engine: a fresh
   * JVM in which only the default policy was compiled before ({@link StartedEngine}), as the engine
   * does at start-up. One shot per fork, five forks.
   */
  @Benchmark
  @Fork(5)
  @Warmup(iterations = 0)
  @Measurement(iterations = 1)
  public RuleSet compile1000DealerRulesAfterStart(StartedEngine engine) {
    return RuleSet.compile(LargePolicy.VERSION, dealerDrl);
  }

  /**
   * {@link #compile1000DealerRules} as the first rule upload to a started engine that has finished
   * its {@link CompilerWarmUp} ({@value CompilerWarmUp#DEFAULT_ROUNDS} rounds, the default of
   * {@code omniroute-engine}). One shot per fork, five forks.
   */
  @Benchmark
  @Fork(5)
  @Warmup(iterations = 0)
  @Measurement(iterations = 1)
  public RuleSet compile1000DealerRulesAfterWarmUp(WarmedUpEngine engine) {
    return RuleSet.compile(LargePolicy.VERSION, dealerDrl);
  }

  /** A JVM that has compiled the default policy once, as {@code omniroute-engine} does at start. */
  @State(Scope.Benchmark)
  public static class StartedEngine {
    RuleSet startupPolicy;

    @Setup(Level.Trial)
    public void start() {
      startupPolicy = RuleSet.defaultPolicy();
    }
  }

  /** A {@link StartedEngine} that has also run the default {@link CompilerWarmUp}. */
  @State(Scope.Benchmark)
  public static class WarmedUpEngine {
    RuleSet startupPolicy;
    CompilerWarmUp.Result warmUp;

    @Setup(Level.Trial)
    public void start() {
      startupPolicy = RuleSet.defaultPolicy();
      warmUp = CompilerWarmUp.run(CompilerWarmUp.DEFAULT_ROUNDS, () -> false);
    }
  }
}
