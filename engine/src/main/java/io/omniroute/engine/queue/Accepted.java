package io.omniroute.engine.queue;

/**
 * The answer to {@link QueueStore#accept}: the stored record and whether this call created it
 * ({@code false} when the idempotency key was seen before and {@code record} is the first one).
 */
public record Accepted(ContactRecord record, boolean created) {}
