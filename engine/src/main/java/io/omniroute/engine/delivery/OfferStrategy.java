package io.omniroute.engine.delivery;

import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/**
 * How a queue chooses among its eligible agents: the agent idle the longest (the default), the
 * least busy one, or each in turn. Wire names are the lower-case constant names with hyphens.
 */
public enum OfferStrategy {
  /** The agent without work the longest: no contact at all first, then the one whose last contact ended earliest. */
  LONGEST_IDLE,
  /** The agent with the fewest contacts now, relative to their capacity on the channel; ties go to the longest idle. */
  LEAST_BUSY,
  /** Each agent in turn: the one offered something least recently (or never) first. */
  ROUND_ROBIN;

  /** The name on the wire and in the config file: {@code longest-idle}, {@code least-busy}, {@code round-robin}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The strategy of a wire name, or empty when {@code value} is none. */
  public static Optional<OfferStrategy> fromWire(String value) {
    for (OfferStrategy strategy : values()) {
      if (strategy.wireName().equals(value)) {
        return Optional.of(strategy);
      }
    }
    return Optional.empty();
  }

  /** The order in which agents are tried for a contact of {@code channel} (wire name): the best first. */
  public Comparator<AgentState> order(String channel) {
    Comparator<AgentState> idle = Comparator.comparing((AgentState agent) -> totalLoad(agent) > 0)
        .thenComparing(OfferStrategy::idleSince)
        .thenComparing(AgentState::id);
    return switch (this) {
      case LONGEST_IDLE -> idle;
      case LEAST_BUSY -> Comparator.comparingDouble((AgentState agent) -> busyness(agent, channel)).thenComparing(idle);
      case ROUND_ROBIN -> Comparator.comparing((AgentState agent) -> agent.work().lastOfferedAt(),
              Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
          .thenComparing(AgentState::id);
    };
  }

  private static int totalLoad(AgentState agent) {
    return agent.work().assignments().size() + agent.work().offers().size();
  }

  /** Since when the agent has been free: the later of the end of their last contact and the start of their presence. */
  private static Instant idleSince(AgentState agent) {
    Instant lastWork = agent.work().idleSince();
    return lastWork != null && lastWork.isAfter(agent.presenceSince()) ? lastWork : agent.presenceSince();
  }

  private static double busyness(AgentState agent, String channel) {
    int capacity = agent.capacityOn(channel);
    return capacity == 0 ? Double.MAX_VALUE : (double) agent.work().load(channel) / capacity;
  }
}
