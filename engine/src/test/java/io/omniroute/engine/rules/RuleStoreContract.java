package io.omniroute.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The behaviour every {@link RuleStore} must show, driven through the interface. An
 * implementation's test answers a fresh, empty store from {@link #newStore()}.
 */
@Timeout(30)
public abstract class RuleStoreContract {
  private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
  protected RuleStore store;

  protected abstract RuleStore newStore();

  @BeforeEach
  void open() {
    store = newStore();
  }

  @AfterEach
  void close() {
    store.close();
  }

  protected static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void seedsTheBundledDefaultAsActiveGlobalVersionOneOnce() {
    await(store.seedDefault("default text", T0));
    await(store.seedDefault("a newer default", T0.plusSeconds(60)));

    assertThat(await(store.active())).containsExactlyEntriesOf(java.util.Map.of("global", 1));
    RuleVersion first = await(store.version("global", 1)).orElseThrow();
    assertThat(first.text()).isEqualTo("default text");
    assertThat(first.author()).isEqualTo(RuleStore.ENGINE);
    assertThat(await(store.versions("global"))).hasSize(1);
    assertThat(await(store.audit(10))).extracting(AuditEntry::action)
        .containsExactly(AuditEntry.SAVED, AuditEntry.ACTIVATED);
  }

  @Test
  void savesVersionsWithTheirAuthorTimeAndComment() {
    await(store.seedDefault("v1", T0));

    RuleVersion saved = await(store.save("global", "v2", "anna", "tax questions to Berlin", T0.plusSeconds(5)));
    RuleVersion de = await(store.save("DE", "de1", "jonas", "", T0.plusSeconds(6)));

    assertThat(saved.version()).isEqualTo(2);
    assertThat(saved.label()).isEqualTo("global:2");
    assertThat(de.version()).isEqualTo(1);
    RuleVersion read = await(store.version("global", 2)).orElseThrow();
    assertThat(read).isEqualTo(saved);
    assertThat(await(store.versions("global"))).extracting(RuleVersion::version).containsExactly(1, 2);
    assertThat(await(store.versions("AT"))).isEmpty();
    assertThat(await(store.version("DE", 2))).isEmpty();
    assertThat(await(store.active())).doesNotContainKey("DE");
  }

  @Test
  void activatesAnExistingVersionAndAuditsIt() {
    await(store.seedDefault("v1", T0));
    await(store.save("DE", "de1", "jonas", "first DE rules", T0.plusSeconds(1)));
    await(store.save("DE", "de2", "jonas", "second DE rules", T0.plusSeconds(2)));

    await(store.activate("DE", 2, "jonas", "go live", T0.plusSeconds(3)));
    await(store.activate("DE", 1, "anna", "roll back", T0.plusSeconds(4)));

    assertThat(await(store.active())).containsEntry("DE", 1).containsEntry("global", 1);
    List<AuditEntry> audit = await(store.audit(3));
    assertThat(audit).containsExactly(
        new AuditEntry(T0.plusSeconds(2), "jonas", AuditEntry.SAVED, "DE", 2, "second DE rules"),
        new AuditEntry(T0.plusSeconds(3), "jonas", AuditEntry.ACTIVATED, "DE", 2, "go live"),
        new AuditEntry(T0.plusSeconds(4), "anna", AuditEntry.ACTIVATED, "DE", 1, "roll back"));
  }

  @Test
  void refusesToActivateAMissingVersion() {
    await(store.seedDefault("v1", T0));

    Throwable failure = catchThrowable(() -> await(store.activate("global", 7, "anna", "", T0)));

    assertThat(failure).isInstanceOf(RuleVersionNotFoundException.class).hasMessageContaining("no version 7");
    assertThat(await(store.active())).containsEntry("global", 1);
    assertThat(await(store.audit(10))).hasSize(2);
  }

  @Test
  void concurrentSavesGetDistinctVersions() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<java.util.concurrent.Future<RuleVersion>> saves = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        String text = "text " + i;
        Callable<RuleVersion> save = () -> await(store.save("DE", text, "anna", "", T0));
        saves.add(pool.submit(save));
      }
      Set<Integer> versions = new HashSet<>();
      for (java.util.concurrent.Future<RuleVersion> save : saves) {
        RuleVersion saved = save.get(10, TimeUnit.SECONDS);
        versions.add(saved.version());
        assertThat(await(store.version("DE", saved.version())).orElseThrow().text()).isEqualTo(saved.text());
      }
      assertThat(versions).hasSize(40).allMatch(v -> v >= 1 && v <= 40);
    } finally {
      pool.shutdownNow();
    }
  }
}
