package io.omniroute.engine.queue;

import java.time.Instant;

/** One queue's depth and the arrival time of its oldest waiting contact ({@code null} when empty). */
public record QueueStats(String queue, long depth, Instant oldestReceivedAt) {}
