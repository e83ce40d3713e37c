package io.omniroute.engine.queue;

import java.time.Instant;
import java.util.Objects;

/**
 * One message of a conversation: an inbound contact's words or an agent's answer. Immutable.
 *
 * @param contactId the contact that brought an inbound message; {@code null} for an answer
 * @param channel the channel it came or goes over ({@code email}, {@code voice}, ...)
 * @param subject the subject line, or {@code null}
 * @param text the text, or {@code null} (a call without a transcript)
 * @param agent who wrote an answer; {@code null} for an inbound message
 * @param erased whether the sender's personal data was erased (subject and text are then gone)
 */
public record Message(
    String contactId, Instant at, String channel, Direction direction, String subject, String text, String agent,
    boolean erased) {

  /** Whether the customer wrote it or an agent answered. */
  public enum Direction {
    INBOUND, OUTBOUND;

    /** The API's name: {@code inbound}, {@code outbound}. */
    public String wireName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public Message {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(direction, "direction");
  }

  /** The customer's words of contact {@code contactId}. */
  public static Message inbound(String contactId, Instant at, String channel, String subject, String text) {
    return new Message(contactId, at, channel, Direction.INBOUND, subject, text, null, false);
  }

  /** An agent's answer over {@code channel}. */
  public static Message outbound(Instant at, String channel, String agent, String text) {
    return new Message(null, at, channel, Direction.OUTBOUND, null, text, agent, false);
  }

  /** This message without the words in it: the customer asked to be forgotten. */
  public Message withoutPersonalData() {
    return new Message(contactId, at, channel, direction, null, null, agent, true);
  }
}
