package io.omniroute.engine.stream;

import java.time.Duration;
import java.util.Objects;

/**
 * How an engine serves event streams. Immutable; part of {@link io.omniroute.engine.EngineOptions},
 * set in the config file's {@code eventStreams} section.
 *
 * @param retention what each stream keeps for clients that reconnect
 * @param heartbeat how often an idle connection gets a comment (SSE) or a ping (WebSocket), so
 *     that proxies keep it open
 * @param reconnectDelay the SSE {@code retry:} a client waits before it reconnects
 */
public record StreamSettings(Retention retention, Duration heartbeat, Duration reconnectDelay) {
  public static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(15);
  public static final Duration DEFAULT_RECONNECT_DELAY = Duration.ofSeconds(2);

  public StreamSettings {
    Objects.requireNonNull(retention, "retention");
    Objects.requireNonNull(heartbeat, "heartbeat");
    Objects.requireNonNull(reconnectDelay, "reconnectDelay");
    if (heartbeat.toMillis() < 1) {
      throw new IllegalArgumentException("the heartbeat interval must be positive, got " + heartbeat);
    }
    if (reconnectDelay.isNegative()) {
      throw new IllegalArgumentException("the reconnect delay cannot be negative, got " + reconnectDelay);
    }
  }

  /** The defaults: {@link Retention#DEFAULT}, a heartbeat every 15 s, reconnect after 2 s. */
  public static StreamSettings defaults() {
    return new StreamSettings(Retention.DEFAULT, DEFAULT_HEARTBEAT, DEFAULT_RECONNECT_DELAY);
  }

  public StreamSettings withRetention(Retention newRetention) {
    return new StreamSettings(newRetention, heartbeat, reconnectDelay);
  }

  public StreamSettings withHeartbeat(Duration newHeartbeat) {
    return new StreamSettings(retention, newHeartbeat, reconnectDelay);
  }

  public StreamSettings withReconnectDelay(Duration newDelay) {
    return new StreamSettings(retention, heartbeat, newDelay);
  }
}
