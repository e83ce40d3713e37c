package io.omniroute.engine.delivery;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where the agents registry lives: each agent's profile and presence. Every write is atomic: a
 * replaced profile keeps the agent's presence, and a presence change never outlives or precedes
 * the agent it belongs to.
 *
 * <p>Implementations are thread-safe and never block the calling thread; futures fail with {@link
 * io.omniroute.engine.StoreUnavailableException} when the store cannot be reached. {@link #close()}
 * releases what the store holds of its connection.
 */
public interface AgentStore extends AutoCloseable {
  /**
   * Creates or replaces the agent with this profile's id. A new agent is {@link Presence#OFFLINE}
   * since {@code at}; a replaced one keeps its presence and the time it has had it.
   */
  Future<Saved> put(AgentProfile profile, Instant at);

  /** The agent with this id. */
  Future<Optional<AgentState>> get(String id);

  /** Every agent, ordered by id. */
  Future<List<AgentState>> list();

  /**
   * Sets the agent's presence; {@code presenceSince} becomes {@code at} when the presence changes
   * and stays as it was when it is the same. Answers the agent, or empty when there is none with
   * this id (then nothing is stored).
   */
  Future<Optional<AgentState>> setPresence(String id, Presence presence, Instant at);

  @Override
  void close();

  /** The answer to {@link #put}: the stored agent and whether it was new. */
  record Saved(AgentState agent, boolean created) {}
}
