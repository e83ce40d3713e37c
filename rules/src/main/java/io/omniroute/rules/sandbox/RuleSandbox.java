package io.omniroute.rules.sandbox;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import io.omniroute.rules.RuleCompilationException;
import io.omniroute.rules.RuleProblem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.CollectDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.EntryPointDescr;
import org.drools.drl.ast.descr.EvalDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.FromDescr;
import org.drools.drl.ast.descr.FunctionDescr;
import org.drools.drl.ast.descr.FunctionImportDescr;
import org.drools.drl.ast.descr.GlobalDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsError;
import org.drools.drl.parser.DroolsParserException;
import org.drools.drl.parser.ParserError;

/**
 * The sandbox for rule sets that supervisors upload. DRL consequences are Java, so a rule could
 * call {@code System.exit}, start processes, read files, open sockets or use reflection. The
 * sandbox parses the rule text with Drools' own DRL parser and the Java code inside it (conditions,
 * consequences, functions) with a real Java parser, and rejects, with the line and a message, every
 * rule set that
 * <ul>
 *   <li>imports anything outside the published fact model, declares globals the engine does not
 *       provide, declares types, or uses the MVEL dialect;
 *   <li>names a type, calls a method or writes a field outside the allow-list of {@link FactModel}
 *       (the decision API, the directory, {@code modify}, {@code update}, {@code insert},
 *       {@code delete} and the rule set's own functions);
 *   <li>loops, catches or throws, synchronises, uses lambdas, creates objects other than routes, or
 *       has functions that call themselves.
 * </ul>
 * A rule that keeps re-activating itself through {@code modify} is not rejected: the decision
 * stops after {@code RuleSet.MAX_RULE_FIRINGS} firings and falls back to the central desk.
 * Stateless and thread-safe.
 */
public final class RuleSandbox {
  /** The packages a rule set may declare. */
  static final String RULES_PACKAGE = "io.omniroute.rules";
  /** From this many rules on, rules are checked in parallel (each check parses the rule's Java code). */
  private static final int PARALLEL_RULES = 64;

  private RuleSandbox() {}

  /**
   * Every sandbox problem of a rule text, in text order, or its syntax errors when it does not
   * parse as DRL.
   */
  public static List<RuleProblem> check(String drl) {
    return inspect(drl).problems();
  }

  /**
   * A rule text as the sandbox read it: the parsed package, or {@code null} when the text is not
   * valid DRL, and its problems (the syntax errors of a text that does not parse, the sandbox
   * problems of one that does).
   * A compiler may build the parsed package directly instead of parsing the text again.
   */
  public record Inspection(PackageDescr parsed, List<RuleProblem> problems) {}

  /**
   * Parses the rule text once and checks it: see {@link #check}. A text with characters the DRL
   * lexer cannot read answers those (found in one linear pass, before parsing), and a text that does
   * not parse answers the parser's errors; at most {@link RuleCompilationException#MAX_PROBLEMS} of
   * either.
   */
  public static Inspection inspect(String drl) {
    List<RuleProblem> unreadable = UnreadableCharacters.find(drl, RuleCompilationException.MAX_PROBLEMS + 1);
    if (!unreadable.isEmpty()) {
      return new Inspection(null, unreadable);
    }
    PackageDescr pkg;
    DrlParser parser = new DrlParser();
    try {
      pkg = parser.parse(false, drl);
    } catch (DroolsParserException e) {
      return new Inspection(null, List.of(new RuleProblem(0, 0, "the rules could not be parsed: " + e.getMessage())));
    }
    if (parser.hasErrors() || pkg == null) {
      return new Inspection(null, parserProblems(parser));
    }
    return new Inspection(pkg, problemsOf(pkg));
  }

