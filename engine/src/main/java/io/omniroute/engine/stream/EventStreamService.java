package io.omniroute.engine.stream;

import io.omniroute.engine.Caller;
import io.omniroute.engine.contact.ContactService;
import io.omniroute.engine.delivery.AgentService;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * Opens event streams for callers, with who may read what arriving as data ({@link Caller}),
 * exactly as reading the agent or the queue itself: an agent's stream for whoever {@link
 * AgentService#get} shows the agent to (a dealer asking for another dealer's agent, or an agent
 * for another agent, is told {@link io.omniroute.engine.delivery.AgentNotFoundException}, as for an
 * unknown one); a queue's stream for an unrestricted caller or a dealer on its own dealer queue,
 * and {@link io.omniroute.engine.contact.UnknownQueueException} for a queue that does not exist. Whether a caller may read a
 * stream is decided when it opens.
 *
 * <p>Thread-safe and shared by all verticles. {@link #subscribe} runs on the connection's context.
 */
public final class EventStreamService {
  private final EventStreams streams;
  private final LiveListeners live;
  private final AgentService agents;
  private final ContactService contacts;
  private final QueueDepths depths;
  private final StreamSettings settings;
  private final StreamMeters meters;

  public EventStreamService(
      EventStreams streams, LiveListeners live, AgentService agents, ContactService contacts, QueueDepths depths,
      StreamSettings settings, StreamMeters meters) {
    this.streams = streams;
    this.live = live;
    this.agents = agents;
    this.contacts = contacts;
    this.depths = depths;
    this.settings = settings;
    this.meters = meters;
  }

  /** The name of agent {@code agentId}'s stream, when the caller may read the agent. */
  public Future<String> agentStream(String agentId, Caller caller) {
    return agents.get(agentId, caller).map(agent -> StreamNames.agent(agent.id()));
  }

  /** The name of {@code queue}'s stream, when the queue exists and the caller may read it. */
  public Future<String> queueStream(String queue, Caller caller) {
    return contacts.readableQueue(queue, caller).map(readable -> StreamNames.queue(queue));
  }

  /**
   * Streams {@code stream} into {@code sink} from after {@code lastEventId} ({@code null}: from
   * now on) until the connection closes. Call on the connection's context.
   */
  public void subscribe(String stream, String lastEventId, EventSink sink) {
    Context context = Vertx.currentContext();
    if (context == null) {
      throw new IllegalStateException("subscribe on the connection's Vert.x context");
    }
    String queue = StreamNames.queueOf(stream);
    new StreamSubscription(streams, live, stream, context, sink, settings, meters,
        queue == null ? null : () -> depths.current(queue)).start(lastEventId);
  }
}
