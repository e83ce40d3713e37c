package io.omniroute.adapters.twilio;

/**
 * The TwiML answers of the Twilio endpoints (XML, {@code text/xml}), with every value escaped.
 * Stateless and thread-safe.
 */
public final class TwiML {
  private static final String PROLOG = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";

  private TwiML() {}

  /** An answer that does nothing more: an SMS was taken, and nobody replies automatically. */
  public static String empty() {
    return PROLOG + "<Response/>";
  }

  /**
   * Puts the call into the Twilio queue named like the routed queue (at most 64 characters, as
   * Twilio allows); the contact's id goes along in the {@code action} URL that Twilio requests when
   * the call leaves the queue, {@code actionUrl?contactId=ID}.
   */
  public static String enqueue(String queue, String contactId, String actionUrl) {
    if (queue.length() > 64) {
      throw new IllegalArgumentException("a Twilio queue name has at most 64 characters: " + queue);
    }
    return PROLOG + "<Response><Enqueue action=\"" + escape(withContactId(actionUrl, contactId)) + "\">" + escape(queue)
        + "</Enqueue></Response>";
  }

  /**
   * Dials {@code number} at once: a route that needs a human now (the critical central desk).
   * Twilio requests {@code actionUrl?contactId=ID} when the dialled call ends, with its {@code
   * DialCallStatus}.
   */
  public static String dial(String number, String contactId, String actionUrl) {
    return PROLOG + "<Response><Dial action=\"" + escape(withContactId(actionUrl, contactId)) + "\">" + escape(number)
        + "</Dial></Response>";
  }

  private static String withContactId(String url, String contactId) {
    return url + (url.contains("?") ? "&" : "?") + "contactId="
        + java.net.URLEncoder.encode(contactId, java.nio.charset.StandardCharsets.UTF_8);
  }

  /** {@code text} with the five XML special characters escaped. */
  static String escape(String text) {
    StringBuilder escaped = new StringBuilder(text.length() + 16);
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> escaped.append("&lt;");
        case '>' -> escaped.append("&gt;");
        case '&' -> escaped.append("&amp;");
        case '"' -> escaped.append("&quot;");
        case '\'' -> escaped.append("&apos;");
        default -> escaped.append(c);
      }
    }
    return escaped.toString();
  }
}
