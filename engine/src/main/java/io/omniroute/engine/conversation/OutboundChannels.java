package io.omniroute.engine.conversation;

import io.omniroute.engine.queue.ConversationRecord;
import io.omniroute.engine.queue.Message;
import io.vertx.core.Future;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@link Outbound} of each channel that has one: an answer goes to the adapter of its channel,
 * an answer on a channel without an adapter is only stored. Adapters register while the engine
 * starts. Thread-safe.
 */
public final class OutboundChannels implements Outbound {
  private final Map<String, Outbound> byChannel = new ConcurrentHashMap<>();

  /** Sends answers over {@code channel} with {@code outbound}, instead of any earlier one. */
  public void register(String channel, Outbound outbound) {
    byChannel.put(channel, outbound);
  }

  @Override
  public Future<Void> send(ConversationRecord conversation, Message answer) {
    Outbound outbound = answer.channel() == null ? null : byChannel.get(answer.channel());
    return outbound == null ? Future.succeededFuture() : outbound.send(conversation, answer);
  }
}
