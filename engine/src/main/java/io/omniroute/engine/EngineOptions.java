package io.omniroute.engine;

import io.omniroute.engine.auth.AccessTokens;
import io.omniroute.engine.channel.email.EmailOptions;
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
 * @param email how the email channel takes mail (endpoint, mailbox) and sends answers
 */
public record EngineOptions(
    String host, int port, Path directory, ServiceLevels serviceLevels, Duration escalationInterval, int instances,
    AccessTokens tokens, OfferSettings offers, WebhookOptions webhooks, StreamSettings streams, EmailOptions email) {
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
    Objects.requireNonNull(email, "email");
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
   * default offers, webhooks and event streams.
   */
  public static EngineOptions defaults() {
    return new EngineOptions(DEFAULT_HOST, DEFAULT_PORT, null, ServiceLevels.defaults(), DEFAULT_ESCALATION_INTERVAL,
        DEFAULT_INSTANCES, AccessTokens.empty(), OfferSettings.DEFAULTS, WebhookOptions.defaults(),
        StreamSettings.defaults(), EmailOptions.defaults());
  }

  public EngineOptions withPort(int newPort) {
    return new EngineOptions(host, newPort, directory, serviceLevels, escalationInterval, instances, tokens, offers, webhooks, streams, email);
  }

  public EngineOptions withHost(String newHost) {
    return new EngineOptions(newHost, port, directory, serviceLevels, escalationInterval, instances, tokens, offers, webhooks, streams, email);
  }

  public EngineOptions withDirectory(Path newDirectory) {
    return new EngineOptions(host, port, newDirectory, serviceLevels, escalationInterval, instances, tokens, offers, webhooks, streams, email);
  }

  public EngineOptions withServiceLevels(ServiceLevels newServiceLevels) {
    return new EngineOptions(host, port, directory, newServiceLevels, escalationInterval, instances, tokens, offers, webhooks, streams, email);
  }

  public EngineOptions withEscalationInterval(Duration interval) {
    return new EngineOptions(host, port, directory, serviceLevels, interval, instances, tokens, offers, webhooks, streams, email);
  }

  public EngineOptions withInstances(int newInstances) {
    return new EngineOptions(host, port, directory, serviceLevels, escalationInterval, newInstances, tokens, offers, webhooks, streams, email);
  }

  public EngineOptions withTokens(AccessTokens newTokens) {
    return new EngineOptions(host, port, directory, serviceLevels, escalationInterval, instances, newTokens, offers, webhooks, streams, email);
  }

  public EngineOptions withOffers(OfferSettings newOffers) {
    return new EngineOptions(host, port, directory, serviceLevels, escalationInterval, instances, tokens, newOffers, webhooks, streams, email);
  }

  public EngineOptions withWebhooks(WebhookOptions newWebhooks) {
    return new EngineOptions(host, port, directory, serviceLevels, escalationInterval, instances, tokens, offers, newWebhooks, streams, email);
  }

  public EngineOptions withEmail(EmailOptions newEmail) {
    return new EngineOptions(host, port, directory, serviceLevels, escalationInterval, instances, tokens, offers, webhooks, streams, newEmail);
  }

  public EngineOptions withStreams(StreamSettings newStreams) {
    return new EngineOptions(host, port, directory, serviceLevels, escalationInterval, instances, tokens, offers, webhooks, newStreams, email);
  }
}
