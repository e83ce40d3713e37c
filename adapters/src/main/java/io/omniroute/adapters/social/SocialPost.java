package io.omniroute.adapters.social;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One post, comment or message of a social network, as the social endpoint takes it whatever the
 * network's own format ({@link MastodonStatus}, {@link GenericPost}), read, checked and with its
 * text as plain text. A created post becomes a contact ({@link #toContact}); an edit or a deletion
 * is a later step of that contact. Immutable.
 *
 * @param network the network's name, lower-case ({@code mastodon}, {@code instagram})
 * @param postId the network's id of the post
 * @param event whether the post was made, edited or deleted
 * @param authorHandle the author's handle, normalised (lower-case, no leading {@code @}; on
 *     Mastodon {@code user@instance}); {@code null} for a deletion
 * @param authorName the author's display name, or {@code null}
 * @param text the post's plain text ({@code ""} for a deletion or a post of pictures only)
 * @param subject a content warning or title, or {@code null}
 * @param url the post's public address, or {@code null}
 * @param isPublic whether everybody may read the post; {@code null} when the network does not say
 * @param replyTo the id of the post this one answers, or {@code null}
 * @param pages the pages, blogs or accounts the post is on, normalised, in the order a partner
 *     channel is looked for: the one it was made on first
 * @param language the post's language (BCP 47), or {@code null}
 * @param at when the network says it happened (made or edited), or {@code null}
 */
public record SocialPost(
    String network, String postId, SocialEvent event, String authorHandle, String authorName, String text,
    String subject, String url, Boolean isPublic, String replyTo, List<String> pages, String language, Instant at) {
  /** The longest text a post may have, as the contact's text. */
  public static final int MAX_TEXT = 60_000;

  public SocialPost {
    Objects.requireNonNull(network, "network");
    Objects.requireNonNull(postId, "postId");
    Objects.requireNonNull(event, "event");
    text = text == null ? "" : text;
    pages = List.copyOf(pages);
  }

  /**
   * Reads {@code body} in the format of {@code network}: Mastodon's own for {@code mastodon}, the
   * generic format for every other name.
   *
   * @throws InvalidSocialPostException naming every missing or malformed field
   */
  public static SocialPost parse(String network, JsonNode body) {
    String name = SocialFields.network(network);
    return MastodonStatus.NETWORK.equals(name) ? MastodonStatus.parse(body) : GenericPost.parse(name, body);
  }

  /**
   * The contact request of {@code POST /v1/contacts} for this created post, in the thread {@code
   * threadKey}; {@code dealerId} and {@code partnerChannelId} (both may be {@code null}) name the
   * partner channel the post is on.
   */
  public ObjectNode toContact(String dealerId, String partnerChannelId, String threadKey) {
    ObjectNode contact = JsonNodeFactory.instance.objectNode();
    contact.put("channel", "social");
    ObjectNode from = contact.putObject("from");
    if (authorHandle != null) {
      from.put("handle", authorHandle);
    }
    from.put("network", network);
    if (dealerId != null) {
      contact.put("dealerId", dealerId);
    }
    if (language != null) {
      contact.put("language", language);
    }
    if (subject != null && !subject.isEmpty()) {
      contact.put("subject", subject);
    }
    contact.put("text", text);
    if (isPublic != null) {
      contact.put("public", isPublic);
    }
    ObjectNode references = contact.putObject("references").put("network", network).put("postId", postId);
    if (url != null) {
      references.put("url", url);
    }
    if (replyTo != null) {
      references.put("replyTo", replyTo);
    }
    if (partnerChannelId != null) {
      references.put("partnerChannel", partnerChannelId);
    }
    if (authorName != null && !authorName.isBlank()) {
      contact.putObject("attributes").put("authorName", authorName);
    }
    contact.putObject("thread").put("key", threadKey);
    return contact;
  }

  /**
   * A page, blog or account name as partner channels are registered and posts looked up: trimmed,
   * without a leading {@code @}, lower-cased; {@code null} when it is empty, has spaces or is
   * longer than 300 characters.
   */
  public static String normalisedPage(String page) {
    return SocialFields.page(page);
  }

  /** Whether {@code handle} (normalised) is a federated handle with its instance: {@code user@instance}. */
  public static boolean isFederatedHandle(String handle) {
    return handle != null && handle.indexOf('@') > 0 && SocialFields.HANDLE.matcher(handle).matches();
  }

  /** The idempotency key of this post: {@code social:<network>:<postId>}. */
  public String idempotencyKey() {
    return "social:" + network + ":" + postId;
  }

  /**
   * The thread key of this post's author in the thread started by the post {@code rootPostId}:
   * {@code <network>:<rootPostId>:<author>}. The author's posts of one thread (a mention, the
   * author's replies below it) share it; another person writing in the same public thread has a
   * conversation of their own.
   */
  public String threadKey(String rootPostId) {
    return network + ":" + rootPostId + ":" + (authorHandle == null ? "" : authorHandle);
  }

  /** The thread key of a post that starts its thread ({@link #threadKey} of its own id). */
  public String ownThreadKey() {
    return threadKey(postId);
  }

  /**
   * What a contact's history says of this edit or deletion: the network, when it happened, and for
   * an edit the new text (and content warning), so the text first received stays as it was.
   */
  public String historyDetail() {
    String when = at == null ? "" : " at " + at;
    if (event == SocialEvent.DELETED) {
      return "deleted on " + network + when;
    }
    String warning = subject == null || subject.isEmpty() ? "" : " [" + subject + "]";
    return "edited on " + network + when + ":" + warning + " " + text;
  }
}
