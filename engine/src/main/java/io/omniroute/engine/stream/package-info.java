/**
 * Live event streams of agents and queues, resumable by event id, on one node and across the nodes
 * of one Redis.
 *
 * <ul>
 *   <li>{@link io.omniroute.engine.stream.EventStreams}: where the events of each stream are kept
 *       for replay and fanned out live to every node: an in-process ring buffer per stream
 *       ({@link io.omniroute.engine.stream.MemoryEventStreams}) or a Redis Stream per stream plus
 *       one pub/sub channel ({@link io.omniroute.engine.stream.RedisEventStreams}).
 *   <li>{@link io.omniroute.engine.stream.StreamAppender}: turns the contact lifecycle's events into
 *       stream events ({@link io.omniroute.engine.stream.ContactStreamEvents}) off the intake thread.
 *   <li>{@link io.omniroute.engine.stream.LiveListeners}: this node's open connections by stream,
 *       fed on their own event loops.
 *   <li>{@link io.omniroute.engine.stream.StreamSubscription}: one connection: live first, then
 *       the replay after the client's last event id, each event exactly once.
 *   <li>{@link io.omniroute.engine.stream.EventStreamService}: who may open which stream.
 *   <li>{@link io.omniroute.engine.stream.QueueDepths}: coalesced {@code queue.depth} events.
 * </ul>
 */
package io.omniroute.engine.stream;
