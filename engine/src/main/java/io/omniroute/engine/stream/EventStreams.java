package io.omniroute.engine.stream;

import io.vertx.core.Future;
import java.util.Optional;

/**
 * Where the events of every stream are kept for replay and fanned out to every node. Each append
 * gets an {@link EventId} greater than every earlier one of its stream; what a stream keeps follows
 * the {@link Retention} given with each append (the oldest events go first). Every event appended,
 * on this node or on another node on the same store, reaches the {@link LiveEvents} given to {@link
 * #deliverTo} once, in the order of its stream.
 *
 * <p>Implementations are thread-safe and never block the calling thread; their futures fail with
 * {@link io.omniroute.engine.StoreUnavailableException} when the store cannot be reached. {@link
 * #close()} stops the fan-out and releases the store's connections.
 */
public interface EventStreams extends AutoCloseable {
  /** Appends an event to {@code stream}, then trims the stream to {@code retention}; answers the event with its id. */
  Future<StreamEvent> append(String stream, String type, String data, Retention retention);

  /**
   * Up to {@code limit} events of {@code stream} that follow the event {@code afterId}, oldest
   * first; {@link Replay.NotKept} when the stream does not keep an event with that id (it was
   * trimmed, never existed or is not an id at all).
   */
  Future<Replay> after(String stream, String afterId, int limit);

  /** The id of the latest event of {@code stream}, empty when it keeps none. */
  Future<Optional<String>> lastId(String stream);

  /** From now on, hands every appended event to {@code live}. Call once, before clients connect. */
  void deliverTo(LiveEvents live);

  @Override
  void close();
}
