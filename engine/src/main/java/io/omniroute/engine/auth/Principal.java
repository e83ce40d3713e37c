package io.omniroute.engine.auth;

import io.vertx.ext.web.RoutingContext;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The authenticated caller: the name of its token entry (who, e.g. {@code anna}; the author in the
 * audit log) and its roles. {@link Authorizer} puts it into the routing context of every request
 * it lets through; handlers read it with {@link #of(RoutingContext)}. Immutable and thread-safe.
 *
 * @param name who, as configured in the tokens file
 * @param roles at least one role
 */
public record Principal(String name, Set<Role> roles) {
  /** The routing-context key under which {@link Authorizer} stores the principal. */
  public static final String CONTEXT_KEY = "omniroute.principal";

  public Principal {
    Objects.requireNonNull(name, "name");
    if (roles == null || roles.isEmpty()) {
      throw new IllegalArgumentException("principal " + name + " needs at least one role");
    }
    roles = Set.copyOf(new LinkedHashSet<>(roles));
  }

  /** A principal with the given roles. */
  public static Principal of(String name, Role... roles) {
    return new Principal(name, Set.of(roles));
  }

  /**
   * The principal of a request that passed an {@link Authorizer} handler.
   *
   * @throws IllegalStateException when the route has no authorizer in front of it (a wiring bug),
   *     or the operation is public ({@code live}, {@code ready})
   */
  public static Principal of(RoutingContext ctx) {
    Principal principal = ctx.get(CONTEXT_KEY);
    if (principal == null) {
      throw new IllegalStateException("no authenticated principal on " + ctx.request().method() + " "
          + ctx.request().path() + ": put Authorizer.forOperation(...) in front of the handler");
    }
    return principal;
  }

  /** Whether this principal has {@code admin}. */
  public boolean isAdmin() {
    return roles.contains(Role.ADMIN);
  }

  /** Whether this principal has the given role. */
  public boolean has(Role role) {
    return roles.contains(role);
  }

  /** The dealer ids of its {@code dealer:<id>} roles, usually none or one. */
  public Set<String> dealerIds() {
    return roles.stream().filter(r -> r.kind() == Role.Kind.DEALER).map(Role::scope).collect(Collectors.toSet());
  }

  /**
   * The dealer id of its {@code dealer:<id>} role, or {@code null} when it has none. When it has
   * several, one of them; use {@link #dealerIds()} or {@link #ownsDealerQueue(String)} then.
   */
  public String dealerId() {
    return roles.stream().filter(r -> r.kind() == Role.Kind.DEALER).map(Role::scope).sorted().findFirst().orElse(null);
  }

  /** Whether {@code queue} is {@code dealer:<id>} for one of its dealer roles. */
  public boolean ownsDealerQueue(String queue) {
    if (queue == null) {
      return false;
    }
    for (Role role : roles) {
      if (queue.equals(role.dealerQueue())) {
        return true;
      }
    }
    return false;
  }

  /** {@code anna (supervisor:DE)} for messages. */
  @Override
  public String toString() {
    return name + " (" + roles.stream().map(Role::toString).sorted().collect(Collectors.joining(", ")) + ")";
  }
}
