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

/**
 * A compiled, immutable rule set: classification and routing rules in DRL.
 *
 * <p>Compile once per rule version ({@link #compile}), then share: {@link #decide} is
 * thread-safe, each decision runs in its own short-lived Drools session that is disposed before
 * it returns. A decision stops after {@link #MAX_RULE_FIRINGS} firings, so a rule that keeps
 * re-activating itself cannot hang the caller; the route then falls back to the central desk.
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

  private final KieBase kieBase;
  private final org.kie.api.runtime.KieSessionsPool sessions;
  private final String version;
  private final boolean usesDirectory;
  private final boolean usesServiceLevels;
  private final Map<Rule, String> activationGroups;

  private RuleSet(KieBase kieBase, String version) {
    this.kieBase = kieBase;
    this.version = version;
    this.sessions = kieBase.newKieSessionsPool(Runtime.getRuntime().availableProcessors() * 2);
    Set<String> globals = new HashSet<>();
    Map<Rule, String> groups = new IdentityHashMap<>();
    for (KiePackage pkg : kieBase.getKiePackages()) {
      for (Global global : pkg.getGlobalVariables()) {
        globals.add(global.getName());
      }
      for (Rule rule : pkg.getRules()) {
        String group = ((RuleImpl) rule).getActivationGroup();
        if (group != null && !group.isEmpty()) {
          groups.put(rule, group);
        }
      }
    }
    this.activationGroups = groups;
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
    RuleSandbox.Inspection inspection = RuleSandbox.inspect(drl);
    if (!inspection.problems().isEmpty()) {
      throw new RuleCompilationException(version, inspection.problems());
    }
    KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
    if (inspection.parsed() != null) {
      builder.add(ResourceFactory.newDescrResource(inspection.parsed()), ResourceType.DESCR);
    } else {
      builder.add(ResourceFactory.newByteArrayResource(drl.getBytes(StandardCharsets.UTF_8)), ResourceType.DRL);
    }
    if (builder.hasErrors()) {
      throw new RuleCompilationException(version, problemsOf(builder.getErrors()));
    }
    return new RuleSet(builder.newKieBase(), version);
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
    KieSession session = sessions.newKieSession();
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
