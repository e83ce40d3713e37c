package io.omniroute.engine.queue;

import java.time.Instant;
import java.util.Objects;

/**
 * One step in a contact's history: what happened ({@code received}, {@code routed},
 * {@code escalated}, {@code assigned}, {@code completed}, {@code abandoned}, {@code joined}, {@code raised},
 * {@code reopened}, {@code transferred}, {@code erased}, {@code offered}, and an offer's end: {@code
 * accepted}, {@code rejected}, {@code timedout}, {@code withdrawn}; a social post's later {@code
 * edited} and {@code deleted}), when, and a short human-readable detail. Immutable.
 */
public record HistoryEvent(String type, Instant at, String detail) {
  public static final String RECEIVED = "received";
  public static final String ROUTED = "routed";
  public static final String ESCALATED = "escalated";
  public static final String ASSIGNED = "assigned";
  public static final String COMPLETED = "completed";
  public static final String ABANDONED = "abandoned";
  public static final String ERASED = "erased";
  public static final String JOINED = "joined";
  public static final String RAISED = "raised";
  public static final String REOPENED = "reopened";
  public static final String TRANSFERRED = "transferred";
  public static final String OFFERED = "offered";
  /** The sender edited what they sent (a social post); the detail carries the new text. */
  public static final String EDITED = "edited";
  /** The sender deleted what they sent (a social post); what was received stays. */
  public static final String DELETED = "deleted";

  public HistoryEvent {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(at, "at");
  }
}
