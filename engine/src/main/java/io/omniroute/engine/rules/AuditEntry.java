package io.omniroute.engine.rules;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of the audit log: a rule version saved or activated, or a customer erased. Immutable.
 *
 * @param action {@link #SAVED}, {@link #ACTIVATED} or {@link #ERASED}
 * @param scope the rule scope, or {@link #CUSTOMERS} for an erasure
 * @param version the rule version, 0 for an erasure
 * @param actor the name of the token that did it
 */
public record AuditEntry(Instant at, String actor, String action, String scope, int version, String comment) {
  public static final String SAVED = "saved";
  public static final String ACTIVATED = "activated";
  public static final String ERASED = "erased";
  /** The scope of entries about customers. */
  public static final String CUSTOMERS = "customers";

  public AuditEntry {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(scope, "scope");
    comment = comment == null ? "" : comment;
  }
}
