package io.omniroute.engine.rules;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Rule versions and the audit log in this process's memory: for a single node, lost on exit.
 * Thread-safe (every operation holds the store's lock for a few map operations).
 */
public final class MemoryRuleStore implements RuleStore {
  private final Map<String, List<RuleVersion>> versions = new HashMap<>();
  private final Map<String, Integer> active = new TreeMap<>();
  private final List<AuditEntry> audit = new ArrayList<>();

  @Override
  public synchronized Future<Void> seedDefault(String text, Instant now) {
    if (!versions.containsKey(GLOBAL)) {
      RuleVersion first = append(GLOBAL, text, ENGINE, "bundled default policy", now);
      active.put(GLOBAL, first.version());
      audit.add(new AuditEntry(now, ENGINE, AuditEntry.ACTIVATED, GLOBAL, first.version(), first.comment()));
    }
    return Future.succeededFuture();
  }

  @Override
  public synchronized Future<RuleVersion> save(String scope, String text, String author, String comment, Instant now) {
    return Future.succeededFuture(append(scope, text, author, comment, now));
  }

  private RuleVersion append(String scope, String text, String author, String comment, Instant now) {
    List<RuleVersion> list = versions.computeIfAbsent(scope, s -> new ArrayList<>());
    RuleVersion saved = new RuleVersion(scope, list.size() + 1, text, author, now, comment);
    list.add(saved);
    audit.add(new AuditEntry(now, author, AuditEntry.SAVED, scope, saved.version(), saved.comment()));
    return saved;
  }

  @Override
  public synchronized Future<List<RuleVersion>> versions(String scope) {
    return Future.succeededFuture(List.copyOf(versions.getOrDefault(scope, List.of())));
  }

  @Override
  public synchronized Future<Optional<RuleVersion>> version(String scope, int version) {
    List<RuleVersion> list = versions.getOrDefault(scope, List.of());
    return Future.succeededFuture(
        version >= 1 && version <= list.size() ? Optional.of(list.get(version - 1)) : Optional.empty());
  }

  @Override
  public synchronized Future<Map<String, Integer>> active() {
    return Future.succeededFuture(Map.copyOf(active));
  }

  @Override
  public synchronized Future<Void> activate(String scope, int version, String actor, String comment, Instant now) {
    if (version < 1 || version > versions.getOrDefault(scope, List.of()).size()) {
      return Future.failedFuture(new RuleVersionNotFoundException(scope, version));
    }
    active.put(scope, version);
    audit.add(new AuditEntry(now, actor, AuditEntry.ACTIVATED, scope, version, comment));
    return Future.succeededFuture();
  }

  @Override
  public synchronized Future<Void> appendAudit(AuditEntry entry) {
    audit.add(entry);
    return Future.succeededFuture();
  }

  @Override
  public synchronized Future<List<AuditEntry>> audit(int limit) {
    return Future.succeededFuture(List.copyOf(audit.subList(Math.max(0, audit.size() - limit), audit.size())));
  }

  @Override
  public void onActivation(Runnable listener) {}

  @Override
  public void close() {}
}
