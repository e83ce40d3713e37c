package io.omniroute.engine.auth;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a token may do, written as in the tokens file:
 *
 * <table>
 *   <caption>Roles</caption>
 *   <tr><th>role</th><th>may</th></tr>
 *   <tr><td>{@code admin}</td><td>everything</td></tr>
 *   <tr><td>{@code supervisor}</td><td>read everything, claim from every queue, complete any contact, change the {@code global} rules</td></tr>
 *   <tr><td>{@code supervisor:DE}</td><td>read everything, change the rules of scope {@code DE}</td></tr>
 *   <tr><td>{@code ops}</td><td>read only: queues, contacts, metrics, rules, audit, agents</td></tr>
 *   <tr><td>{@code telephony}, {@code adapter}</td><td>intake only: create and abandon contacts</td></tr>
 *   <tr><td>{@code dealer:DE-MUC-001}</td><td>its own dealer queue only: list, claim, complete; the agents who serve only it</td></tr>
 *   <tr><td>{@code agent:sepp}</td><td>itself only: read its agent and set its presence</td></tr>
 * </table>
 *
 * <p>The matrix itself is {@link AccessPolicy}. Immutable and thread-safe.
 *
 * @param kind which role
 * @param scope the country code of a country supervisor, the dealer id of a dealer, the agent id
 *     of an agent, otherwise {@code null} (a supervisor without scope is global)
 */
public record Role(Kind kind, String scope) {
  /** The valid forms, for error messages. */
  public static final String VALID_FORMS =
      "admin, supervisor, supervisor:<CC> (ISO country code such as DE), ops, telephony, adapter, dealer:<dealer id>,"
          + " agent:<agent id>";

  private static final Pattern COUNTRY_CODE = Pattern.compile("[A-Z]{2}");
  /** As the directory's ids: letters, digits, '.', '_' and '-'. */
  private static final Pattern DEALER_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  /** As the agents registry's ids: letters, digits, '.', '_', ':', '@' and '-'. */
  private static final Pattern AGENT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@-]{0,63}");

  /** The kinds of role; {@link #wire()} is the name in the tokens file. */
  public enum Kind {
    ADMIN,
    SUPERVISOR,
    OPS,
    TELEPHONY,
    ADAPTER,
    DEALER,
    AGENT;

    /** The name as written in the tokens file: {@code admin}, {@code supervisor}, ... */
    public String wire() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public Role {
    Objects.requireNonNull(kind, "kind");
    switch (kind) {
      case SUPERVISOR -> {
        if (scope != null && !COUNTRY_CODE.matcher(scope).matches()) {
          throw new IllegalArgumentException(
              "supervisor scope must be an ISO country code of two upper-case letters such as DE, got '" + scope + "'");
        }
      }
      case DEALER -> {
        if (scope == null || !DEALER_ID.matcher(scope).matches()) {
          throw new IllegalArgumentException(
              "dealer id must be 1-64 letters, digits, '.', '_' or '-' as in the directory, got '" + scope + "'");
        }
      }
      case AGENT -> {
        if (scope == null || !AGENT_ID.matcher(scope).matches()) {
          throw new IllegalArgumentException(
              "agent id must be 1-64 letters, digits, '.', '_', ':', '@' or '-' as in the agents registry, got '"
                  + scope + "'");
        }
      }
      default -> {
        if (scope != null) {
          throw new IllegalArgumentException("role " + kind.wire() + " takes no scope, got '" + scope + "'");
        }
      }
    }
  }

  public static final Role ADMIN = new Role(Kind.ADMIN, null);
  public static final Role SUPERVISOR = new Role(Kind.SUPERVISOR, null);
  public static final Role OPS = new Role(Kind.OPS, null);
  public static final Role TELEPHONY = new Role(Kind.TELEPHONY, null);
  public static final Role ADAPTER = new Role(Kind.ADAPTER, null);

  /** {@code supervisor:<country>}. */
  public static Role supervisor(String country) {
    return new Role(Kind.SUPERVISOR, country);
  }

  /** {@code dealer:<dealerId>}. */
  public static Role dealer(String dealerId) {
    return new Role(Kind.DEALER, dealerId);
  }

  /** {@code agent:<agentId>}. */
  public static Role agent(String agentId) {
    return new Role(Kind.AGENT, agentId);
  }

  /**
   * Parses {@code admin}, {@code supervisor}, {@code supervisor:DE}, {@code ops}, {@code telephony},
   * {@code adapter}, {@code dealer:DE-MUC-001} or {@code agent:sepp}.
   *
   * @throws IllegalArgumentException naming the valid forms
   */
  public static Role parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("empty role: use one of " + VALID_FORMS);
    }
    String trimmed = text.strip();
    int colon = trimmed.indexOf(':');
    String name = colon < 0 ? trimmed : trimmed.substring(0, colon);
    String scope = colon < 0 ? null : trimmed.substring(colon + 1);
    Kind kind = switch (name) {
      case "admin" -> Kind.ADMIN;
      case "supervisor" -> Kind.SUPERVISOR;
      case "ops" -> Kind.OPS;
      case "telephony" -> Kind.TELEPHONY;
      case "adapter" -> Kind.ADAPTER;
      case "dealer" -> Kind.DEALER;
      case "agent" -> Kind.AGENT;
      default -> throw new IllegalArgumentException("unknown role '" + trimmed + "': use one of " + VALID_FORMS);
    };
    if (kind == Kind.DEALER && scope == null) {
      throw new IllegalArgumentException("role 'dealer' needs the dealer id, e.g. dealer:DE-MUC-001");
    }
    if (kind == Kind.AGENT && scope == null) {
      throw new IllegalArgumentException("role 'agent' needs the agent id, e.g. agent:sepp");
    }
    try {
      return new Role(kind, scope);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("invalid role '" + trimmed + "': " + e.getMessage() + "; use one of "
          + VALID_FORMS, e);
    }
  }

  /** {@code supervisor} without a country: rules of every scope, every queue. */
  public boolean isGlobalSupervisor() {
    return kind == Kind.SUPERVISOR && scope == null;
  }

  /** The queue a dealer role works, {@code dealer:<id>}; {@code null} for other roles. */
  public String dealerQueue() {
    return kind == Kind.DEALER ? "dealer:" + scope : null;
  }

  /** As written in the tokens file: {@code supervisor:DE}. */
  @Override
  public String toString() {
    return scope == null ? kind.wire() : kind.wire() + ":" + scope;
  }
}
