package io.omniroute.rules.sandbox;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.CharLiteralExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.DoubleLiteralExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.InstanceOfExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.EmptyStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.type.Type;
import io.omniroute.rules.RuleProblem;
import io.omniroute.rules.model.Route;
import io.omniroute.rules.model.Classification;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks the Java code of one rule part (a consequence, a function body or a condition) with a
 * real Java parser: every name must be a binding, a local variable, a declared global or a
 * fact-model type; every call must be a working-memory action, a function of the same rule set or
 * an allowed method of a fact-model type ({@link FactModel}). Anything else (other classes,
 * reflection, object creation, loops, exception handling, lambdas, writes to fields) is a problem.
 * One instance per checked part; not thread-safe.
 */
final class CodeChecker {
  /** The type of a value whose type the checker cannot name, such as an untyped binding. */
  private static final Class<?> UNKNOWN = Void.class;
  private static final Set<Class<?>> CONSTRUCTIBLE = Set.of(Route.class, Classification.class);
  private static final ThreadLocal<JavaParser> PARSER = ThreadLocal.withInitial(() ->
      new JavaParser(new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17)));

  private final List<RuleProblem> problems;
  private final String where;
  private final int firstLine;
  private final int firstColumn;
  private final Set<String> functions;
  private final Map<String, Class<?>> variables;
  private final Class<?> implicitThis;
  private final Set<String> locals = new HashSet<>();

  /**
   * @param where what is checked, for messages ("rule \"X\", consequence")
   * @param firstLine the DRL line on which the code's first line stands
   * @param variables names in scope (bindings, globals, parameters) and their types, {@link #unknown()} if untyped
   * @param implicitThis the fact type a condition reads from without naming it, or {@code null}
   */
  CodeChecker(List<RuleProblem> problems, String where, int firstLine, int firstColumn, Set<String> functions,
      Map<String, Class<?>> variables, Class<?> implicitThis) {
    this.problems = problems;
    this.where = where;
    this.firstLine = firstLine;
    this.firstColumn = firstColumn;
    this.functions = functions;
    this.variables = new HashMap<>(variables);
    this.implicitThis = implicitThis;
  }

  static Class<?> unknown() {
    return UNKNOWN;
  }

  /** Checks a block of statements (a consequence or a function body). */
  void checkBlock(String code) {
    ParseResult<BlockStmt> parsed = PARSER.get().parseBlock("{" + code + "\n}");
    if (!parsed.isSuccessful() || parsed.getResult().isEmpty()) {
      report(null, "is not Java the sandbox can check: " + firstProblem(parsed));
      return;
    }
    statement(parsed.getResult().get());
  }

  /** Checks one condition expression; answers its type. */
  Class<?> checkExpression(String code) {
    return parsedExpression(code).map(this::expression).orElse(UNKNOWN);
  }

  /**
   * Checks one pattern constraint; answers the type of the value a binding on it takes: the left
   * side of a comparison ({@code $t : expertTeam != null} binds the expert team), else the whole.
   */
  Class<?> checkCondition(String code) {
    return parsedExpression(code).map(e -> {
      if (e instanceof BinaryExpr binary && comparison(binary)
          && binary.getOperator() != BinaryExpr.Operator.AND && binary.getOperator() != BinaryExpr.Operator.OR) {
        Class<?> left = expression(binary.getLeft());
        expression(binary.getRight());
        return left;
      }
      return expression(e);
    }).orElse(UNKNOWN);
  }

  private Optional<Expression> parsedExpression(String code) {
    ParseResult<Expression> parsed = PARSER.get().parseExpression(code);
    if (!parsed.isSuccessful() || parsed.getResult().isEmpty()) {
      report(null, "'" + code.strip() + "' is not a Java expression the sandbox can check: write conditions with "
          + "==, !=, <, >, !, && and || over the fact's properties and methods");
      return Optional.empty();
    }
    return parsed.getResult();
  }

  private static String firstProblem(ParseResult<?> parsed) {
    return parsed.getProblems().isEmpty() ? "it does not parse" : parsed.getProblems().get(0).getMessage().lines().findFirst().orElse("");
  }

  private void statement(Statement s) {
    if (s instanceof BlockStmt block) {
      block.getStatements().forEach(this::statement);
    } else if (s instanceof ExpressionStmt e) {
      expression(e.getExpression());
    } else if (s instanceof IfStmt i) {
      expression(i.getCondition());
      statement(i.getThenStmt());
      i.getElseStmt().ifPresent(this::statement);
    } else if (s instanceof ReturnStmt r) {
      r.getExpression().ifPresent(this::expression);
    } else if (!(s instanceof EmptyStmt)) {
      report(s, describe(s) + " is not allowed in rules: a rule fires once per match, so loops, exception handling, "
          + "locks and local classes are not needed; use conditions and plain statements");
    }
  }

  private static String describe(Node node) {
    String kind = node.getClass().getSimpleName().replaceAll("(Stmt|Expr)$", "");
    return kind.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase() + " '" + firstLineOf(node) + "'";
  }

  private static String firstLineOf(Node node) {
    String text = node.toString().lines().findFirst().orElse("").strip();
    return text.length() > 60 ? text.substring(0, 57) + "..." : text;
  }

  private Class<?> expression(Expression e) {
    if (e instanceof StringLiteralExpr || e instanceof TextBlockLiteralExpr) {
      return String.class;
    } else if (e instanceof IntegerLiteralExpr) {
      return int.class;
    } else if (e instanceof LongLiteralExpr) {
      return long.class;
    } else if (e instanceof BooleanLiteralExpr) {
      return boolean.class;
    } else if (e instanceof DoubleLiteralExpr) {
      return double.class;
    } else if (e instanceof CharLiteralExpr) {
      return char.class;
    } else if (e instanceof NullLiteralExpr) {
      return UNKNOWN;
    } else if (e instanceof EnclosedExpr enclosed) {
      return expression(enclosed.getInner());
    } else if (e instanceof UnaryExpr unary) {
      if (isIncrementOrDecrement(unary) && !(unary.getExpression() instanceof NameExpr n && isLocal(n.getNameAsString()))) {
        report(e, "'" + e + "' changes something other than a local variable");
      }
      return expression(unary.getExpression());
    } else if (e instanceof BinaryExpr binary) {
      Class<?> left = expression(binary.getLeft());
      Class<?> right = expression(binary.getRight());
      return binary.getOperator() == BinaryExpr.Operator.PLUS && (left == String.class || right == String.class)
          ? String.class : comparison(binary) ? boolean.class : left;
    } else if (e instanceof ConditionalExpr conditional) {
      expression(conditional.getCondition());
      Class<?> then = expression(conditional.getThenExpr());
      Class<?> otherwise = expression(conditional.getElseExpr());
      return then == UNKNOWN ? otherwise : then;
    } else if (e instanceof CastExpr cast) {
      expression(cast.getExpression());
      return type(cast.getType(), cast);
    } else if (e instanceof InstanceOfExpr instanceOf) {
      expression(instanceOf.getExpression());
      type(instanceOf.getType(), instanceOf);
      return boolean.class;
    } else if (e instanceof VariableDeclarationExpr declaration) {
      for (VariableDeclarator variable : declaration.getVariables()) {
        Class<?> declared = type(variable.getType(), declaration);
        variable.getInitializer().ifPresent(this::expression);
        variables.put(variable.getNameAsString(), declared);
        locals.add(variable.getNameAsString());
      }
      return UNKNOWN;
    } else if (e instanceof AssignExpr assign) {
      if (!(assign.getTarget() instanceof NameExpr target && isLocal(target.getNameAsString()))) {
        report(e, "'" + firstLineOf(e) + "' writes to something other than a local variable; rules change facts "
            + "only through their setters");
      }
      return expression(assign.getValue());
    } else if (e instanceof NameExpr name) {
      return name(name);
    } else if (e instanceof FieldAccessExpr field) {
      return field(field);
    } else if (e instanceof MethodCallExpr call) {
      return call(call);
    } else if (e instanceof ObjectCreationExpr creation) {
      Class<?> created = type(creation.getType(), creation);
      creation.getArguments().forEach(this::expression);
      if (created != UNKNOWN && !CONSTRUCTIBLE.contains(created)) {
        report(e, "'new " + creation.getType() + "' is not allowed: rules may create only Route and Classification values");
      }
      if (creation.getAnonymousClassBody().isPresent()) {
        report(e, "anonymous classes are not allowed in rules");
      }
      return created;
    }
    report(e, describe(e) + " is not allowed in rules");
    return UNKNOWN;
  }

  private boolean isLocal(String name) {
    return locals.contains(name);
  }

  private static boolean isIncrementOrDecrement(UnaryExpr unary) {
    return switch (unary.getOperator()) {
      case PREFIX_INCREMENT, PREFIX_DECREMENT, POSTFIX_INCREMENT, POSTFIX_DECREMENT -> true;
      default -> false;
    };
  }

  private static boolean comparison(BinaryExpr binary) {
    return switch (binary.getOperator()) {
      case EQUALS, NOT_EQUALS, LESS, LESS_EQUALS, GREATER, GREATER_EQUALS, AND, OR -> true;
      default -> false;
    };
  }

  private Class<?> name(NameExpr name) {
    String id = name.getNameAsString();
    if (variables.containsKey(id)) {
      return variables.get(id);
    }
    if (implicitThis != null) {
      Optional<Method> getter = FactModel.property(implicitThis, id);
      if (getter.isPresent()) {
        return getter.get().getReturnType();
      }
    }
    if (FactModel.type(id).isPresent()) {
      return FactModel.type(id).get();
    }
    report(name, "'" + id + "' is not known here: rules may use their bindings, declared globals, local variables "
        + "and the fact model (" + "Assessment, Contact, Route, Level, Urgency, Knowledge, Channel, Directory, ...)");
    return UNKNOWN;
  }

  private Class<?> field(FieldAccessExpr access) {
    Optional<Class<?>> staticType = staticScope(access.getScope());
    if (staticType.isEmpty()) {
      Class<?> scope = expression(access.getScope());
      if (scope != UNKNOWN && implicitThis == null) {
        report(access, "'" + access + "' reads a field; use the fact's getters");
      }
      if (scope != UNKNOWN) {
        Optional<Method> getter = FactModel.property(scope, access.getNameAsString());
        if (getter.isPresent()) {
          return getter.get().getReturnType();
        }
        report(access, "'" + access + "' is not a property of " + scope.getSimpleName());
      }
      return UNKNOWN;
    }
    Class<?> type = staticType.get();
    try {
      Field field = type.getField(access.getNameAsString());
      if (Modifier.isStatic(field.getModifiers()) && Modifier.isFinal(field.getModifiers())) {
        return field.getType();
      }
    } catch (NoSuchFieldException e) {
      // reported below
    }
    report(access, "'" + access + "' is not a constant of " + type.getSimpleName());
    return UNKNOWN;
  }

  /** The fact-model type a scope names when it is a type name rather than a value. */
  private Optional<Class<?>> staticScope(Expression scope) {
    if (scope instanceof NameExpr n && !variables.containsKey(n.getNameAsString())
        && Character.isUpperCase(n.getNameAsString().charAt(0))) {
      return FactModel.type(n.getNameAsString());
    }
    return Optional.empty();
  }

  private Class<?> call(MethodCallExpr call) {
    call.getArguments().forEach(this::expression);
    String name = call.getNameAsString();
    int arity = call.getArguments().size();
    if (call.getScope().isEmpty()) {
      if (implicitThis == null && (FactModel.ACTIONS.contains(name) || functions.contains(name))) {
        return UNKNOWN;
      }
      if (implicitThis != null) {
        Optional<Method> method = FactModel.method(implicitThis, name, arity, false);
        if (method.isPresent()) {
          return method.get().getReturnType();
        }
      }
      report(call, "'" + name + "(...)' is not allowed: a consequence may call modify, update, insert, delete, "
          + "the functions of its rule set and the methods of the fact model");
      return UNKNOWN;
    }
    Expression scopeExpression = call.getScope().get();
    Optional<Class<?>> staticType = staticScope(scopeExpression);
    boolean onType = staticType.isPresent();
    int reported = problems.size();
    Class<?> scope = onType ? staticType.get() : expression(scopeExpression);
    if (scope == UNKNOWN) {
      if (problems.size() == reported) {
        report(call, "cannot check the call '" + firstLineOf(call) + "': the type of '" + scopeExpression
            + "' is not known; bind the fact with a pattern such as $a : Assessment(...)");
      }
      return UNKNOWN;
    }
    Optional<Method> method = FactModel.method(scope, name, arity, onType);
    if (method.isEmpty()) {
      report(call, "'" + scope.getSimpleName() + "." + name + "' with " + arity + " argument(s) is not allowed in rules");
      return UNKNOWN;
    }
    return method.get().getReturnType();
  }

  private Class<?> type(Type type, Node at) {
    if (type.isPrimitiveType()) {
      return switch (type.asPrimitiveType().getType()) {
        case BOOLEAN -> boolean.class;
        case INT -> int.class;
        case LONG -> long.class;
        case DOUBLE -> double.class;
        default -> UNKNOWN;
      };
    }
    if (type.isVarType()) {
      return UNKNOWN;
    }
    String name = type.isClassOrInterfaceType() && type.asClassOrInterfaceType().getScope().isEmpty()
        ? type.asClassOrInterfaceType().getNameAsString() : type.asString();
    Optional<Class<?>> known = FactModel.type(name);
    if (known.isEmpty()) {
      report(at, "the type '" + type + "' is not part of the fact model");
      return UNKNOWN;
    }
    return known.get();
  }

  private void report(Node at, String message) {
    int line = firstLine;
    int column = firstColumn;
    if (at != null && at.getBegin().isPresent()) {
      int relative = at.getBegin().get().line;
      line = firstLine + relative - 1;
      column = relative == 1 ? firstColumn + at.getBegin().get().column - 2 : at.getBegin().get().column;
    }
    problems.add(new RuleProblem(line, Math.max(column, 0), where + ": " + message));
  }
}
