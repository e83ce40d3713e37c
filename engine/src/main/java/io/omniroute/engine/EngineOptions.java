package io.omniroute.engine;

import io.omniroute.engine.auth.AccessTokens;
import io.omniroute.engine.channel.ChannelOptions;
import io.omniroute.engine.channel.chat.ChatSettings;
import io.omniroute.engine.channel.email.EmailOptions;
import io.omniroute.engine.channel.social.SocialOptions;
import io.omniroute.engine.channel.twilio.TwilioOptions;
import io.omniroute.engine.delivery.OfferSettings;
import io.omniroute.engine.stream.StreamSettings;
import io.omniroute.engine.webhook.WebhookOptions;
import io.omniroute.rules.ServiceLevels;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How an engine runs. Immutable; built by {@link Main} from the command line, environment
 * variables ({@code OMNIROUTE_*}) and an optional config file, in that order of precedence.
 *
 * @param host the address to listen on
 * @param port the HTTP port; 0 picks a free one (tests)
 * @param directory the directory YAML file, or {@code null} for the bundled sample
 * @param serviceLevels first-response targets per channel
 * @param escalationInterval how often deadlines are checked
 * @param instances HTTP verticle instances (event loops serving requests)
 * @param tokens the bearer tokens the API accepts; none by default, so every request that needs a
 *     token is refused
 * @param offers how contacts are offered to agents: timeouts per channel, strategies per queue
 * @param webhooks how webhook receivers are checked and deliveries retried
 * @param streams how the event streams keep events for replay and keep connections alive
 * @param channels the channel adapters' settings: Twilio, email, web chat, social media
 */
public record EngineOptions(
    String host, int port, Path directory, ServiceLevels serviceLevels, Duration escalationInterval, int instances,
    AccessTokens tokens, OfferSettings offers, WebhookOptions webhooks, StreamSettings streams, ChannelOptions channels) {
  public static final String DEFAULT_HOST = "0.0.0.0";
  public static final int DEFAULT_PORT = 8480;
  public static final Duration DEFAULT_ESCALATION_INTERVAL = Duration.ofMillis(500);
  public static final int DEFAULT_INSTANCES = Runtime.getRuntime().availableProcessors();

  public EngineOptions {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(serviceLevels, "serviceLevels");
    Objects.requireNonNull(escalationInterval, "escalationInterval");
    Objects.requireNonNull(tokens, "tokens");
    Objects.requireNonNull(offers, "offers");
    Objects.requireNonNull(webhooks, "webhooks");
    Objects.requireNonNull(streams, "streams");
    Objects.requireNonNull(channels, "channels");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
    }
    if (instances < 1) {
      throw new IllegalArgumentException("instances must be at least 1, got " + instances);
    }
    if (escalationInterval.isZero() || escalationInterval.isNegative()) {
      throw new IllegalArgumentException("escalation interval must be positive");
    }
  }

  /**
   * The defaults: port 8480 on all interfaces, the bundled sample directory, default service levels,
   * no tokens (nothing but the health checks is allowed until {@link #withTokens} adds some), and the
   * default offers, webhooks, event streams and channel adapters (Twilio off).
   */
  public static EngineOptions defaults() {
    return new EngineOptions(DEFAULT_HOST, DEFAULT_PORT, null, ServiceLevels.defaults(), DEFAULT_ESCALATION_INTERVAL,
        DEFAULT_INSTANCES, AccessTokens.empty(), OfferSettings.DEFAULTS, WebhookOptions.defaults(),
        StreamSettings.defaults(), ChannelOptions.defaults());
  }

  public EngineOptions withPort(int newPort) {
    return new EngineOptions(host, newPort, directory, serviceLevels, escalationInterval, instances, tokens, offers, webhooks, streams, channels);
  }

  public EngineOptions withHost(String newHost) {
    return new EngineOptions(newHost, port, directory, serviceLevels, escalationInterval, instances, tokens, offers, webhooks, streams, channels);
  }

  public EngineOptions withDirectory(Path newDirectory) {
    return new EngineOptions(host, port, newDirectory, serviceLevels, escalationInterval, instances, tokens, offers, webhooks, streams, channels);
  }

  public EngineOptions withServiceLevels(ServiceLevels newServiceLevels) {
    return new EngineOptions(host, port, directory, newServiceLevels, escalationInterval, instances, tokens, offers, webhooks, streams, channels);
  }

  public EngineOptions withEscalationInterval(Duration interval) {
    return new EngineOptions(host, port, directory, serviceLevels, interval, instances, tokens, offers, webhooks, streams, channels);
  }

  public EngineOptions withInstances(int newInstances) {
    return new EngineOptions(host, port, directory, serviceLevels, escalationInterval, newInstances, tokens, offers, webhooks, streams, channels);
  }

  public EngineOptions withTokens(AccessTokens newTokens) {
    return new EngineOptions(host, port, directory, serviceLevels, escalationInterval, instances, newTokens, offers, webhooks, streams, channels);
  }

  public EngineOptions withOffers(OfferSettings newOffers) {
    return new EngineOptions(host, port, directory, serviceLevels, escalationInterval, instances, tokens, newOffers, webhooks, streams, channels);
  }

  public EngineOptions withWebhooks(WebhookOptions newWebhooks) {
    return new EngineOptions(host, port, directory, serviceLevels, escalationInterval, instances, tokens, offers, newWebhooks, streams, channels);
  }

  public EngineOptions withStreams(StreamSettings newStreams) {
    return new EngineOptions(host, port, directory, serviceLevels, escalationInterval, instances, tokens, offers, webhooks, newStreams, channels);
  }

  public EngineOptions withChannels(ChannelOptions newChannels) {
    return new EngineOptions(host, port, directory, serviceLevels, escalationInterval, instances, tokens, offers, webhooks, streams, newChannels);
  }

  public EngineOptions withChat(ChatSettings chat) {
    return withChannels(channels.withChat(chat));
  }

  public EngineOptions withTwilio(TwilioOptions twilio) {
    return withChannels(channels.withTwilio(twilio));
  }

  public EngineOptions withSocial(SocialOptions social) {
    return withChannels(channels.withSocial(social));
  }

  public EngineOptions withEmail(EmailOptions email) {
    return withChannels(channels.withEmail(email));
  }

  /** How the email channel takes mail (endpoint, mailbox) and sends answers. */
  public EmailOptions email() {
    return channels.email();
  }

  /** The social media channel's settings. */
  public SocialOptions social() {
    return channels.social();
  }

  /** The web chat settings. */
  public ChatSettings chat() {
    return channels.chat();
  }

  /** The Twilio endpoints' settings. */
  public TwilioOptions twilio() {
    return channels.twilio();
  }
}
