package io.omniroute.rules;

import io.omniroute.rules.directory.Directory;
import io.omniroute.rules.model.Contact;
import io.omniroute.rules.sandbox.RuleSandbox;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.drl.parser.ParserError;
import org.kie.api.KieBase;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderError;
import org.kie.internal.builder.KnowledgeBuilderErrors;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Global;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;

/**
 * A compiled, immutable rule set: classification and routing rules in DRL.
 *
 * <p>Compile once per rule version ({@link #compile}), then share: {@link #decide} is
 * thread-safe, each decision runs in its own short-lived Drools session that is disposed before
 * it returns. Rule sets of at most {@link #POOLED_SESSIONS_UP_TO_RULES} rules take those sessions
 * from a pool; larger ones open a fresh session per decision, because returning a session to the
 * pool resets the memory of every node of the rule base, a cost that grows with the rule count.
 * A decision stops after {@link #MAX_RULE_FIRINGS} firings, so a rule that keeps re-activating
 * itself cannot hang the caller; the route then falls back to the central desk.
 * A rule set is the text of one scope ({@code global}, or a country such as {@code DE}); a {@link
 * RuleBook} combines the active rule set of each scope.
 */
public final class RuleSet {
  /** The default policy bundled on the class path, version {@code global:1}. */
  public static final String DEFAULT_POLICY = "io/omniroute/rules/default-policy.drl";
  /** Upper bound on rule firings in one decision. */
  public static final int MAX_RULE_FIRINGS = 1_000;
  /** Trace entry added when the engine's safe default replaced an incomplete decision. */
  public static final String FALLBACK_TRACE = "Fallback: central desk (the rules did not complete the decision)";
  /** Trace entry added when a decision was stopped at {@link #MAX_RULE_FIRINGS}, before {@link #FALLBACK_TRACE}. */
  public static final String FIRING_LIMIT_TRACE =
      "Stopped: the rules fired " + MAX_RULE_FIRINGS + " times without finishing (a rule keeps re-activating itself)";

  /**
   * The largest rule set whose decisions reuse pooled sessions. Measured on the default policy
   * plus generated dealer rules: a pooled decision costs about 0.2 µs more per 100 rules, a fresh
   * session about 0.5 µs more than a pooled one at the default policy's size and 0.06 µs more per
   * 100 rules; the two meet between 250 and 500 extra rules (BENCHMARKS.md, "Rule scale").
   */
  public static final int POOLED_SESSIONS_UP_TO_RULES = 400;

  private final KieBase kieBase;
  /** The session pool, or {@code null} when each decision opens a fresh session. */
  private final KieSessionsPool sessions;
  private final String version;
  private final boolean usesDirectory;
  private final boolean usesServiceLevels;
  private final Map<Rule, String> activationGroups;

  private RuleSet(KieBase kieBase, String version, int pooledSessionsUpToRules) {
    this.kieBase = kieBase;
    this.version = version;
    Set<String> globals = new HashSet<>();
    Map<Rule, String> groups = new IdentityHashMap<>();
    int rules = 0;
    for (KiePackage pkg : kieBase.getKiePackages()) {
      for (Global global : pkg.getGlobalVariables()) {
        globals.add(global.getName());
      }
      for (Rule rule : pkg.getRules()) {
        rules++;
        String group = ((RuleImpl) rule).getActivationGroup();
        if (group != null && !group.isEmpty()) {
          groups.put(rule, group);
        }
      }
    }
    this.activationGroups = groups;
    this.sessions = rules <= pooledSessionsUpToRules
        ? kieBase.newKieSessionsPool(Runtime.getRuntime().availableProcessors() * 2)
        : null;
    this.usesDirectory = globals.contains("directory");
    this.usesServiceLevels = globals.contains("serviceLevels");
  }

  /** Compiles the bundled default policy as version {@code global:1}. */
  public static RuleSet defaultPolicy() {
    return compile("global:1", defaultPolicyText());
  }

