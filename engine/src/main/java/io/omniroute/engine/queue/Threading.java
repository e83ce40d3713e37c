package io.omniroute.engine.queue;

import io.omniroute.rules.model.Route;
import java.time.Instant;

/**
 * How a contact that {@link QueueStore#accept(ContactRecord, String, Threading)} stores belongs to
 * its conversation, as intake planned it from a {@link ConversationState} it read before. The store
 * applies the plan atomically with the contact, or fails with {@link ConversationChangedException}
 * when the conversation changed since it was read (then intake reads and plans again). Each plan
 * adds the contact's {@link #message()} to the conversation and, when {@link #thread()} is not
 * {@code null}, makes that thread key lead to the conversation. Immutable.
 */
public sealed interface Threading {
  /** The inbound message the contact adds to its conversation. */
  Message message();

  /** A thread key to remember for the conversation, or {@code null}. */
  ThreadKey thread();

  /**
   * The contact opens a new conversation named after it. Fails when {@code thread} already leads to
   * a conversation.
   */
  record Start(ThreadKey thread, Message message) implements Threading {}

  /**
   * The contact (a {@code JOINED} follow-up) joins the open {@code conversation}, still as read;
   * with a {@code reroute}, the conversation's waiting contact moves there (a more urgent
   * follow-up raised it).
   */
  record Join(ConversationState conversation, Reroute reroute, ThreadKey thread, Message message)
      implements Threading {}

  /** The contact (queued) reopens the closed {@code conversation}, still as read. */
  record Reopen(ConversationState conversation, ThreadKey thread, Message message) implements Threading {}

  /** Where a raised conversation's waiting contact goes, with its new deadline and the history's detail. */
  record Reroute(Route to, Instant deadline, String detail) {}
}
