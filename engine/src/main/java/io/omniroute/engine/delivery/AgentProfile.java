package io.omniroute.engine.delivery;

import io.omniroute.rules.model.Channel;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One agent as the registry knows them: who, which queues they serve, how many contacts of each
 * channel they take at once, and how long they need after a contact before the next. {@link
 * AgentProfiles} reads and checks it; this record only guards its invariants. Immutable.
 *
 * @param id the agent's id, as in the {@code agent:<id>} role of the agent's own token
 * @param name how the agent is shown
 * @param queues the directory queues the agent serves ({@code dealer:DE-MUC-001}, {@code country:DE},
 *     {@code central}, {@code expert:ev-battery}), at least one, without repeats
 * @param capacity contacts at once per channel; a channel that is missing is not served
 * @param wrapUpSeconds the time after a contact before the agent takes the next
 */
public record AgentProfile(
    String id, String name, List<String> queues, Map<Channel, Integer> capacity, int wrapUpSeconds) {
  public AgentProfile {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    queues = List.copyOf(queues);
    if (queues.isEmpty() || queues.stream().distinct().count() != queues.size()) {
      throw new IllegalArgumentException("agent " + id + " needs at least one queue and no queue twice, got " + queues);
    }
    EnumMap<Channel, Integer> channels = new EnumMap<>(Channel.class);
    channels.putAll(capacity);
    if (channels.values().stream().anyMatch(value -> value == null || value < 1)) {
      throw new IllegalArgumentException("agent " + id + " has a capacity below 1: " + capacity);
    }
    capacity = Collections.unmodifiableMap(channels);
    if (wrapUpSeconds < 0) {
      throw new IllegalArgumentException("agent " + id + " has a negative wrap-up time: " + wrapUpSeconds);
    }
  }

  /** How many contacts of {@code channel} the agent takes at once; 0 when they do not serve it. */
  public int capacityOn(Channel channel) {
    return capacity.getOrDefault(channel, 0);
  }
}
