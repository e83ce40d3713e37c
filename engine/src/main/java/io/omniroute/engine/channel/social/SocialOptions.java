package io.omniroute.engine.channel.social;

/**
 * How the social media channel runs: on by default ({@code social: {enabled: true}} in the config
 * file). Immutable.
 *
 * @param enabled whether {@code POST /v1/channels/social/{network}} takes posts; when off it answers 404
 */
public record SocialOptions(boolean enabled) {
  /** The default: on. */
  public static final SocialOptions DEFAULTS = new SocialOptions(true);
}
