package io.omniroute.engine.delivery;

import java.time.Instant;
import java.util.Objects;

/**
 * An agent as stored: the profile and the presence, with the time the presence last changed (for
 * a new agent, when it was registered). Immutable.
 */
public record AgentState(AgentProfile profile, Presence presence, Instant presenceSince) {
  public AgentState {
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(presence, "presence");
    Objects.requireNonNull(presenceSince, "presenceSince");
  }

  /** A newly registered agent: offline since {@code at}. */
  public static AgentState registered(AgentProfile profile, Instant at) {
    return new AgentState(profile, Presence.OFFLINE, at);
  }

  public String id() {
    return profile.id();
  }

  /** This agent with another profile, its presence unchanged. */
  public AgentState withProfile(AgentProfile replacement) {
    return new AgentState(replacement, presence, presenceSince);
  }

  /** This agent with {@code next} presence; {@code since} moves only when the presence changes. */
  public AgentState withPresence(Presence next, Instant at) {
    return next == presence ? this : new AgentState(profile, next, at);
  }
}
