package io.omniroute.engine.auth;

import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The authenticated caller: the name of its token entry (who, e.g. {@code anna}; the author in the
 * audit log) and its roles. {@link Authorizer} turns it into the {@link
 * io.omniroute.engine.Caller} of every request it lets through. Immutable and thread-safe.
 *
 * @param name who, as configured in the tokens file
 * @param roles at least one role
 */
public record Principal(String name, Set<Role> roles) {
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
    return scopesOf(Role.Kind.DEALER);
  }

  /** The agent ids of its {@code agent:<id>} roles, usually none or one. */
  public Set<String> agentIds() {
    return scopesOf(Role.Kind.AGENT);
  }

  /** The countries of its {@code supervisor:CC} roles. */
  public Set<String> supervisedCountries() {
    return scopesOf(Role.Kind.SUPERVISOR);
  }

  private Set<String> scopesOf(Role.Kind kind) {
    return roles.stream().filter(r -> r.kind() == kind && r.scope() != null).map(Role::scope).collect(Collectors.toSet());
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
