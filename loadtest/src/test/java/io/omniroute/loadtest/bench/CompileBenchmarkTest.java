package io.omniroute.loadtest.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.omniroute.rules.CompilerWarmUp;
import io.omniroute.rules.RuleSet;
import org.junit.jupiter.api.Test;

/** Runs {@link CompileBenchmark}'s set-up and each benchmark method once. */
class CompileBenchmarkTest {

  @Test
  void compilesTheDefaultAndTheLargeRuleSet() {
    CompileBenchmark benchmark = new CompileBenchmark();
    benchmark.setUp();

    assertThat(benchmark.dealerDrl).contains("rule \"Dealer ");
    RuleSet defaults = benchmark.compileDefault();
    RuleSet large = benchmark.compile1000DealerRules();

    assertThat(defaults.version()).isEqualTo("global:1");
    assertThat(large.version()).isEqualTo(LargePolicy.VERSION);
    assertThat(benchmark.compileDefaultCold().version()).isEqualTo("global:1");
    assertThat(benchmark.compile1000DealerRulesCold().version()).isEqualTo(LargePolicy.VERSION);
    CompileBenchmark.StartedEngine engine = new CompileBenchmark.StartedEngine();
    engine.start();
    assertThat(engine.startupPolicy.version()).isEqualTo("global:1");
    assertThat(benchmark.compile1000DealerRulesAfterStart(engine).version()).isEqualTo(LargePolicy.VERSION);
    CompileBenchmark.WarmedUpEngine warmed = new CompileBenchmark.WarmedUpEngine();
    warmed.start();
    assertThat(warmed.warmUp.compiles()).isEqualTo(CompilerWarmUp.DEFAULT_ROUNDS);
    assertThat(benchmark.compile1000DealerRulesAfterWarmUp(warmed).version()).isEqualTo(LargePolicy.VERSION);
  }
}
