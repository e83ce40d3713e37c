package io.omniroute.adapters.social;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The format every network other than Mastodon is posted in, by whatever relays its mentions,
 * comments and messages:
 *
 * <pre>
 * {"postId": "...", "author": {"handle": "...", "name": "..."}, "text": "...", "url": "https://...",
 *  "public": true, "replyTo": "...", "page": "...", "event": "created" | "edited" | "deleted"}
 * </pre>
 *
 * {@code postId} is required; {@code author.handle} and {@code text} for a created or edited post;
 * {@code event} defaults to {@code created}; {@code page} is the page, blog or account the post was
 * made on. A text that contains HTML is read as HTML ({@link HtmlText}), so no markup passes
 * through. Stateless and thread-safe.
 */
public final class GenericPost {
  private GenericPost() {}

  /**
   * The post of {@code network} ({@link SocialFields#NETWORK} form) in the generic format.
   *
   * @throws InvalidSocialPostException naming every missing or malformed field
   */
  public static SocialPost parse(String network, JsonNode body) {
    if (body == null || !body.isObject()) {
      throw new InvalidSocialPostException(List.of("the body must be a JSON object with postId, author, text, ..."));
    }
    List<String> problems = new ArrayList<>();
    SocialEvent event = event(SocialFields.text(body, "event", problems), problems);
    String postId = SocialFields.postId(body, "postId", true, problems);
    if (event == SocialEvent.DELETED) {
      if (!problems.isEmpty()) {
        throw new InvalidSocialPostException(problems);
      }
      return new SocialPost(network, postId, event, null, null, "", null, null, null, null, List.of(), null, null);
    }
    JsonNode author = body.get("author");
    String handle = null;
    String name = null;
    if (author == null || !author.isObject()) {
      problems.add("author is missing: an object with the author's handle (and name)");
    } else {
      handle = SocialFields.handle(SocialFields.text(author, "handle", problems), "author.handle", problems);
      name = SocialFields.name(SocialFields.text(author, "name", problems));
    }
    String raw = SocialFields.text(body, "text", problems);
    if (raw == null && body.get("text") == null) {
      problems.add("text is missing: the words of the post");
    }
    String text = SocialFields.limited(raw == null ? null : plain(raw), "text", problems);
    String url = SocialFields.url(SocialFields.text(body, "url", problems), "url", problems);
    Boolean isPublic = null;
    JsonNode visible = body.get("public");
    if (visible != null && !visible.isNull()) {
      if (visible.isBoolean()) {
        isPublic = visible.booleanValue();
      } else {
        problems.add("public must be true or false");
      }
    }
    String replyTo = SocialFields.postId(body, "replyTo", false, problems);
    String pageText = SocialFields.text(body, "page", problems);
    String page = SocialFields.page(pageText);
    if (pageText != null && page == null) {
      problems.add("page is '" + SocialFields.abbreviated(pageText) + "': a page, blog or account name of 1 to 300"
          + " characters without spaces");
    }
    if (!problems.isEmpty()) {
      throw new InvalidSocialPostException(problems);
    }
    List<String> pages = new ArrayList<>();
    if (page != null) {
      pages.add(page);
    }
    if (handle != null && !pages.contains(handle)) {
      pages.add(handle);
    }
    return new SocialPost(network, postId, event, handle, name, text, null, url, isPublic, replyTo, pages, null, null);
  }

  private static SocialEvent event(String event, List<String> problems) {
    if (event == null) {
      return SocialEvent.CREATED;
    }
    for (SocialEvent known : SocialEvent.values()) {
      if (known.wireName().equals(event)) {
        return known;
      }
    }
    problems.add("event is '" + SocialFields.abbreviated(event) + "': one of created, edited, deleted");
    return SocialEvent.CREATED;
  }

  /** The text as plain text: read as HTML when it looks like markup, else as it is. */
  private static String plain(String text) {
    return text.indexOf('<') >= 0 || text.indexOf('&') >= 0 ? HtmlText.of(text) : text.strip();
  }
}
