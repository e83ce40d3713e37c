package io.omniroute.engine.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads request bodies as the contract defines them, strictly: JSON (RFC 8259) in UTF-8, sent as
 * {@code application/json} (optionally with {@code charset=utf-8}) without a content coding, each
 * key at most once per object, numbers kept exact (a fraction or an exponent becomes a {@link
 * java.math.BigDecimal}, so {@code 1e400} is a number too large for any field rather than
 * infinity, and {@code 1.0} stays comparable with the integer 1). Stateless and thread-safe.
 * Public for the benchmarks ({@code loadtest}: {@code ValidationBenchmark}).
 */
public final class JsonBodies {
  /** The one media type the API reads. */
  static final String MEDIA_TYPE = "application/json";
  private static final ObjectReader READER = new ObjectMapper(JsonFactory.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .build())
      .reader()
      .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
  private static final Pattern DUPLICATE = Pattern.compile("^Duplicate field '(.*)'$");

  private JsonBodies() {}

  /** A body that is not the JSON the contract accepts; the message says what is wrong and where. */
  public static final class MalformedJsonException extends Exception {
    MalformedJsonException(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * The JSON value of a body.
   *
   * @throws MalformedJsonException when the body is not one JSON value in UTF-8, or repeats a key
   */
  public static JsonNode read(byte[] body) throws MalformedJsonException {
    if (looksLikeUtf16Or32(body)) {
      throw new MalformedJsonException("The body is not UTF-8: send JSON encoded as UTF-8.");
    }
    JsonNode json;
    try {
      json = READER.readTree(body);
    } catch (JsonProcessingException e) {
      throw new MalformedJsonException(describe(e));
    } catch (IOException e) {
      throw new MalformedJsonException("The body could not be read as JSON: send one JSON object.");
    }
    if (json == null || json.isMissingNode()) {
      throw new MalformedJsonException("The body is empty: send one JSON object.");
    }
    return json;
  }

  /**
   * What is wrong with a request's {@code Content-Type} for a JSON body, if anything: it must be
   * {@code application/json}, in any case, with no parameter but {@code charset=utf-8}.
   */
  static Optional<String> mediaTypeProblem(String contentType) {
    String refusal = "Send the body as Content-Type: " + MEDIA_TYPE + " (UTF-8; the only parameter allowed is"
        + " charset=utf-8)" + (contentType == null ? "." : ", not '" + contentType + "'.");
    if (contentType == null) {
      return Optional.of(refusal);
    }
    String[] parts = contentType.split(";", -1);
    if (!parts[0].strip().toLowerCase(Locale.ROOT).equals(MEDIA_TYPE)) {
      return Optional.of(refusal);
    }
    for (int i = 1; i < parts.length; i++) {
      String parameter = parts[i].strip();
      int equals = parameter.indexOf('=');
      if (equals < 0 || !parameter.substring(0, equals).strip().equalsIgnoreCase("charset")
          || !unquote(parameter.substring(equals + 1).strip()).equalsIgnoreCase("utf-8")) {
        return Optional.of(refusal);
      }
    }
    return Optional.empty();
  }

  /** What is wrong with a request's {@code Content-Encoding}, if anything: none or {@code identity} only. */
  static Optional<String> encodingProblem(String contentEncoding) {
    if (contentEncoding == null || contentEncoding.isBlank() || contentEncoding.strip().equalsIgnoreCase("identity")) {
      return Optional.empty();
    }
    return Optional.of("Content-Encoding '" + contentEncoding + "' is not supported: send the body uncompressed,"
        + " without a Content-Encoding header.");
  }

  private static String unquote(String value) {
    return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
        ? value.substring(1, value.length() - 1)
        : value;
  }

  /** Jackson reads UTF-16 and UTF-32 too when it finds their zero bytes; RFC 8259 allows UTF-8 only. */
  private static boolean looksLikeUtf16Or32(byte[] body) {
    if (body.length >= 2 && ((body[0] == (byte) 0xFE && body[1] == (byte) 0xFF)
        || (body[0] == (byte) 0xFF && body[1] == (byte) 0xFE))) {
      return true;
    }
    for (int i = 0; i < Math.min(4, body.length); i++) {
      if (body[i] == 0) {
        return true;
      }
    }
    return false;
  }

  private static String describe(JsonProcessingException e) {
    JsonLocation location = e.getLocation();
    String where = location == null ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    String original = String.valueOf(e.getOriginalMessage()).lines().findFirst().orElse("");
    Matcher duplicate = DUPLICATE.matcher(original);
    if (duplicate.matches()) {
      return "The body is not valid JSON for this API: the key '" + duplicate.group(1)
          + "' appears more than once in one object" + where + ". Send each key once.";
    }
    return "The body is not valid JSON" + where + ": " + original + ". Send one JSON object.";
  }
}
