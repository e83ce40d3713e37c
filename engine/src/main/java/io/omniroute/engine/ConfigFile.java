package io.omniroute.engine;

import io.omniroute.adapters.chat.ChatLimits;
import io.omniroute.engine.channel.chat.ChatSettings;
import io.omniroute.engine.channel.social.SocialOptions;
import io.omniroute.engine.channel.email.EmailConfig;
import io.omniroute.engine.delivery.OfferSettings;
import io.omniroute.engine.delivery.OfferStrategy;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.omniroute.engine.stream.Retention;
import io.omniroute.engine.stream.StreamSettings;
import io.omniroute.rules.ServiceLevels;
import io.omniroute.rules.model.Channel;
import io.omniroute.engine.channel.twilio.TwilioOptions;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The engine's YAML config file ({@code --config FILE}); every key is optional:
 *
 * <pre>
 * host: 0.0.0.0
 * port: 8480
 * directory: directory.yaml        # relative to this file
 * instances: 2                     # HTTP event loops
 * escalationIntervalMillis: 500
 * serviceLevels: {voice: 20, chat: 60, sms: 900, social: 3600, email: 86400}   # seconds
 * offerTimeouts: {voice: 20, chat: 60, email: 300, sms: 300, social: 300}      # seconds to answer an offer
 * offerStrategies: {"central": least-busy, "dealer:DE-MUC-001": round-robin}  # default longest-idle
 * webhooks: {allowPrivateAddresses: false}   # true: receivers on loopback and private networks too
 * eventStreams:
 *   replayEvents: 10000             # each stream keeps at least its last 10,000 events
 *   replaySeconds: 900              # and at least its events of the last 15 minutes
 *   heartbeatSeconds: 15            # a comment (SSE) or ping (WebSocket) on idle connections
 *   reconnectMillis: 2000           # the SSE retry: a client waits before it reconnects
 * channels:
 *   twilio:                         # on when an auth token is set (env OMNIROUTE_TWILIO_AUTH_TOKEN or authTokenFile)
 *     publicUrl: https://omniroute.example.com   # the base URL Twilio calls (env OMNIROUTE_PUBLIC_URL)
 *     authTokenFile: /run/secrets/twilio-auth-token
 *     smsJoinWindowMinutes: 1440    # a later SMS of the same two numbers joins the conversation within this
 *     dialNumbers: {central: "+498920000001"}   # calls routed to these queues are dialled, not enqueued
 *   chat:                           # the web chat socket (docs/channels.md, Web chat)
 *     allowedOrigins: [https://www.autohaus-muenchen.de] # default: any origin
 *     maxFrameBytes: 16384          # a larger frame closes the socket (1009)
 *     maxTextChars: 4000            # a longer message gets an error frame
 *     burstFrames: 20               # frames at once; more than the rate closes the socket (4429)
 *     framesPerSecond: 2            # frames per second in the long run
 *   social: {enabled: true}         # false: POST /v1/channels/social/{network} answers 404
 *   email:                          # see EmailConfig: enabled, maxMessageBytes, imap, smtp
 *     maxMessageBytes: 10485760     # the largest raw message (413 above it)
 * </pre>
 *
 * Stateless.
 */
final class ConfigFile {
  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private ConfigFile() {}

  record Values(
      String host, Integer port, String directory, Integer instances, Long escalationIntervalMillis,
      Map<String, Long> serviceLevels, Map<String, Long> offerTimeouts, Map<String, String> offerStrategies,
      Webhooks webhooks, EventStreamValues eventStreams, Channels channels) {}

  /** The {@code channels} section: one entry per adapter. */
  record Channels(TwilioValues twilio, ChatValues chat, SocialValues social, EmailConfig email) {}

  /** The {@code channels.twilio} section; every key optional. */
  record TwilioValues(String publicUrl, String authTokenFile, Long smsJoinWindowMinutes, Map<String, String> dialNumbers) {}

  /** The {@code channels.chat} section; every key optional. */
  record ChatValues(
      List<String> allowedOrigins, Integer maxFrameBytes, Integer maxTextChars, Integer burstFrames,
      Double framesPerSecond) {}

  /** The {@code channels.social} section. */
  record SocialValues(Boolean enabled) {}

  /** The {@code webhooks} section. */
  record Webhooks(Boolean allowPrivateAddresses) {}

  /** The {@code eventStreams} section; every key optional. */
  record EventStreamValues(Integer replayEvents, Long replaySeconds, Long heartbeatSeconds, Long reconnectMillis) {}

  /** Applies a config file on top of {@code base}. */
  static EngineOptions apply(Path file, EngineOptions base) {
    Values values;
    try {
      values = YAML.readValue(Files.readAllBytes(file), Values.class);
    } catch (UnrecognizedPropertyException e) {
      throw new ConfigException("Config " + file + ": unknown key '" + e.getPropertyName() + "': allowed keys are "
          + e.getKnownPropertyIds());
    } catch (JsonProcessingException e) {
      throw new ConfigException("Config " + file + ": invalid YAML at line " + e.getLocation().getLineNr() + ": "
          + e.getOriginalMessage());
    } catch (IOException e) {
      throw new ConfigException("Config " + file + ": cannot read: " + e);
    }
    if (values == null) {
      return base;
    }
    EngineOptions options = base;
    try {
      if (values.host() != null) {
        options = options.withHost(values.host());
      }
      if (values.port() != null) {
        options = options.withPort(values.port());
      }
      if (values.directory() != null) {
        Path parent = file.toAbsolutePath().getParent();
        options = options.withDirectory(parent.resolve(values.directory()));
      }
      if (values.instances() != null) {
        options = options.withInstances(values.instances());
      }
      if (values.escalationIntervalMillis() != null) {
        options = options.withEscalationInterval(Duration.ofMillis(values.escalationIntervalMillis()));
      }
      if (values.serviceLevels() != null) {
        ServiceLevels levels = options.serviceLevels();
        for (Map.Entry<String, Long> entry : values.serviceLevels().entrySet()) {
          if (entry.getValue() == null) {
            throw new IllegalArgumentException("serviceLevels." + entry.getKey() + " needs a number of seconds");
          }
          levels = levels.with(Channel.fromWire(entry.getKey()), Duration.ofSeconds(entry.getValue()));
        }
        options = options.withServiceLevels(levels);
      }
      options = options.withOffers(offers(values, options.offers()));
      if (values.webhooks() != null && values.webhooks().allowPrivateAddresses() != null) {
        options = options.withWebhooks(options.webhooks()
            .withAllowPrivateAddresses(values.webhooks().allowPrivateAddresses()));
      }
      if (values.channels() != null && values.channels().email() != null) {
        options = options.withEmail(values.channels().email().applyTo(options.email(), file.toAbsolutePath().getParent()));
      }
      if (values.eventStreams() != null) {
        options = options.withStreams(streams(values.eventStreams(), options.streams()));
      }
      if (values.channels() != null && values.channels().twilio() != null) {
        options = options.withTwilio(twilio(values.channels().twilio(), options.twilio(), file));
      }
      if (values.channels() != null && values.channels().chat() != null) {
        options = options.withChat(chat(values.channels().chat(), options.chat()));
      }
      if (values.channels() != null && values.channels().social() != null && values.channels().social().enabled() != null) {
        options = options.withSocial(new SocialOptions(values.channels().social().enabled()));
      }
    } catch (IllegalArgumentException e) {
      throw new ConfigException("Config " + file + ": " + e.getMessage());
    }
    return options;
  }

  private static TwilioOptions twilio(TwilioValues values, TwilioOptions base, Path file) {
    TwilioOptions twilio = base;
    if (values.publicUrl() != null) {
      twilio = twilio.withPublicUrl(uri(values.publicUrl(), "channels.twilio.publicUrl"));
    }
    if (values.smsJoinWindowMinutes() != null) {
      twilio = twilio.withSmsJoinWindow(Duration.ofMinutes(values.smsJoinWindowMinutes()));
    }
    if (values.dialNumbers() != null) {
      twilio = twilio.withDialNumbers(values.dialNumbers());
    }
    if (values.authTokenFile() != null) {
      Path tokenFile = file.toAbsolutePath().getParent().resolve(values.authTokenFile());
      try {
        twilio = twilio.withAuthToken(Files.readString(tokenFile));
      } catch (IOException e) {
        throw new IllegalArgumentException("channels.twilio.authTokenFile: cannot read " + tokenFile + ": " + e);
      }
    }
    return twilio;
  }

  /** {@code text} as a URI, or a message naming {@code key}. */
  static URI uri(String text, String key) {
    try {
      return new URI(text.strip());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(key + " is not a URL: " + e.getMessage());
    }
  }

  private static OfferSettings offers(Values values, OfferSettings base) {
    OfferSettings offers = base;
    if (values.offerTimeouts() != null) {
      for (Map.Entry<String, Long> entry : values.offerTimeouts().entrySet()) {
        if (entry.getValue() == null || entry.getValue() < 1) {
          throw new IllegalArgumentException("offerTimeouts." + entry.getKey() + " needs a positive number of seconds");
        }
        offers = offers.withTimeout(Channel.fromWire(entry.getKey()).wireName(), Duration.ofSeconds(entry.getValue()));
      }
    }
    if (values.offerStrategies() != null) {
      for (Map.Entry<String, String> entry : values.offerStrategies().entrySet()) {
        OfferStrategy strategy = OfferStrategy.fromWire(entry.getValue()).orElseThrow(() -> new IllegalArgumentException(
            "offerStrategies." + entry.getKey() + " is '" + entry.getValue()
                + "'; use longest-idle, least-busy or round-robin"));
        offers = offers.withStrategy(entry.getKey(), strategy);
      }
    }
    return offers;
  }

  private static StreamSettings streams(EventStreamValues values, StreamSettings base) {
    StreamSettings settings = base;
    Retention retention = settings.retention();
    if (values.replayEvents() != null) {
      retention = new Retention(values.replayEvents(), retention.age());
    }
    if (values.replaySeconds() != null) {
      retention = new Retention(retention.events(), Duration.ofSeconds(values.replaySeconds()));
    }
    settings = settings.withRetention(retention);
    if (values.heartbeatSeconds() != null) {
      settings = settings.withHeartbeat(Duration.ofSeconds(values.heartbeatSeconds()));
    }
    if (values.reconnectMillis() != null) {
      settings = settings.withReconnectDelay(Duration.ofMillis(values.reconnectMillis()));
    }
    return settings;
  }

  private static ChatSettings chat(
      ChatValues values, ChatSettings base) {
    ChatLimits limits = base.limits();
    limits = new ChatLimits(
        values.maxFrameBytes() != null ? values.maxFrameBytes() : limits.maxFrameBytes(),
        values.maxTextChars() != null ? values.maxTextChars() : limits.maxTextChars(),
        values.burstFrames() != null ? values.burstFrames() : limits.burstFrames(),
        values.framesPerSecond() != null ? values.framesPerSecond() : limits.framesPerSecond());
    ChatSettings settings = base.withLimits(limits);
    if (values.allowedOrigins() != null) {
      if (values.allowedOrigins().stream().anyMatch(origin -> origin == null || !origin.matches("https?://[^/\\s]+"))) {
        throw new IllegalArgumentException("chat.allowedOrigins are origins such as https://www.example.com"
            + " (scheme and host, no path), got " + values.allowedOrigins());
      }
      settings = settings.withAllowedOrigins(values.allowedOrigins());
    }
    return settings;
  }

  /** A config file that cannot be used; the message names the file and the problem. */
  static final class ConfigException extends RuntimeException {
    ConfigException(String message) {
      super(message);
    }
  }
}
