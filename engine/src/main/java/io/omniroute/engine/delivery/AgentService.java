package io.omniroute.engine.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import io.omniroute.engine.Caller;
import io.omniroute.engine.delivery.InvalidAgentException.FieldError;
import io.omniroute.rules.directory.Directory;
import io.vertx.core.Future;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The agents registry: registers, replaces and reads agents and sets their presence, with who may
 * do what arriving as data ({@link Caller}). An unrestricted caller reaches every agent. A dealer
 * ({@link Caller#dealerIds()}) reaches the agents all of whose queues are its own dealer queues:
 * it is told {@link AgentNotFoundException} about any other agent when reading, exactly as about
 * an unknown one, and {@link AgentOutOfScopeException} when writing. An agent ({@link
 * Caller#agentIds()}) reads itself and sets its own presence.
 *
 * <p>Thread-safe and shared by all verticles; it holds no resources (closing the store is the
 * engine's job).
 */
public final class AgentService {
  private final AgentStore store;
  private final Directory directory;
  private final Clock clock;
  private final Consumer<AgentState> changes;

  /** @param directory whose queues agents may serve */
  public AgentService(AgentStore store, Directory directory, Clock clock) {
    this(store, directory, clock, agent -> {});
  }

  /**
   * @param directory whose queues agents may serve
   * @param changes told of every agent this service stored (registered, replaced, presence set),
   *     on the thread that completes the store's future
   */
  public AgentService(AgentStore store, Directory directory, Clock clock, Consumer<AgentState> changes) {
    this.store = store;
    this.directory = directory;
    this.clock = clock;
    this.changes = changes;
  }

  /**
   * Registers or replaces the agent {@code id} from its JSON form ({@link AgentProfiles}). Fails
   * with {@link InvalidAgentException}, {@link UnknownAgentQueueException} or {@link
   * AgentOutOfScopeException}; then nothing changed.
   */
  public Future<AgentStore.Saved> put(String id, JsonNode body, Caller caller) {
    try {
      return put(AgentProfiles.read(id, body), caller);
    } catch (InvalidAgentException e) {
      return Future.failedFuture(e);
    }
  }

  /**
   * Registers or replaces an already read profile; the checks of {@link #put(String, JsonNode,
   * Caller)}. A restricted caller is refused another dealer's queue before the directory is asked,
   * so it learns nothing about which queues exist.
   */
  public Future<AgentStore.Saved> put(AgentProfile profile, Caller caller) {
    if (!caller.mayManageAgentServing(profile.queues())) {
      return Future.failedFuture(outOfScope(profile, caller));
    }
    List<FieldError> unknown = new ArrayList<>();
    for (int i = 0; i < profile.queues().size(); i++) {
      String queue = profile.queues().get(i);
      if (!directory.queues().containsKey(queue)) {
        unknown.add(new FieldError("queues[" + i + "]", "'" + queue + "' is not a queue of the directory"));
      }
    }
    if (!unknown.isEmpty()) {
      return Future.failedFuture(new UnknownAgentQueueException(unknown));
    }
    if (caller.unrestricted()) {
      return store.put(profile, clock.instant()).onSuccess(saved -> changes.accept(saved.agent()));
    }
    return store.get(profile.id()).compose(existing -> existing.isPresent() && !mayManage(caller, existing.get())
        ? Future.failedFuture(outOfScope(existing.get().profile(), caller))
        : store.put(profile, clock.instant())).onSuccess(saved -> changes.accept(saved.agent()));
  }

  /** Every agent the caller may see, ordered by id. */
  public Future<List<AgentState>> list(Caller caller) {
    return store.list().map(agents -> agents.stream().filter(agent -> mayRead(caller, agent)).toList());
  }

  /** The agent {@code id}, if the caller may see it. */
  public Future<AgentState> get(String id, Caller caller) {
    return store.get(id).compose(found -> visible(id, found, caller));
  }

  /**
   * Sets the presence of agent {@code id} from its wire name ({@code available}, {@code busy},
   * {@code away}, {@code offline}) and answers the agent. Fails with {@link InvalidAgentException},
   * {@link AgentNotFoundException}, or {@link AgentOutOfScopeException} for an agent the caller
   * does not manage and is not; then nothing changed.
   */
  public Future<AgentState> setPresence(String id, String presenceWireName, Caller caller) {
    Presence presence;
    try {
      presence = AgentProfiles.presence(presenceWireName);
    } catch (InvalidAgentException e) {
      return Future.failedFuture(e);
    }
    if (caller.unrestricted() || caller.isAgent(id)) {
      return storePresence(id, presence);
    }
    if (caller.dealerIds().isEmpty()) {
      return Future.failedFuture(new AgentOutOfScopeException("agent " + id + " is not this caller: an agent may set"
          + " only its own presence (agent:" + String.join(", agent:", sorted(caller.agentIds())) + ")"));
    }
    return store.get(id).compose(found -> {
      if (found.isEmpty()) {
        return Future.failedFuture(new AgentNotFoundException(id));
      }
      return mayManage(caller, found.get())
          ? storePresence(id, presence)
          : Future.failedFuture(outOfScope(found.get().profile(), caller));
    });
  }

  private Future<AgentState> storePresence(String id, Presence presence) {
    return store.setPresence(id, presence, clock.instant()).compose(stored -> stored.isPresent()
        ? Future.succeededFuture(stored.get())
        : Future.failedFuture(new AgentNotFoundException(id))).onSuccess(changes::accept);
  }

  private static boolean mayManage(Caller caller, AgentState agent) {
    return caller.mayManageAgentServing(agent.profile().queues());
  }

  private static boolean mayRead(Caller caller, AgentState agent) {
    return caller.isAgent(agent.id()) || mayManage(caller, agent);
  }

  private static Future<AgentState> visible(String id, Optional<AgentState> found, Caller caller) {
    return found.isPresent() && mayRead(caller, found.get())
        ? Future.succeededFuture(found.get())
        : Future.failedFuture(new AgentNotFoundException(id));
  }

  private static AgentOutOfScopeException outOfScope(AgentProfile profile, Caller caller) {
    List<String> foreign = profile.queues().stream().filter(queue -> !caller.mayActOnContactIn(queue)).toList();
    String own = caller.dealerIds().isEmpty()
        ? "none"
        : "dealer:" + String.join(", dealer:", sorted(caller.dealerIds()));
    return new AgentOutOfScopeException("agent " + profile.id() + " serves " + String.join(", ", foreign)
        + ", and this caller may only manage agents who serve only its own dealer queues (" + own + ")");
  }

  private static List<String> sorted(Set<String> values) {
    return values.stream().sorted().toList();
  }
}
