package io.omniroute.rules;

import io.omniroute.rules.model.Channel;
import io.omniroute.rules.model.Urgency;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * First-response targets per channel (DESIGN.md section 2): {@code HIGH} halves the target,
 * {@code CRITICAL} quarters it. Immutable and thread-safe; the rules read it as the global
 * {@code serviceLevels}.
 */
public final class ServiceLevels {
  public static final Duration DEFAULT_VOICE = Duration.ofSeconds(20);
  public static final Duration DEFAULT_CHAT = Duration.ofSeconds(60);
  public static final Duration DEFAULT_SMS = Duration.ofMinutes(15);
  public static final Duration DEFAULT_SOCIAL = Duration.ofHours(1);
  public static final Duration DEFAULT_EMAIL = Duration.ofHours(24);

  private final Map<Channel, Duration> targets;

  private ServiceLevels(Map<Channel, Duration> targets) {
    this.targets = Map.copyOf(targets);
  }

  /** The default targets: voice 20 s, chat 60 s, sms 15 min, social 1 h, email 24 h. */
  public static ServiceLevels defaults() {
    Map<Channel, Duration> targets = new EnumMap<>(Channel.class);
    targets.put(Channel.VOICE, DEFAULT_VOICE);
    targets.put(Channel.CHAT, DEFAULT_CHAT);
    targets.put(Channel.SMS, DEFAULT_SMS);
    targets.put(Channel.SOCIAL, DEFAULT_SOCIAL);
    targets.put(Channel.EMAIL, DEFAULT_EMAIL);
    return new ServiceLevels(targets);
  }

  /** A copy with one channel's base target replaced. */
  public ServiceLevels with(Channel channel, Duration target) {
    Objects.requireNonNull(channel, "channel");
    if (target == null || target.isNegative() || target.isZero()) {
      throw new IllegalArgumentException("service level for " + channel.wireName() + " must be positive");
    }
    Map<Channel, Duration> copy = new EnumMap<>(targets);
    copy.put(channel, target);
    return new ServiceLevels(copy);
  }

  /** The base target of a channel, for {@code NORMAL} and {@code LOW} urgency. */
  public Duration baseTarget(Channel channel) {
    return targets.get(channel);
  }

  /** The first-response target for a channel at an urgency. */
  public Duration targetFor(Channel channel, Urgency urgency) {
    Duration base = targets.get(channel);
    return switch (urgency) {
      case HIGH -> base.dividedBy(2);
      case CRITICAL -> base.dividedBy(4);
      default -> base;
    };
  }

  /** {@link #targetFor} in whole seconds (at least one), for rules. */
  public long targetSeconds(Channel channel, Urgency urgency) {
    return Math.max(1, targetFor(channel, urgency).toSeconds());
  }
}
