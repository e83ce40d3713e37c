package io.omniroute.engine.channel.twilio;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * How the Twilio-compatible voice and SMS endpoints run. They are on only when an auth token is
 * configured ({@code OMNIROUTE_TWILIO_AUTH_TOKEN}): Twilio sends no bearer token, so its request
 * signature, made with that token, is their only authentication. Immutable.
 *
 * @param authToken the account's auth token; {@code null} turns the endpoints off
 * @param publicUrl the base URL Twilio calls (the engine may sit behind a proxy): the signature is
 *     made over it, and the TwiML's action URLs start with it; required with a token ({@link #requireComplete})
 * @param smsJoinWindow how long after an SMS a later one between the same two numbers still joins its conversation
 * @param dialNumbers the routed queues whose calls are dialled at once to a number instead of
 *     waiting in a queue (the critical central desk), by queue name
 */
public record TwilioOptions(String authToken, URI publicUrl, Duration smsJoinWindow, Map<String, String> dialNumbers) {
  public static final Duration DEFAULT_SMS_JOIN_WINDOW = Duration.ofHours(24);
  private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

  public TwilioOptions {
    dialNumbers = Map.copyOf(dialNumbers);
    if (smsJoinWindow.isNegative() || smsJoinWindow.isZero()) {
      throw new IllegalArgumentException("the SMS join window must be positive, got " + smsJoinWindow);
    }
    dialNumbers.forEach((queue, number) -> {
      if (!E164.matcher(number).matches()) {
        throw new IllegalArgumentException("twilio.dialNumbers." + queue + " must be an E.164 number such as"
            + " +498912345678, got '" + number + "'");
      }
    });
    if (publicUrl != null && (publicUrl.getScheme() == null || !publicUrl.getScheme().matches("https?")
        || publicUrl.getHost() == null || publicUrl.getRawQuery() != null)) {
      throw new IllegalArgumentException("the Twilio public URL must be an http(s) URL without a query, such as"
          + " https://omniroute.example.com, got '" + publicUrl + "'");
    }
  }

  /** Fails when the endpoints are on without the public URL their signatures are checked against. */
  public TwilioOptions requireComplete() {
    if (authToken != null && publicUrl == null) {
      throw new IllegalArgumentException("the Twilio endpoints need the public URL Twilio calls them by:"
          + " set OMNIROUTE_PUBLIC_URL or channels.twilio.publicUrl");
    }
    return this;
  }

  /** Off: no token, the default join window, no dial numbers. */
  public static TwilioOptions off() {
    return new TwilioOptions(null, null, DEFAULT_SMS_JOIN_WINDOW, Map.of());
  }

  /** Whether the endpoints are on. */
  public boolean enabled() {
    return authToken != null;
  }

  /** The URL Twilio requested for {@code pathAndQuery} as the engine sees it ({@code /v1/channels/twilio/sms?x=1}). */
  public String publicUrlOf(String pathAndQuery) {
    String base = publicUrl.toString();
    return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + pathAndQuery;
  }

  public TwilioOptions withAuthToken(String token) {
    return new TwilioOptions(token == null || token.isBlank() ? null : token.strip(), publicUrl, smsJoinWindow, dialNumbers);
  }

  public TwilioOptions withPublicUrl(URI url) {
    return new TwilioOptions(authToken, url, smsJoinWindow, dialNumbers);
  }

  public TwilioOptions withSmsJoinWindow(Duration window) {
    return new TwilioOptions(authToken, publicUrl, window, dialNumbers);
  }

  public TwilioOptions withDialNumbers(Map<String, String> numbers) {
    return new TwilioOptions(authToken, publicUrl, smsJoinWindow, numbers);
  }

  @Override
  public String toString() {
    return "TwilioOptions[authToken=" + (authToken == null ? "none" : "***") + ", publicUrl=" + publicUrl
        + ", smsJoinWindow=" + smsJoinWindow + ", dialNumbers=" + dialNumbers + "]";
  }
}
