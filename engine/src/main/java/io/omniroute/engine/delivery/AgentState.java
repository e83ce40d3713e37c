package io.omniroute.engine.delivery;

import java.time.Instant;
import java.util.Objects;

/**
 * An agent as stored: the profile and the presence, with the time the presence last changed (for
 * a new agent, when it was registered), and their work (offers, assignments, wrap-up). Immutable.
 */
public record AgentState(AgentProfile profile, Presence presence, Instant presenceSince, AgentWork work) {
  public AgentState {
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(presence, "presence");
    Objects.requireNonNull(presenceSince, "presenceSince");
    work = work == null ? AgentWork.NONE : work;
  }

  /** An agent without work. */
  public AgentState(AgentProfile profile, Presence presence, Instant presenceSince) {
    this(profile, presence, presenceSince, AgentWork.NONE);
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
    return new AgentState(replacement, presence, presenceSince, work);
  }

  /** This agent with {@code next} presence; {@code since} moves only when the presence changes. */
  public AgentState withPresence(Presence next, Instant at) {
    return next == presence ? this : new AgentState(profile, next, at, next == Presence.AVAILABLE ? work.withMissedReset() : work);
  }

  /** This agent with other work. */
  public AgentState withWork(AgentWork next) {
    return new AgentState(profile, presence, presenceSince, next);
  }

  /**
   * Whether a contact of {@code channel} (wire name) waiting in {@code queue} may be offered to this
   * agent at {@code now}: available, serving the queue, below capacity for the channel, not wrapping up.
   */
  public boolean isEligible(String queue, String channel, Instant now) {
    return presence == Presence.AVAILABLE
        && profile.queues().contains(queue)
        && work.load(channel) < capacityOn(channel)
        && !work.wrapsUpAt(now);
  }

  /** Whether the agent is below capacity on some channel they serve. */
  public boolean hasRoom() {
    for (var entry : profile.capacity().entrySet()) {
      if (work.load(entry.getKey().wireName()) < entry.getValue()) {
        return true;
      }
    }
    return false;
  }

  /** The agent's capacity for a channel given by its wire name; 0 for an unknown or unserved one. */
  public int capacityOn(String channel) {
    for (var entry : profile.capacity().entrySet()) {
      if (entry.getKey().wireName().equals(channel)) {
        return entry.getValue();
      }
    }
    return 0;
  }
}