  /** The DRL text of the bundled default policy. */
  public static String defaultPolicyText() {
    try (InputStream in = RuleSet.class.getClassLoader().getResourceAsStream(DEFAULT_POLICY)) {
      if (in == null) {
        throw new IllegalStateException(DEFAULT_POLICY + " is missing from the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + DEFAULT_POLICY, e);
    }
  }

  /**
   * Checks DRL text with the {@link RuleSandbox}, then compiles it. CPU-bound (tens of
   * milliseconds): call it off any event loop.
   *
   * @throws RuleCompilationException listing every sandbox or compile problem with line and column
   */
  public static RuleSet compile(String version, String drl) {
    return compile(version, drl, POOLED_SESSIONS_UP_TO_RULES);
  }

  /** {@link #compile(String, String)} with another limit for pooled sessions, for tests. */
  static RuleSet compile(String version, String drl, int pooledSessionsUpToRules) {
    RuleSandbox.Inspection inspection = RuleSandbox.inspect(drl);
    if (!inspection.problems().isEmpty()) {
      throw new RuleCompilationException(version, inspection.problems());
    }
    KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
    builder.add(ResourceFactory.newDescrResource(inspection.parsed()), ResourceType.DESCR);
    if (builder.hasErrors()) {
      throw new RuleCompilationException(version, problemsOf(builder.getErrors()));
    }
    return new RuleSet(builder.newKieBase(), version, pooledSessionsUpToRules);
  }

  private static List<RuleProblem> problemsOf(KnowledgeBuilderErrors errors) {
    List<RuleProblem> problems = new ArrayList<>();
    for (KnowledgeBuilderError error : errors) {
      int line = error.getLines() != null && error.getLines().length > 0 ? error.getLines()[0] : 0;
      if (line <= 0 && error.getMessage().contains("Parser returned a null Package")) {
        continue;
      }
      int column = error instanceof ParserError parserError ? parserError.getCol() : 0;
      problems.add(new RuleProblem(line, column, error.getMessage().strip()));
    }
    if (problems.isEmpty()) {
      problems.add(new RuleProblem(0, 0, "the rules could not be parsed"));
    }
    return problems;
  }

  /** Whether decisions take their sessions from a pool rather than opening fresh ones. */
  boolean poolsSessions() {
    return sessions != null;
  }

  /** The version this rule set was compiled as, for example {@code global:1}. */
  public String version() {
    return version;
  }

  /**
   * Decides one contact whose country and dealers were resolved against the directory, with this
   * rule set alone ({@link RuleBook} layers country rules on top). Thread-safe; CPU-bound for a
   * few microseconds.
   */
  public Decision decide(Contact contact, Directory directory, ServiceLevels serviceLevels) {
    return RuleBook.of(this).decide(contact, directory, serviceLevels);
  }

  /**
   * Runs these rules over one assessment in a fresh session, appending the names of the rules that
   * fired to {@code trace} (each prefixed with {@code tracePrefix}).
   *
   * @return whether the run stopped at {@link #MAX_RULE_FIRINGS}
   */
  boolean fire(
      Assessment assessment, Directory directory, ServiceLevels serviceLevels, List<String> trace, String tracePrefix) {
    KieSession session = sessions != null ? sessions.newKieSession() : kieBase.newKieSession();
    int fired;
    try {
      if (usesDirectory) {
        session.setGlobal("directory", directory);
      }
      if (usesServiceLevels) {
        session.setGlobal("serviceLevels", serviceLevels);
      }
      session.insert(assessment.getContact());
      session.insert(assessment);
      fired = session.fireAllRules(new FirstMatchPerGroup(activationGroups, trace, tracePrefix), MAX_RULE_FIRINGS);
    } finally {
      session.dispose();
    }
    return fired >= MAX_RULE_FIRINGS;
  }
}
