package io.omniroute.engine.delivery;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How the engine offers contacts to agents: how long an agent has to answer an offer on each
 * channel, which strategy each queue uses to choose among its eligible agents, and how often open
 * offers are checked for expiry and waiting contacts for newly eligible agents. Immutable.
 *
 * @param timeouts the offer timeout per channel (wire name); a channel not listed gets {@code defaultTimeout}
 * @param strategies the strategy per queue; a queue not listed gets {@link OfferStrategy#LONGEST_IDLE}
 * @param sweepInterval how often expired offers end and waiting contacts are offered again
 */
public record OfferSettings(
    Map<String, Duration> timeouts, Duration defaultTimeout, Map<String, OfferStrategy> strategies,
    Duration sweepInterval) {
  /** 20 s for voice, 60 s for chat, 5 minutes for email, SMS and social media. */
  public static final OfferSettings DEFAULTS = new OfferSettings(
      Map.of("voice", Duration.ofSeconds(20), "chat", Duration.ofSeconds(60)), Duration.ofMinutes(5), Map.of(),
      Duration.ofMillis(500));

  public OfferSettings {
    timeouts = Map.copyOf(timeouts);
    strategies = Map.copyOf(strategies);
    Objects.requireNonNull(defaultTimeout, "defaultTimeout");
    Objects.requireNonNull(sweepInterval, "sweepInterval");
    if (timeouts.values().stream().anyMatch(timeout -> timeout.isZero() || timeout.isNegative())
        || defaultTimeout.isZero() || defaultTimeout.isNegative()) {
      throw new IllegalArgumentException("offer timeouts must be positive, are " + timeouts + " and " + defaultTimeout);
    }
    if (sweepInterval.isZero() || sweepInterval.isNegative()) {
      throw new IllegalArgumentException("the offer sweep interval must be positive, is " + sweepInterval);
    }
  }

  /** How long an agent has to answer an offer of a contact of {@code channel} (wire name). */
  public Duration timeoutOf(String channel) {
    return timeouts.getOrDefault(channel, defaultTimeout);
  }

  /** The strategy of {@code queue}. */
  public OfferStrategy strategyOf(String queue) {
    return strategies.getOrDefault(queue, OfferStrategy.LONGEST_IDLE);
  }

  /** These settings with another timeout for {@code channel}. */
  public OfferSettings withTimeout(String channel, Duration timeout) {
    Map<String, Duration> changed = new java.util.HashMap<>(timeouts);
    changed.put(channel, timeout);
    return new OfferSettings(changed, defaultTimeout, strategies, sweepInterval);
  }

  /** These settings with {@code strategy} for {@code queue}. */
  public OfferSettings withStrategy(String queue, OfferStrategy strategy) {
    Map<String, OfferStrategy> changed = new java.util.HashMap<>(strategies);
    changed.put(queue, strategy);
    return new OfferSettings(timeouts, defaultTimeout, changed, sweepInterval);
  }

  /** These settings with another sweep interval. */
  public OfferSettings withSweepInterval(Duration interval) {
    return new OfferSettings(timeouts, defaultTimeout, strategies, interval);
  }
}
