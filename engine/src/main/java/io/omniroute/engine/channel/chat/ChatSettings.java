package io.omniroute.engine.channel.chat;

import io.omniroute.adapters.chat.ChatLimits;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How the engine serves the chat socket. Immutable; part of {@link io.omniroute.engine.EngineOptions},
 * set in the config file's {@code chat} section.
 *
 * @param allowedOrigins the web origins ({@code https://www.autohaus-muenchen.de}) whose pages may
 *     open the socket; empty: any origin (the default)
 * @param limits frame size, text length and rate limit per socket
 * @param heartbeat how often an idle socket gets a ping, so that proxies keep it open
 */
public record ChatSettings(List<String> allowedOrigins, ChatLimits limits, Duration heartbeat) {
  public ChatSettings {
    allowedOrigins = List.copyOf(allowedOrigins);
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(heartbeat, "heartbeat");
    if (heartbeat.toMillis() < 1) {
      throw new IllegalArgumentException("the chat heartbeat interval must be positive, got " + heartbeat);
    }
  }

  /** Any origin, {@link ChatLimits#DEFAULTS}, a ping every 25 s. */
  public static ChatSettings defaults() {
    return new ChatSettings(List.of(), ChatLimits.DEFAULTS, Duration.ofSeconds(25));
  }

  public ChatSettings withAllowedOrigins(List<String> origins) {
    return new ChatSettings(origins, limits, heartbeat);
  }

  public ChatSettings withLimits(ChatLimits newLimits) {
    return new ChatSettings(allowedOrigins, newLimits, heartbeat);
  }

  /** Whether a page of {@code origin} ({@code null} when the client sent none) may open the socket. */
  public boolean allowsOrigin(String origin) {
    return allowedOrigins.isEmpty() || (origin != null && allowedOrigins.contains(origin));
  }
}
