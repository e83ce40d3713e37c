package io.omniroute.adapters.social;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The checks every social format shares: post ids, networks, handles, addresses, texts and times,
 * each adding a sentence to the problems when a value is wrong. Stateless and thread-safe.
 */
final class SocialFields {
  /** A network's name, as customer profiles name it. */
  static final Pattern NETWORK = Pattern.compile("[a-z0-9][a-z0-9._-]{0,31}");
  /** A handle, optionally with the instance it lives on ({@code user@instance}), as profiles store it. */
  static final Pattern HANDLE = Pattern.compile("[\\p{L}\\p{N}._-]{1,64}(@[\\p{L}\\p{N}.-]{1,190})?");
  private static final Pattern POST_ID = Pattern.compile("[A-Za-z0-9._:@/+=-]{1,200}");
  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");
  private static final int MAX_URL = 500;
  private static final int MAX_NAME = 200;
  private static final int MAX_PAGE = 300;
  private static final int MAX_SUBJECT = 1000;

  private SocialFields() {}

  /** The network's name lower-cased; fails when it is no name. */
  static String network(String network) {
    String name = network == null ? "" : network.strip().toLowerCase(Locale.ROOT);
    if (!NETWORK.matcher(name).matches()) {
      throw new InvalidSocialPostException(List.of("the network '" + network + "' is no network name: lower-case"
          + " letters, digits and . _ -, at most 32, such as mastodon or instagram"));
    }
    return name;
  }

  /** A text field; {@code null} when absent or JSON null, a problem when not a string. */
  static String text(JsonNode node, String field, List<String> problems) {
    JsonNode value = node == null ? null : node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      problems.add(field + " must be a string, is " + value.getNodeType().name().toLowerCase(Locale.ROOT));
      return null;
    }
    return value.asText();
  }

  /** A post id: a non-empty string (or an integer) of at most 200 characters without spaces. */
  static String postId(JsonNode node, String field, boolean required, List<String> problems) {
    JsonNode value = node == null ? null : node.get(field);
    if (value == null || value.isNull()) {
      if (required) {
        problems.add(field + " is missing: the network's id of the post");
      }
      return null;
    }
    String id = value.isIntegralNumber() ? value.asText() : value.isTextual() ? value.asText() : null;
    if (id == null || !POST_ID.matcher(id).matches()) {
      problems.add(field + " is " + shown(value) + ": a post id of 1 to 200 letters, digits and ._:@/+=-");
      return null;
    }
    return id;
  }

  /** A handle without a leading {@code @}, lower-cased; a problem when it is none. */
  static String handle(String text, String field, List<String> problems) {
    if (text == null) {
      problems.add(field + " is missing: the author's handle");
      return null;
    }
    String handle = text.strip();
    if (handle.startsWith("@")) {
      handle = handle.substring(1);
    }
    handle = handle.toLowerCase(Locale.ROOT);
    if (!HANDLE.matcher(handle).matches()) {
      problems.add(field + " is '" + abbreviated(text) + "': a handle of letters, digits and . _ -, at most 64,"
          + " optionally with @instance");
      return null;
    }
    return handle;
  }

  /** A page, blog or account name normalised as partner channels store it; {@code null} when it is none. */
  static String page(String text) {
    if (text == null) {
      return null;
    }
    String page = text.strip();
    if (page.startsWith("@")) {
      page = page.substring(1);
    }
    page = page.toLowerCase(Locale.ROOT);
    return page.isEmpty() || page.length() > MAX_PAGE || page.chars().anyMatch(c -> Character.isWhitespace(c)
        || Character.isISOControl(c)) ? null : page;
  }

  /** An http(s) address of at most 500 characters, or {@code null}; a problem when it is another thing. */
  static String url(String text, String field, List<String> problems) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    try {
      URI uri = new URI(text);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && text.length() <= MAX_URL) {
        return text;
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    problems.add(field + " is '" + abbreviated(text) + "': an http or https address of at most " + MAX_URL + " characters");
    return null;
  }

  /** The host of an http(s) address, lower-cased, or {@code null}. */
  static String host(String url) {
    if (url == null) {
      return null;
    }
    try {
      String host = new URI(url).getHost();
      return host == null ? null : host.toLowerCase(Locale.ROOT);
    } catch (URISyntaxException e) {
      return null;
    }
  }

  /** A plain text within the contact's limit. */
  static String limited(String text, String field, List<String> problems) {
    if (text != null && text.length() > SocialPost.MAX_TEXT) {
      problems.add(field + " has " + text.length() + " characters as text; at most " + SocialPost.MAX_TEXT);
      return null;
    }
    return text;
  }

  /** A content warning or title within the contact's subject limit. */
  static String subject(String text, String field, List<String> problems) {
    if (text != null && text.length() > MAX_SUBJECT) {
      problems.add(field + " has " + text.length() + " characters; at most " + MAX_SUBJECT);
      return null;
    }
    return text;
  }

  /** A display name, cut to 200 characters: it only helps an agent. */
  static String name(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String name = text.strip();
    return name.length() <= MAX_NAME ? name : name.substring(0, MAX_NAME);
  }

  /** A BCP 47 language such as {@code de} or {@code en-GB}, or {@code null} when it is none. */
  static String language(String text) {
    return text != null && LANGUAGE.matcher(text).matches() ? text : null;
  }

  /** An ISO-8601 time with offset, or {@code null} when absent or unreadable (it only dates a history entry). */
  static Instant time(String text) {
    if (text == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  static String shown(JsonNode value) {
    return value.isTextual() ? "'" + abbreviated(value.asText()) + "'" : abbreviated(value.toString());
  }

  static String abbreviated(String text) {
    return text.length() <= 80 ? text : text.substring(0, 80) + "...";
  }
}
