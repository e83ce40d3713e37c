package io.omniroute.engine.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@value #HEADER} header of a delivery attempt: {@code t=<unix seconds>,v1=<hex>}, where the
 * hex is the lower-case HMAC-SHA256, keyed with the webhook's secret (its UTF-8 bytes), of the
 * seconds, a dot and the request body exactly as sent. {@code t} is the time of that attempt, so a
 * receiver can refuse replays of old requests. Stateless and thread-safe.
 */
public final class WebhookSignature {
  /** The header that carries the signature. */
  public static final String HEADER = "Omniroute-Signature";
  private static final String ALGORITHM = "HmacSHA256";

  private WebhookSignature() {}

  /** The header value for {@code body} sent at {@code epochSeconds} to a webhook with {@code secret}. */
  public static String header(String secret, long epochSeconds, String body) {
    return "t=" + epochSeconds + ",v1=" + hmac(secret, epochSeconds + "." + body);
  }

  /** The lower-case hex HMAC-SHA256 of {@code message} keyed with {@code secret}. */
  public static String hmac(String secret, String message) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
      return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available in this JVM", e);
    }
  }
}
