package io.omniroute.adapters.twilio;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An {@code application/x-www-form-urlencoded} body, as telephony platforms post their webhooks:
 * each parameter with its values in the order sent. Immutable.
 */
public final class FormBody {
  private final Map<String, List<String>> params;

  private FormBody(Map<String, List<String>> params) {
    this.params = Collections.unmodifiableMap(params);
  }

  /**
   * Reads a body in UTF-8; {@code +} is a space, {@code %XX} a byte.
   *
   * @throws InvalidTwilioRequestException when an escape is malformed
   */
  public static FormBody parse(String body) {
    Map<String, List<String>> params = new LinkedHashMap<>();
    if (body != null && !body.isEmpty()) {
      for (String pair : body.split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int equals = pair.indexOf('=');
        String name = decode(equals < 0 ? pair : pair.substring(0, equals));
        String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
        params.computeIfAbsent(name, key -> new ArrayList<>()).add(value);
      }
    }
    params.replaceAll((name, values) -> List.copyOf(values));
    return new FormBody(params);
  }

  /** Every parameter with its values, in the order first sent. */
  public Map<String, List<String>> params() {
    return params;
  }

  /** The first value of {@code name}, or {@code null} when it was not sent. */
  public String first(String name) {
    List<String> values = params.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new InvalidTwilioRequestException(List.of("the form body has a malformed escape in '" + text + "'"));
    }
  }
}
