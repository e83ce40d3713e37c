package io.omniroute.adapters.social;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Mastodon's Status entity as its webhooks and streaming API deliver it, read into a {@link
 * SocialPost}. Three shapes are taken:
 *
 * <ul>
 *   <li>a bare Status: a post was made;
 *   <li>a webhook event {@code {"event": "status.created" | "status.updated", "created_at", "object": Status}};
 *   <li>a streaming event {@code {"event": "update" | "status.update", "payload": Status}} (the
 *       payload as an object or as the JSON text the stream sends) or {@code {"event": "delete",
 *       "payload": "<status id>"}}.
 * </ul>
 *
 * From the Status: {@code id}, {@code url} (else {@code uri}), {@code account.acct} (a local
 * account's {@code user} gets the instance of {@code account.url}: {@code user@instance}), {@code
 * account.display_name}, the HTML {@code content} as plain text ({@link HtmlText}), {@code
 * spoiler_text} as the subject, {@code visibility} ({@code public} and {@code unlisted} are public,
 * {@code private} and {@code direct} are not), {@code in_reply_to_id}, {@code language}, {@code
 * created_at} or {@code edited_at}. The pages the post is on are its author, the account it
 * answers ({@code in_reply_to_account_id} among {@code mentions}) and the accounts it mentions.
 * Stateless and thread-safe.
 */
public final class MastodonStatus {
  /** The network name under which Mastodon's own format is taken. */
  public static final String NETWORK = "mastodon";
  private static final ObjectMapper JSON = new ObjectMapper();

  private MastodonStatus() {}

  /**
   * The post of a Mastodon Status, webhook event or streaming event.
   *
   * @throws InvalidSocialPostException naming every missing or malformed field
   */
  public static SocialPost parse(JsonNode body) {
    if (body == null || !body.isObject()) {
      throw invalid("the body must be a JSON object: a Mastodon Status, a webhook event or a streaming event");
    }
    JsonNode event = body.get("event");
    if (event == null || event.isNull()) {
      return status(body, SocialEvent.CREATED, "");
    }
    String name = event.asText();
    return switch (name) {
      case "status.created" -> status(object(body, "object"), SocialEvent.CREATED, "object.");
      case "status.updated" -> status(object(body, "object"), SocialEvent.EDITED, "object.");
      case "update" -> status(object(body, "payload"), SocialEvent.CREATED, "payload.");
      case "status.update" -> status(object(body, "payload"), SocialEvent.EDITED, "payload.");
      case "delete" -> deletion(body);
      default -> throw invalid("event is '" + SocialFields.abbreviated(name) + "': one of status.created,"
          + " status.updated (webhooks), update, status.update, delete (streaming)");
    };
  }

  private static JsonNode object(JsonNode body, String field) {
    JsonNode value = body.get(field);
    if (value != null && value.isTextual()) {
      try {
        value = JSON.readTree(value.asText());
      } catch (JsonProcessingException e) {
        throw invalid(field + " is text that is no JSON Status: " + e.getOriginalMessage());
      }
    }
    if (value == null || !value.isObject()) {
      throw invalid(field + " is missing or no object: the event's Mastodon Status");
    }
    return value;
  }

  private static SocialPost deletion(JsonNode body) {
    List<String> problems = new ArrayList<>();
    String id = SocialFields.postId(body, "payload", true, problems);
    if (!problems.isEmpty()) {
      throw new InvalidSocialPostException(problems);
    }
    return new SocialPost(NETWORK, id, SocialEvent.DELETED, null, null, "", null, null, null, null, List.of(), null,
        null);
  }

