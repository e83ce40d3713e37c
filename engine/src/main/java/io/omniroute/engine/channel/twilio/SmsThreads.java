package io.omniroute.engine.channel.twilio;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omniroute.engine.queue.ConversationState;
import io.omniroute.engine.queue.QueueStore;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Which conversation an SMS follows up: one between the same two numbers whose last activity is at
 * most the join window old; otherwise the SMS opens a new one. Thread keys are the pair's key with
 * the window's number ({@code twilio:+43664...>+49891...#20431}); an SMS looks in its own window's
 * key and, when that has none yet, in the previous window's, whose conversation it joins when its
 * last activity is recent enough (and then carries on under the new key). Two store reads at most
 * (three when the previous window is checked). Thread-safe and stateless besides the store.
 */
public final class SmsThreads {
  private final QueueStore store;
  private final Duration window;
  private final Clock clock;

  public SmsThreads(QueueStore store, Duration window, Clock clock) {
    this.store = store;
    this.window = window;
    this.clock = clock;
  }

  /** Adds the thread key, and the conversation to follow up when it lies in the previous window, to {@code contact}. */
  public Future<ObjectNode> thread(ObjectNode contact, String pairKey) {
    Instant now = clock.instant();
    long number = now.toEpochMilli() / window.toMillis();
    String current = pairKey + "#" + number;
    contact.putObject("thread").put("key", current);
    return store.threadStates(current).compose(found -> {
      if (!found.isEmpty()) {
        return Future.succeededFuture(contact);
      }
      return store.threadStates(pairKey + "#" + (number - 1)).compose(previous -> latest(previous.values().stream()
              .map(ConversationState::id).toList(), now)
          .map(recent -> {
            recent.ifPresent(id -> contact.put("conversationId", id));
            return contact;
          }));
    });
  }

  private Future<Optional<String>> latest(List<String> ids, Instant now) {
    if (ids.isEmpty()) {
      return Future.succeededFuture(Optional.empty());
    }
    return store.conversation(ids.get(0)).map(found -> found
        .filter(conversation -> !conversation.lastActivityAt().plus(window).isBefore(now))
        .map(conversation -> conversation.state().id()));
  }
}
