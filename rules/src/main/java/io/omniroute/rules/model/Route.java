package io.omniroute.rules.model;

import java.util.Objects;

/**
 * Where a contact waits: a level, the queue name at that level and the priority within it.
 * Queue names are {@code central}, {@code country:DE}, {@code expert:ev-battery},
 * {@code dealer:DE-MUC-001}. Immutable.
 */
public record Route(Level level, String queue, int priority) {

  /** Priority added each time a contact escalates. */
  public static final int ESCALATION_PRIORITY_STEP = 5;

  public Route {
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(queue, "queue");
  }

  public static Route central(int priority) {
    return new Route(Level.CENTRAL, QueueNames.CENTRAL, priority);
  }

  public static Route country(String countryCode, int priority) {
    return new Route(Level.COUNTRY, QueueNames.country(countryCode), priority);
  }

  public static Route expert(String teamId, int priority) {
    return new Route(Level.EXPERT, QueueNames.expert(teamId), priority);
  }

  public static Route dealer(String dealerId, int priority) {
    return new Route(Level.DEALER, QueueNames.dealer(dealerId), priority);
  }

  /**
   * The next step up the escalation ladder: {@code DEALER -> COUNTRY -> CENTRAL},
   * {@code EXPERT -> COUNTRY -> CENTRAL}, {@code COUNTRY -> CENTRAL}. A contact whose country is
   * unknown skips the country step. Returns {@code null} at {@code CENTRAL}, the top.
   */
  public Route escalated(String countryCode) {
    int raised = priority + ESCALATION_PRIORITY_STEP;
    return switch (level) {
      case CENTRAL -> null;
      case COUNTRY -> central(raised);
      case DEALER, EXPERT -> countryCode == null ? central(raised) : country(countryCode, raised);
    };
  }
}