  private static SocialPost status(JsonNode status, SocialEvent event, String prefix) {
    List<String> problems = new ArrayList<>();
    String id = SocialFields.postId(status, "id", true, problems);
    String url = SocialFields.url(SocialFields.text(status, "url", problems), prefix + "url", problems);
    if (url == null) {
      url = SocialFields.url(SocialFields.text(status, "uri", problems), prefix + "uri", problems);
    }
    JsonNode account = status.get("account");
    String handle = null;
    String name = null;
    if (account == null || !account.isObject()) {
      problems.add(prefix + "account is missing: the author's Mastodon Account with its acct");
    } else {
      handle = SocialFields.handle(acct(account, problems), prefix + "account.acct", problems);
      name = SocialFields.name(SocialFields.text(account, "display_name", problems));
    }
    String html = SocialFields.text(status, "content", problems);
    String text = SocialFields.limited(HtmlText.of(html), prefix + "content", problems);
    String warning = SocialFields.text(status, "spoiler_text", problems);
    String subject = SocialFields.subject(warning == null || warning.isBlank() ? null : HtmlText.of(warning),
        prefix + "spoiler_text", problems);
    Boolean isPublic = visibility(SocialFields.text(status, "visibility", problems), prefix, problems);
    String replyTo = SocialFields.postId(status, "in_reply_to_id", false, problems);
    String replyToAccount = SocialFields.postId(status, "in_reply_to_account_id", false, problems);
    List<String> pages = pages(handle, status.get("mentions"), replyToAccount, prefix, problems);
    String language = SocialFields.language(SocialFields.text(status, "language", problems));
    String at = SocialFields.text(status, event == SocialEvent.EDITED ? "edited_at" : "created_at", problems);
    if (!problems.isEmpty()) {
      throw new InvalidSocialPostException(problems);
    }
    return new SocialPost(NETWORK, id, event, handle, name, text, subject, url, isPublic, replyTo, pages, language,
        SocialFields.time(at));
  }

  /** The account's {@code acct}, with the instance of its {@code url} when it is a local one. */
  private static String acct(JsonNode account, List<String> problems) {
    String acct = SocialFields.text(account, "acct", problems);
    if (acct == null || acct.contains("@") && acct.lastIndexOf('@') > 0) {
      return acct;
    }
    String host = SocialFields.host(SocialFields.text(account, "url", new ArrayList<>()));
    return host == null ? acct : acct + "@" + host;
  }

  private static Boolean visibility(String visibility, String prefix, List<String> problems) {
    if (visibility == null) {
      return null;
    }
    return switch (visibility) {
      case "public", "unlisted" -> true;
      case "private", "direct" -> false;
      default -> {
        problems.add(prefix + "visibility is '" + SocialFields.abbreviated(visibility)
            + "': one of public, unlisted, private, direct");
        yield null;
      }
    };
  }

  private static List<String> pages(
      String author, JsonNode mentions, String replyToAccount, String prefix, List<String> problems) {
    Set<String> pages = new LinkedHashSet<>();
    if (author != null) {
      pages.add(author);
    }
    if (mentions == null || mentions.isNull()) {
      return List.copyOf(pages);
    }
    if (!mentions.isArray()) {
      problems.add(prefix + "mentions must be an array of Mentions");
      return List.copyOf(pages);
    }
    List<String> answered = new ArrayList<>();
    List<String> others = new ArrayList<>();
    for (int i = 0; i < mentions.size(); i++) {
      JsonNode mention = mentions.get(i);
      String handle = mention.isObject() ? SocialFields.page(acct(mention, problems)) : null;
      if (handle == null) {
        problems.add(prefix + "mentions[" + i + "] has no acct: each Mention names its account");
        continue;
      }
      JsonNode mentionId = mention.get("id");
      boolean isAnswered = replyToAccount != null && mentionId != null && replyToAccount.equals(mentionId.asText());
      (isAnswered ? answered : others).add(handle);
    }
    pages.addAll(answered);
    pages.addAll(others);
    return List.copyOf(pages);
  }

  private static InvalidSocialPostException invalid(String problem) {
    return new InvalidSocialPostException(List.of(problem));
  }
}
