package io.omniroute.engine.rules;

import io.omniroute.rules.RuleBook;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where rule versions, the active version of each scope and the audit log live: in memory for one
 * node, in Redis for every node of a deployment.
 *
 * <p>Every operation is asynchronous and atomic on its own: a save takes the next version number
 * and writes its audit entry together; an activation points the scope at an existing version and
 * writes its audit entry together. Whether a version compiles is checked by the caller before it
 * activates. Implementations are thread-safe; {@link #close()} releases their resources.
 */
public interface RuleStore extends AutoCloseable {
  /** The author of the versions the engine itself writes (the bundled default). */
  String ENGINE = "omniroute";
  /** The scope of the headquarters' rules. */
  String GLOBAL = RuleBook.GLOBAL;

  /**
   * Stores {@code text} as {@code global} version 1 and makes it active, unless {@code global}
   * already has versions; then nothing changes. Several nodes may call this at once.
   */
  Future<Void> seedDefault(String text, Instant now);

  /** Saves {@code text} as the next version of {@code scope}, with an audit entry. */
  Future<RuleVersion> save(String scope, String text, String author, String comment, Instant now);

  /** Every version of {@code scope}, oldest first; empty for a scope without versions. */
  Future<List<RuleVersion>> versions(String scope);

  /** One version, if it exists. */
  Future<Optional<RuleVersion>> version(String scope, int version);

  /** The active version number of each scope that has one. */
  Future<Map<String, Integer>> active();

  /**
   * Makes {@code version} the active version of {@code scope}, with an audit entry, and tells the
   * other nodes. Fails with {@link RuleVersionNotFoundException} when the version does not exist.
   */
  Future<Void> activate(String scope, int version, String actor, String comment, Instant now);

  /** Adds an entry to the audit log for something done outside the rules, such as an erasure. */
  Future<Void> appendAudit(AuditEntry entry);

  /** The newest {@code limit} audit entries, oldest first. */
  Future<List<AuditEntry>> audit(int limit);

  /**
   * Calls {@code listener} when another node activated a version (it should then reload the
   * active versions). The memory store has no other nodes and never calls it.
   */
  void onActivation(Runnable listener);

  @Override
  void close();
}
