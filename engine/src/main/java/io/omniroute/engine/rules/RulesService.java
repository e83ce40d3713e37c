package io.omniroute.engine.rules;

import io.omniroute.engine.metrics.EngineMetrics;
import io.omniroute.rules.Decision;
import io.omniroute.rules.RuleBook;
import io.omniroute.rules.RuleCompilationException;
import io.omniroute.rules.RuleProblem;
import io.omniroute.rules.RuleSet;
import io.omniroute.rules.ServiceLevels;
import io.omniroute.rules.directory.Directory;
import io.omniroute.rules.model.Contact;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rules in force on this node and everything supervisors do with them: validate, simulate,
 * save, activate.
 *
 * <p>{@link #current()} is the {@link RuleBook} decisions use: an immutable book behind a volatile
 * reference, so every decision runs entirely on the old or entirely on the new rules. Rule texts
 * are compiled on worker threads, never on an event loop; what supervisors ask (validate, save,
 * simulate) runs through {@link RuleWork}: a few threads, a bounded queue and a time budget. {@link #reload()} makes this node's book
 * match the store's active versions; reloads run one after another, and each reads the store
 * afresh, so the last one wins. A node reloads after its own activations, when the store reports
 * another node's activation (Redis pub/sub), and every {@link #RECONCILE_INTERVAL} as a safety
 * net. A version that does not compile is refused before it is saved or activated; if a node
 * nevertheless cannot compile an active version, it keeps its previous rules and counts the
 * failure ({@code omniroute_rules_reload_failures_total}).
 *
 * <p>Thread-safe. Create with {@link #start}; lives as long as the engine.
 */
public final class RulesService {
  /** How often a node compares its rules with the store's active versions, besides pub/sub. */
  public static final Duration RECONCILE_INTERVAL = Duration.ofSeconds(5);
  /** How long checking, saving or simulating one rule text may take before the request fails. */
  public static final Duration RULE_WORK_BUDGET = Duration.ofSeconds(30);
  /** Threads that check rule texts for supervisors (half the cores, at least one). */
  public static final int RULE_WORKERS = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
  /** Requests that may wait for such a thread; more are answered 503. */
  public static final int RULE_WORK_WAITING = 8;
  /** Compiled rule sets kept for quick re-activation (rollback). */
  private static final int COMPILED_CACHE = 8;
  private static final Logger LOG = LoggerFactory.getLogger(RulesService.class);

  private final Vertx vertx;
  private final RuleStore store;
  private final Directory directory;
  private final ServiceLevels serviceLevels;
  private final EngineMetrics metrics;
  private final Clock clock;
  private final RuleWork work;
  private final Map<String, RuleSet> compiled = new LinkedHashMap<>(16, 0.75f, true);
  private volatile RuleBook book;
  private Future<RuleBook> reloading = Future.succeededFuture();

  private RulesService(
      Vertx vertx, RuleStore store, Directory directory, ServiceLevels serviceLevels, EngineMetrics metrics, Clock clock) {
    this.vertx = vertx;
    this.store = store;
    this.directory = directory;
    this.serviceLevels = serviceLevels;
    this.metrics = metrics;
    this.clock = clock;
    this.work = new RuleWork(vertx, RULE_WORKERS, RULE_WORK_WAITING, RULE_WORK_BUDGET);
  }

  /**
   * Seeds the bundled default as {@code global} version 1 if the store has no global rules, loads
   * the active versions, and starts listening for other nodes' activations. Fails when an active
   * version cannot be loaded: a node does not start with rules other than the ones in force.
   */
  public static Future<RulesService> start(
      Vertx vertx, RuleStore store, Directory directory, ServiceLevels serviceLevels, EngineMetrics metrics, Clock clock) {
    RulesService service = new RulesService(vertx, store, directory, serviceLevels, metrics, clock);
    return store.seedDefault(RuleSet.defaultPolicyText(), clock.instant())
        .compose(seeded -> service.reload())
        .map(loaded -> {
          store.onActivation(() -> vertx.runOnContext(v -> service.reload()));
          vertx.setPeriodic(RECONCILE_INTERVAL.toMillis(), id -> service.reload());
          return service;
        });
  }

  /** The rules decisions use now. */
  public RuleBook current() {
    return book;
  }

  /** The active version of every scope, from the store (what every node decides with once it reloaded). */
  public Future<Map<String, Integer>> active() {
    return store.active();
  }

  /** Every saved version of {@code scope}, oldest first. */
  public Future<List<RuleVersion>> versions(String scope) {
    return store.versions(scope);
  }

  /** One saved version of {@code scope}. */
  public Future<Optional<RuleVersion>> version(String scope, int version) {
    return store.version(scope, version);
  }

  /** The newest {@code limit} entries of the audit log, oldest first. */
  public Future<List<AuditEntry>> audit(int limit) {
    return store.audit(limit);
  }

  /**
   * Makes this node's rules match the store's active versions, compiling what changed on a
   * worker thread. Serialized: a reload starts after the previous one ended.
   */
  public synchronized Future<RuleBook> reload() {
    reloading = reloading.transform(previous -> store.active().compose(this::load)
        .onSuccess(next -> {
          book = next;
          next.versions().forEach((scope, label) -> metrics.rulesActive(scope, versionNumber(label)));
        })
        .onFailure(failure -> {
          metrics.rulesReloadFailed();
          LOG.error("cannot load the active rules; this node keeps deciding with {}: {}",
              book == null ? "no rules" : book.versions().values(), failure.getMessage());
        }));
    return reloading;
  }

  private Future<RuleBook> load(Map<String, Integer> active) {
    if (!active.containsKey(RuleStore.GLOBAL)) {
      return Future.failedFuture(new IllegalStateException("the store has no active global rules"));
    }
    RuleBook now = book;
    Map<String, RuleSet> ready = new LinkedHashMap<>();
    List<Future<RuleVersion>> missing = new ArrayList<>();
    active.forEach((scope, version) -> {
      String label = RuleVersion.label(scope, version);
      Optional<RuleSet> known = now == null ? Optional.empty() : now.get(scope).filter(r -> r.version().equals(label));
      known.or(() -> cached(label)).ifPresentOrElse(rules -> ready.put(scope, rules), () -> missing.add(
          store.version(scope, version).map(found -> found.orElseThrow(() -> new RuleVersionNotFoundException(scope, version)))));
    });
    if (missing.isEmpty() && now != null && now.versions().keySet().equals(active.keySet())
        && ready.keySet().stream().allMatch(scope -> now.get(scope).orElseThrow() == ready.get(scope))) {
      return Future.succeededFuture(now);
    }
    return Future.all(missing).compose(read -> vertx.executeBlocking(() -> {
      for (int i = 0; i < read.size(); i++) {
        RuleVersion version = read.resultAt(i);
        ready.put(version.scope(), compileAndCache(version.label(), version.text()));
      }
      RuleBook next = RuleBook.of(ready.get(RuleStore.GLOBAL));
      for (Map.Entry<String, RuleSet> entry : ready.entrySet()) {
        if (!RuleStore.GLOBAL.equals(entry.getKey())) {
          next = next.with(entry.getKey(), entry.getValue());
        }
      }
      return next;
    }, false));
  }

  /**
   * Compiles {@code text} for {@code scope} without activating it, on a worker thread. Answers
   * every problem with line and column; empty when the text compiles.
   */
  public Future<List<RuleProblem>> validate(String scope, String text) {
    return work.run(() -> {
      try {
        RuleSet.compile(draftLabel(scope), text);
        return List.of();
      } catch (RuleCompilationException e) {
        return e.problems();
      }
    });
  }

  /**
   * Saves {@code text} as the next version of {@code scope} if it compiles; fails with {@link
   * RuleCompilationException} otherwise, and nothing is saved.
   */
  public Future<RuleVersion> save(String scope, String text, String author, String comment) {
    return work.run(() -> RuleSet.compile(draftLabel(scope), text))
        .compose(checked -> store.save(scope, text, author, comment, clock.instant()));
  }

  /**
   * Activates a saved version: reads it, compiles it on a worker thread (a version that does not
   * compile fails with {@link RuleCompilationException} and never becomes active), records the
   * activation in the store (which tells the other nodes), then swaps this node's rules.
   */
  public Future<RuleBook> activate(String scope, int version, String actor, String comment) {
    return store.version(scope, version)
        .map(found -> found.orElseThrow(() -> new RuleVersionNotFoundException(scope, version)))
        .compose(saved -> vertx.executeBlocking(() -> compileAndCache(saved.label(), saved.text()), false))
        .compose(ready -> store.activate(scope, version, actor, comment, clock.instant()))
        .compose(done -> reload());
  }

  /**
   * Decides {@code contacts} under the active rules and under the active rules with {@code draft}
   * (labelled {@code label}, a saved version's label or {@link #draftLabel}) in {@code scope}, on a
   * worker thread. Fails with {@link RuleCompilationException} when the
   * draft does not compile.
   */
  public Future<Simulation> simulate(String scope, String label, String draft, List<RecentContacts.Seen> contacts) {
    RuleBook active = book;
    return work.run(() -> {
      RuleBook drafted = active.with(scope, cached(label).orElseGet(() -> RuleSet.compile(label, draft)));
      List<Simulation.Outcome> outcomes = new ArrayList<>(contacts.size());
      for (RecentContacts.Seen seen : contacts) {
        Contact contact = seen.contact();
        Decision before = active.decide(contact, directory, serviceLevels);
        Decision after = drafted.decide(contact, directory, serviceLevels);
        outcomes.add(new Simulation.Outcome(seen.id(), contact, before, after));
      }
      return new Simulation(scope, active.versions(), label, outcomes);
    });
  }

  /** The label a draft decides as: {@code DE:draft}. */
  public static String draftLabel(String scope) {
    return scope + ":draft";
  }

  private static int versionNumber(String label) {
    return Integer.parseInt(label.substring(label.lastIndexOf(':') + 1));
  }

  private RuleSet compileAndCache(String label, String text) {
    Optional<RuleSet> known = cached(label);
    if (known.isPresent()) {
      return known.get();
    }
    RuleSet rules = RuleSet.compile(label, text);
    synchronized (compiled) {
      compiled.put(label, rules);
      RuleBook inForce = book;
      compiled.keySet().removeIf(key -> compiled.size() > COMPILED_CACHE
          && (inForce == null || !inForce.versions().containsValue(key)) && !key.equals(label));
    }
    return rules;
  }

  private Optional<RuleSet> cached(String label) {
    synchronized (compiled) {
      return Optional.ofNullable(compiled.get(label));
    }
  }
}