  private static List<RuleProblem> parserProblems(DrlParser parser) {
    List<RuleProblem> problems = new ArrayList<>();
    for (DroolsError error : parser.getErrors()) {
      if (problems.size() > RuleCompilationException.MAX_PROBLEMS) {
        break;
      }
      if (error instanceof ParserError parserError) {
        problems.add(new RuleProblem(parserError.getRow(), parserError.getCol(), parserError.getMessage().strip()));
      } else {
        int[] lines = error.getLines();
        problems.add(new RuleProblem(lines != null && lines.length > 0 ? lines[0] : 0, 0, error.getMessage().strip()));
      }
    }
    if (problems.isEmpty()) {
      problems.add(new RuleProblem(0, 0, "the rules could not be parsed"));
    }
    return problems;
  }

  private static List<RuleProblem> problemsOf(PackageDescr pkg) {
    List<RuleProblem> problems = new ArrayList<>();
    checkPackage(pkg, problems);
    Set<String> functions = new HashSet<>();
    pkg.getFunctions().forEach(f -> functions.add(f.getName()));
    Map<String, Class<?>> globals = new HashMap<>();
    for (GlobalDescr global : pkg.getGlobals()) {
      Class<?> provided = FactModel.GLOBALS.get(global.getIdentifier());
      if (provided == null || !(provided.getName().equals(global.getType()) || provided.getSimpleName().equals(global.getType()))) {
        problems.add(at(global, "global " + global.getType() + " " + global.getIdentifier()
            + " is not provided by the engine; the globals are: " + describeGlobals()));
      } else {
        globals.put(global.getIdentifier(), provided);
      }
    }
    for (FunctionDescr function : pkg.getFunctions()) {
      checkFunction(function, functions, globals, problems);
    }
    checkRecursion(pkg.getFunctions(), problems);
    Stream<RuleDescr> rules = pkg.getRules().size() >= PARALLEL_RULES
        ? pkg.getRules().parallelStream()
        : pkg.getRules().stream();
    problems.addAll(rules.flatMap(rule -> {
      List<RuleProblem> ofRule = new ArrayList<>();
      checkRule(rule, functions, globals, ofRule);
      return ofRule.stream();
    }).toList());
    problems.sort((a, b) -> a.line() != b.line() ? Integer.compare(a.line(), b.line()) : Integer.compare(a.column(), b.column()));
    return List.copyOf(problems);
  }

