package io.omniroute.engine.delivery;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

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

  /**
   * Applies {@code change} to the agent {@code id} atomically: the change sees the stored agent and
   * answers the agent it should become (its presence and work; the profile stays). When another
   * writer changed the agent meanwhile, the change is applied again to the newer agent, so it must
   * be a pure function. A change that answers its argument writes nothing. Answers the agent before
   * and after, or empty when there is no such agent. The open offers of all agents are indexed by
   * id ({@link #offer}) and by expiry ({@link #expiredOffers}).
   */
  Future<Optional<Change>> update(String id, UnaryOperator<AgentState> change);

  /** The open offer {@code offerId} of any agent. */
  Future<Optional<Offer>> offer(String offerId);

  /** Up to {@code limit} open offers of any agent that expire at or before {@code now}, the earliest first. */
  Future<List<Offer>> expiredOffers(Instant now, int limit);

  @Override
  void close();

  /** The answer to {@link #put}: the stored agent and whether it was new. */
  record Saved(AgentState agent, boolean created) {}

  /** The answer to {@link #update}: the agent before and after the change. */
  record Change(AgentState before, AgentState after) {
    /** Whether the change wrote anything. */
    public boolean changed() {
      return before != after;
    }
  }
}
