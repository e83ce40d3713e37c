package io.omniroute.engine.rules;

import static io.omniroute.engine.rules.RuleStoreContract.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.omniroute.engine.metrics.EngineMetrics;
import io.omniroute.rules.RuleCompilationException;
import io.omniroute.rules.ServiceLevels;
import io.omniroute.rules.directory.DirectoryLoader;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Activation and reload: a version that does not compile never becomes active anywhere. */
class RulesServiceTest {
  private Vertx vertx;
  private MemoryRuleStore store;
  private EngineMetrics metrics;
  private RulesService rules;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
    store = new MemoryRuleStore();
    metrics = new EngineMetrics();
    rules = await(RulesService.start(vertx, store, DirectoryLoader.bundledSample(), ServiceLevels.defaults(), metrics,
        Clock.systemUTC()));
  }

  @AfterEach
  void stop() {
    await(vertx.close());
  }

  @Test
  void refusesToActivateAStoredVersionThatDoesNotCompile() {
    RuleVersion broken = await(store.save("DE", "package io.omniroute.rules;\nrule \"x\" when then", "mallory", "", Instant.now()));

    Throwable failure = catchThrowable(() -> await(rules.activate("DE", broken.version(), "mallory", "")));

    assertThat(failure).isInstanceOf(RuleCompilationException.class);
    assertThat(await(store.active())).isEqualTo(Map.of("global", 1));
    assertThat(rules.current().versions()).isEqualTo(Map.of("global", "global:1"));
    assertThat(await(store.audit(10))).noneMatch(entry -> entry.action().equals(AuditEntry.ACTIVATED) && entry.scope().equals("DE"));
  }

  @Test
  void keepsItsRulesWhenTheActiveVersionCannotBeLoaded() {
    RuleVersion broken = await(store.save("DE", "rule", "mallory", "", Instant.now()));
    await(store.activate("DE", broken.version(), "mallory", "", Instant.now()));

    Throwable failure = catchThrowable(() -> await(rules.reload()));

    assertThat(failure).isInstanceOf(RuleCompilationException.class);
    assertThat(rules.current().versions()).isEqualTo(Map.of("global", "global:1"));
    assertThat(metrics.scrape()).contains("omniroute_rules_reload_failures_total 1.0");
  }

  @Test
  void aReloadPicksUpAnotherNodesActivation() {
    RuleVersion saved = await(store.save("DE", "package io.omniroute.rules;\n", "anna", "empty DE rules", Instant.now()));
    await(store.activate("DE", saved.version(), "anna", "", Instant.now()));

    await(rules.reload());

    assertThat(rules.current().versions()).containsEntry("DE", "DE:1");
    assertThat(metrics.scrape()).contains("omniroute_rules_active_version{scope=\"DE\"} 1.0");
  }
}
