package io.omniroute.engine.rules;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of the audit log: a rule version saved or activated. Immutable.
 *
 * @param action {@link #SAVED} or {@link #ACTIVATED}
 * @param actor the name of the token that did it
 */
public record AuditEntry(Instant at, String actor, String action, String scope, int version, String comment) {
  public static final String SAVED = "saved";
  public static final String ACTIVATED = "activated";

  public AuditEntry {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(scope, "scope");
    comment = comment == null ? "" : comment;
  }
}
