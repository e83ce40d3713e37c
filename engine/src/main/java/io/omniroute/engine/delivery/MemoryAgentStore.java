package io.omniroute.engine.delivery;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The agents registry in this process's memory: lost when it stops, the default when no Redis is
 * configured. One lock guards a map of agents by id, so every write is atomic; calls take well
 * under a microsecond per agent, so event loops may call it. Thread-safe; its futures are already
 * complete when returned.
 */
public final class MemoryAgentStore implements AgentStore {
  private final Map<String, AgentState> agents = new TreeMap<>();

  @Override
  public synchronized Future<Saved> put(AgentProfile profile, Instant at) {
    AgentState previous = agents.get(profile.id());
    AgentState stored = previous == null ? AgentState.registered(profile, at) : previous.withProfile(profile);
    agents.put(profile.id(), stored);
    return Future.succeededFuture(new Saved(stored, previous == null));
  }

  @Override
  public synchronized Future<Optional<AgentState>> get(String id) {
    return Future.succeededFuture(Optional.ofNullable(agents.get(id)));
  }

  @Override
  public synchronized Future<List<AgentState>> list() {
    return Future.succeededFuture(List.copyOf(agents.values()));
  }

  @Override
  public synchronized Future<Optional<AgentState>> setPresence(String id, Presence presence, Instant at) {
    AgentState agent = agents.computeIfPresent(id, (key, current) -> current.withPresence(presence, at));
    return Future.succeededFuture(Optional.ofNullable(agent));
  }

  @Override
  public void close() {}
}