  private static String describeGlobals() {
    StringBuilder text = new StringBuilder();
    FactModel.GLOBALS.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e ->
        text.append(text.length() == 0 ? "" : ", ").append(e.getValue().getName()).append(' ').append(e.getKey()));
    return text.toString();
  }

  private static void checkPackage(PackageDescr pkg, List<RuleProblem> problems) {
    if (pkg.getName() != null && !pkg.getName().isEmpty() && !pkg.getName().equals(RULES_PACKAGE)) {
      problems.add(at(pkg, "package " + pkg.getName() + " is not allowed: rules belong to package " + RULES_PACKAGE));
    }
    for (ImportDescr importDescr : pkg.getImports()) {
      if (importDescr instanceof FunctionImportDescr || !FactModel.importable(importDescr.getTarget())) {
        problems.add(at(importDescr, "import " + importDescr.getTarget() + " is not allowed: rules may import only the "
            + "fact model (io.omniroute.rules.model.*, io.omniroute.rules.directory.Directory, ...)"));
      }
    }
    pkg.getFunctionImports().forEach(f -> problems.add(at(f, "import function " + f.getTarget()
        + " is not allowed: declare the function in the rule set")));
    pkg.getAccumulateImports().forEach(a -> problems.add(at(a, "import accumulate is not allowed in uploaded rules")));
    pkg.getTypeDeclarations().forEach(t -> problems.add(at(t, "declare " + t.getTypeName()
        + " is not allowed: rules work on the published fact model")));
    pkg.getEnumDeclarations().forEach(t -> problems.add(at(t, "declare enum " + t.getTypeName()
        + " is not allowed: rules work on the published fact model")));
    for (AttributeDescr attribute : pkg.getAttributes()) {
      checkAttribute(attribute, "the package", problems);
    }
  }

  private static void checkAttribute(AttributeDescr attribute, String owner, List<RuleProblem> problems) {
    String value = attribute.getValue().replace("\"", "");
    if (attribute.getName().equals("dialect") && !value.equals("java")) {
      problems.add(at(attribute, owner + " uses dialect \"" + value
          + "\": only the java dialect is allowed, so that the sandbox can check the code"));
    }
  }

  private static void checkFunction(
      FunctionDescr function, Set<String> functions, Map<String, Class<?>> globals, List<RuleProblem> problems) {
    String where = "function " + function.getName();
    if (function.getDialect() != null && !function.getDialect().equals("java")) {
      problems.add(at(function, where + " uses dialect " + function.getDialect() + ": only java is allowed"));
      return;
    }
    Map<String, Class<?>> scope = new HashMap<>(globals);
    for (int i = 0; i < function.getParameterNames().size(); i++) {
      String type = function.getParameterTypes().get(i);
      Optional<Class<?>> known = simpleType(type);
      if (known.isEmpty()) {
        problems.add(at(function, where + ": parameter type " + type + " is not part of the fact model"));
      }
      scope.put(function.getParameterNames().get(i), known.orElse(CodeChecker.unknown()));
    }
    String returnType = function.getReturnType();
    if (returnType != null && !returnType.equals("void") && simpleType(returnType).isEmpty()) {
      problems.add(at(function, where + ": return type " + returnType + " is not part of the fact model"));
    }
    new CodeChecker(problems, where, function.getLine(), 1, functions, scope, null).checkBlock(body(function));
  }

  private static String body(FunctionDescr function) {
    String body = function.getBody().strip();
    return body.startsWith("{") && body.endsWith("}") ? body.substring(1, body.length() - 1) : body;
  }

  private static Optional<Class<?>> simpleType(String type) {
    return switch (type) {
      case "boolean" -> Optional.of(boolean.class);
      case "int" -> Optional.of(int.class);
      case "long" -> Optional.of(long.class);
      case "double" -> Optional.of(double.class);
      default -> FactModel.type(type);
    };
  }

  private static void checkRecursion(List<FunctionDescr> functions, List<RuleProblem> problems) {
    Map<String, Set<String>> calls = new LinkedHashMap<>();
    Map<String, FunctionDescr> byName = new HashMap<>();
    for (FunctionDescr function : functions) {
      byName.put(function.getName(), function);
      Set<String> called = new HashSet<>();
      ParseResult<BlockStmt> parsed = new JavaParser().parseBlock("{" + body(function) + "\n}");
      parsed.getResult().ifPresent(block -> block.findAll(MethodCallExpr.class).stream()
          .filter(call -> call.getScope().isEmpty())
          .forEach(call -> called.add(call.getNameAsString())));
      calls.put(function.getName(), called);
    }
    for (String start : calls.keySet()) {
      if (reaches(start, start, calls, new HashSet<>())) {
        problems.add(at(byName.get(start), "function " + start
            + " calls itself (directly or through other functions): recursion is not allowed in rules"));
      }
    }
  }

  private static boolean reaches(String from, String target, Map<String, Set<String>> calls, Set<String> seen) {
    for (String next : calls.getOrDefault(from, Set.of())) {
      if (next.equals(target)) {
        return true;
      }
      if (calls.containsKey(next) && seen.add(next) && reaches(next, target, calls, seen)) {
        return true;
      }
    }
    return false;
  }

  private static void checkRule(RuleDescr rule, Set<String> functions, Map<String, Class<?>> globals, List<RuleProblem> problems) {
    String where = (rule.isQuery() ? "query \"" : "rule \"") + rule.getName() + "\"";
    rule.getAttributes().values().forEach(attribute -> checkAttribute(attribute, where, problems));
    Map<String, Class<?>> bindings = new HashMap<>(globals);
    conditions(rule.getLhs(), where, functions, bindings, problems);
    if (rule.getConsequence() instanceof String consequence) {
      checkConsequence(where + ", consequence", consequence, rule.getConsequenceLine() + 1, functions, bindings, problems);
    }
    rule.getNamedConsequences().forEach((name, code) -> {
      if (code instanceof String text) {
        checkConsequence(where + ", consequence " + name, text, rule.getConsequenceLine() + 1, functions, bindings, problems);
      }
    });
  }

  private static void checkConsequence(String where, String code, int line, Set<String> functions,
      Map<String, Class<?>> bindings, List<RuleProblem> problems) {
    new CodeChecker(problems, where, line, 1, functions, bindings, null).checkBlock(ModifyBlocks.rewrite(code));
  }

  private static void conditions(BaseDescr descr, String where, Set<String> functions, Map<String, Class<?>> bindings,
      List<RuleProblem> problems) {
    if (descr instanceof PatternDescr pattern) {
      pattern(pattern, where, functions, bindings, problems);
    } else if (descr instanceof EvalDescr eval) {
      new CodeChecker(problems, where + ", eval", eval.getLine(), eval.getColumn(), functions, bindings, null)
          .checkExpression(String.valueOf(eval.getContent()));
    } else if (descr instanceof ConditionalElementDescr element) {
      for (BaseDescr child : element.getDescrs()) {
        conditions(child, where, functions, bindings, problems);
      }
    } else if (descr != null) {
      problems.add(at(descr, where + ": the condition '" + shortText(descr) + "' is not supported in uploaded rules"));
    }
  }

  private static void pattern(PatternDescr pattern, String where, Set<String> functions, Map<String, Class<?>> bindings,
      List<RuleProblem> problems) {
    Optional<Class<?>> type = FactModel.type(pattern.getObjectType());
    if (type.isEmpty()) {
      problems.add(at(pattern, where + ": " + pattern.getObjectType() + " is not a fact of the fact model"));
    }
    Class<?> factType = type.orElse(CodeChecker.unknown());
    if (pattern.getSource() instanceof FromDescr from) {
      new CodeChecker(problems, where + ", from", from.getLine(), from.getColumn(), functions, bindings, null)
          .checkExpression(from.getExpression());
    } else if (pattern.getSource() instanceof AccumulateDescr || pattern.getSource() instanceof CollectDescr) {
      problems.add(at(pattern, where + ": accumulate and collect are not supported in uploaded rules"));
    } else if (pattern.getSource() != null && !(pattern.getSource() instanceof EntryPointDescr)) {
      problems.add(at(pattern, where + ": the source '" + shortText(pattern.getSource()) + "' is not supported"));
    }
    if (pattern.getIdentifier() != null) {
      bindings.put(pattern.getIdentifier(), factType);
    }
    for (BaseDescr constraint : pattern.getDescrs()) {
      if (!(constraint instanceof ExprConstraintDescr expr)) {
        problems.add(at(constraint, where + ": the constraint '" + shortText(constraint) + "' is not supported"));
        continue;
      }
      Binding binding = Binding.split(expr.getExpression());
      CodeChecker checker = new CodeChecker(problems, where + ", condition", expr.getLine(), expr.getColumn(),
          functions, bindings, type.isPresent() ? factType : null);
      Class<?> bound = checker.checkCondition(binding.expression());
      if (binding.name() != null) {
        bindings.put(binding.name(), bound);
      }
    }
  }

  private static String shortText(BaseDescr descr) {
    String text = descr.getText() == null ? descr.getClass().getSimpleName() : descr.getText().strip();
    return text.length() > 60 ? text.substring(0, 57) + "..." : text;
  }

  private static RuleProblem at(BaseDescr descr, String message) {
    return new RuleProblem(Math.max(descr.getLine(), 0), Math.max(descr.getColumn(), 0), message);
  }

  /** A condition with an optional leading binding, {@code $team : expertTeam != null}. */
  record Binding(String name, String expression) {
    static Binding split(String condition) {
      int i = 0;
      while (i < condition.length() && Character.isWhitespace(condition.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < condition.length() && Character.isJavaIdentifierPart(condition.charAt(i))) {
        i++;
      }
      int end = i;
      while (i < condition.length() && Character.isWhitespace(condition.charAt(i))) {
        i++;
      }
      boolean bound = end > start && i < condition.length() && condition.charAt(i) == ':'
          && (i + 1 >= condition.length() || condition.charAt(i + 1) != ':' && condition.charAt(i + 1) != '=');
      return bound ? new Binding(condition.substring(start, end), condition.substring(i + 1)) : new Binding(null, condition);
    }
  }
}
