package io.omniroute.adapters.twilio;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code X-Twilio-Signature} of a form-encoded webhook, as Twilio computes it: Base64 of the
 * HMAC-SHA1, keyed with the account's auth token, of the full URL Twilio called followed by every
 * POST parameter sorted by name, each as its name and then its value (a repeated parameter once per
 * value, in the order sent). The URL is the public one Twilio was given, which the engine cannot see
 * behind a proxy, so the caller passes it. Stateless and thread-safe.
 */
public final class TwilioSignature {
  private static final String HEADER = "X-Twilio-Signature";

  private TwilioSignature() {}

  /** The name of the header Twilio sends the signature in. */
  public static String header() {
    return HEADER;
  }

  /** The signature Twilio sends for a request to {@code url} with {@code params}. */
  public static String sign(String authToken, String url, Map<String, List<String>> params) {
    StringBuilder signed = new StringBuilder(url);
    new TreeMap<>(params).forEach((name, values) -> values.forEach(value -> signed.append(name).append(value)));
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(authToken.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
      return Base64.getEncoder().encodeToString(mac.doFinal(signed.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HMAC-SHA1 is not available in this JVM", e);
    }
  }

  /**
   * Whether {@code signature} (the header's value; {@code null} when it was missing) is the one
   * Twilio sends for this request. Compared in constant time, so a forger learns nothing from how
   * long the answer takes.
   */
  public static boolean verify(String authToken, String url, Map<String, List<String>> params, String signature) {
    if (signature == null || signature.isEmpty() || authToken == null || authToken.isEmpty()) {
      return false;
    }
    byte[] expected = sign(authToken, url, params).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII));
  }
}
