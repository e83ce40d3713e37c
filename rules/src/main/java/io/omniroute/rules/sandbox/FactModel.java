package io.omniroute.rules.sandbox;

import io.omniroute.rules.Assessment;
import io.omniroute.rules.ServiceLevels;
import io.omniroute.rules.directory.Country;
import io.omniroute.rules.directory.Dealer;
import io.omniroute.rules.directory.Directory;
import io.omniroute.rules.directory.ExpertTeam;
import io.omniroute.rules.directory.Topic;
import io.omniroute.rules.model.Channel;
import io.omniroute.rules.model.Classification;
import io.omniroute.rules.model.Contact;
import io.omniroute.rules.model.ContactText;
import io.omniroute.rules.model.Knowledge;
import io.omniroute.rules.model.Level;
import io.omniroute.rules.model.QueueNames;
import io.omniroute.rules.model.Relationship;
import io.omniroute.rules.model.Route;
import io.omniroute.rules.model.Urgency;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The published fact model: the only types a rule may name, and the only methods it may call on
 * them. Our own types (the facts, the directory, the service levels) allow every public method,
 * since they only read or set decision fields; JDK types allow a short list of methods that
 * neither reach outside the JVM nor allocate without bound. Immutable and thread-safe.
 */
final class FactModel {
  /** The globals the engine sets, by name: a rule set may declare these and no others. */
  static final Map<String, Class<?>> GLOBALS = Map.of("directory", Directory.class, "serviceLevels", ServiceLevels.class);

  /** The calls a consequence may make without a receiver: Drools' working-memory actions. */
  static final Set<String> ACTIONS = Set.of("modify", "update", "insert", "insertLogical", "delete", "retract");

  private static final List<Class<?>> OWN_TYPES = List.of(
      Assessment.class, Contact.class, ContactText.class, Route.class, Classification.class, Channel.class,
      Knowledge.class, Level.class, Urgency.class, Relationship.class, QueueNames.class, Directory.class, Country.class,
      Dealer.class,
      ExpertTeam.class, Topic.class, ServiceLevels.class);

  private static final Set<String> OBJECT_METHODS = Set.of("equals", "hashCode", "toString", "compareTo", "name", "ordinal");

  private static final Map<Class<?>, Set<String>> JDK_METHODS = Map.of(
      String.class, Set.of("length", "isEmpty", "isBlank", "equals", "equalsIgnoreCase", "startsWith", "endsWith",
          "contains", "indexOf", "lastIndexOf", "charAt", "substring", "toLowerCase", "toUpperCase", "trim", "strip",
          "compareTo", "hashCode", "toString"),
      Integer.class, Set.of("intValue", "longValue", "equals", "compareTo", "toString"),
      Long.class, Set.of("intValue", "longValue", "equals", "compareTo", "toString"),
      Boolean.class, Set.of("booleanValue", "equals", "toString"),
      Collection.class, Set.of("size", "isEmpty", "contains"),
      List.class, Set.of("size", "isEmpty", "contains", "get", "indexOf"),
      Set.class, Set.of("size", "isEmpty", "contains"),
      Map.class, Set.of("size", "isEmpty", "containsKey", "get", "getOrDefault"),
      Optional.class, Set.of("isPresent", "isEmpty", "get", "orElse"));

  private static final Map<String, Class<?>> BY_SIMPLE_NAME = simpleNames();

  private FactModel() {}

  private static Map<String, Class<?>> simpleNames() {
    Map<String, Class<?>> byName = OWN_TYPES.stream().collect(Collectors.toMap(Class::getSimpleName, Function.identity()));
    for (Class<?> jdk : List.of(String.class, Integer.class, Long.class, Boolean.class)) {
      byName.put(jdk.getSimpleName(), jdk);
    }
    return Map.copyOf(byName);
  }

  /** The type a rule may refer to by this simple name, if any. */
  static Optional<Class<?>> type(String simpleName) {
    return Optional.ofNullable(BY_SIMPLE_NAME.get(simpleName));
  }

  /** Whether an {@code import} of this target stays within the fact model ({@code a.b.C} or {@code a.b.*}). */
  static boolean importable(String target) {
    if (target.endsWith(".*")) {
      String pkg = target.substring(0, target.length() - 2);
      return OWN_TYPES.stream().anyMatch(type -> type.getPackageName().equals(pkg));
    }
    return OWN_TYPES.stream().anyMatch(type -> type.getName().equals(target));
  }

  /** Whether a rule may name this type: a fact-model type, a listed JDK value type, or a primitive. */
  static boolean allowed(Class<?> type) {
    return type.isPrimitive() || OWN_TYPES.contains(type) || BY_SIMPLE_NAME.containsValue(type)
        || JDK_METHODS.keySet().stream().anyMatch(jdk -> jdk.isAssignableFrom(type));
  }

  /**
   * The public method {@code name} with {@code arity} parameters that a rule may call on a value of
   * {@code type}, if any.
   */
  static Optional<Method> method(Class<?> type, String name, int arity, boolean onType) {
    Set<String> names = allowedNames(type);
    if (names == null || !names.contains(name)) {
      return Optional.empty();
    }
    return Arrays.stream(type.getMethods())
        .filter(m -> m.getName().equals(name) && m.getParameterCount() == arity)
        .filter(m -> !onType || Modifier.isStatic(m.getModifiers()))
        .findFirst();
  }

  private static Set<String> allowedNames(Class<?> type) {
    if (OWN_TYPES.contains(type)) {
      return Arrays.stream(type.getMethods())
          .filter(m -> m.getDeclaringClass() == type || OBJECT_METHODS.contains(m.getName()))
          .filter(m -> !m.getName().equals("valueOf") || type.isEnum())
          .map(Method::getName)
          .collect(Collectors.toSet());
    }
    return JDK_METHODS.entrySet().stream()
        .filter(e -> e.getKey().isAssignableFrom(type))
        .map(Map.Entry::getValue)
        .findFirst()
        .orElse(null);
  }

  /** The getter a DRL constraint means by a bare property name ({@code classified} → {@code isClassified()}). */
  static Optional<Method> property(Class<?> type, String property) {
    String suffix = Character.toUpperCase(property.charAt(0)) + property.substring(1);
    return method(type, "get" + suffix, 0, false).or(() -> method(type, "is" + suffix, 0, false));
  }
}
