package io.omniroute.engine.queue;

/**
 * The answer to {@link QueueStore#accept}: the stored record, whether this call created it
 * ({@code false} when the idempotency key was seen before and {@code record} is the first one),
 * and the contact that carries the record's conversation now (the record itself when it opened or
 * reopened the conversation, the conversation's waiting or assigned contact when it joined;
 * {@code null} when the store did not say, for a repeated request).
 */
public record Accepted(ContactRecord record, boolean created, ContactRecord carrier) {
  /** A contact that carries its own conversation, or a repeat of one. */
  public Accepted(ContactRecord record, boolean created) {
    this(record, created, created ? record : null);
  }
}
