package io.omniroute.adapters.social;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Mastodon statuses and generic posts, recorded and hostile, as social posts and contacts. */
class SocialPostTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static JsonNode fixture(String name) throws IOException {
    try (InputStream in = SocialPostTest.class.getResourceAsStream("/social/" + name)) {
      return JSON.readTree(in);
    }
  }

  @Test
  void aMastodonMentionBecomesAContactOfItsAuthorOnTheInstanceWithPlainText() throws Exception {
    SocialPost post = SocialPost.parse("mastodon", fixture("mastodon-mention.json"));

    assertThat(post.event()).isEqualTo(SocialEvent.CREATED);
    assertThat(post.authorHandle()).isEqualTo("lena_berger@mastodon.social");
    assertThat(post.pages()).containsExactly("lena_berger@mastodon.social", "autohaus_muenchen@social.nordwind-autohaus.de");
    assertThat(JSON.readTree(post.toContact("DE-MUC-001", "muc-mastodon", post.ownThreadKey()).toString()))
        .isEqualTo(JSON.readTree("""
            {"channel": "social", "from": {"handle": "lena_berger@mastodon.social", "network": "mastodon"},
             "dealerId": "DE-MUC-001", "language": "de",
             "text": "@autohaus_muenchen my car shows a warning light since yesterday & the service is due.\\nCan you book me in this week?\\n\\nDanke!",
             "public": true,
             "references": {"network": "mastodon", "postId": "113427801234567890",
               "url": "https://mastodon.social/@lena_berger/113427801234567890", "partnerChannel": "muc-mastodon"},
             "attributes": {"authorName": "Lena Berger"},
             "thread": {"key": "mastodon:113427801234567890:lena_berger@mastodon.social"}}"""));
    assertThat(post.idempotencyKey()).isEqualTo("social:mastodon:113427801234567890");
  }

  @Test
  void aMastodonReplyInAWebhookEventNamesThePostItAnswersAndIsPublicWhenUnlisted() throws Exception {
    SocialPost reply = SocialPost.parse("Mastodon", fixture("mastodon-reply.json"));

    assertThat(reply.event()).isEqualTo(SocialEvent.CREATED);
    assertThat(reply.replyTo()).isEqualTo("113427801234567890");
    assertThat(reply.isPublic()).isTrue();
    assertThat(reply.text()).isEqualTo("@autohaus_muenchen Thursday morning would suit me best.");
    assertThat(reply.toContact(null, null, reply.threadKey("113427801234567890")).path("references").path("replyTo").asText())
        .isEqualTo("113427801234567890");
  }

  @Test
  void anEditEventCarriesTheNewTextForTheHistory() throws Exception {
    SocialPost edit = SocialPost.parse("mastodon", fixture("mastodon-edit.json"));

    assertThat(edit.event()).isEqualTo(SocialEvent.EDITED);
    assertThat(edit.postId()).isEqualTo("113427801234567890");
    assertThat(edit.at()).isEqualTo(Instant.parse("2026-03-02T08:20:43Z"));
    assertThat(edit.historyDetail()).isEqualTo("edited on mastodon at 2026-03-02T08:20:43Z: @autohaus_muenchen my car"
        + " shows a warning light since yesterday. The oil light, to be precise.");
  }

  @Test
  void aStreamingDeleteEventNamesOnlyThePost() throws Exception {
    SocialPost deletion = SocialPost.parse("mastodon", fixture("mastodon-delete.json"));

    assertThat(deletion.event()).isEqualTo(SocialEvent.DELETED);
    assertThat(deletion.postId()).isEqualTo("113427801234567890");
    assertThat(deletion.historyDetail()).isEqualTo("deleted on mastodon");
  }

  @Test
  void aStreamingUpdateWhosePayloadIsJsonTextIsAPost() throws Exception {
    String status = fixture("mastodon-mention.json").toString();
    JsonNode event = JSON.createObjectNode().put("event", "update").put("payload", status);

    assertThat(SocialPost.parse("mastodon", event).postId()).isEqualTo("113427801234567890");
  }

  @Test
  void aGenericPostIsOnItsPageAndItsHandleIsNormalised() throws Exception {
    SocialPost post = SocialPost.parse("instagram", fixture("generic-post.json"));

    assertThat(post.network()).isEqualTo("instagram");
    assertThat(post.authorHandle()).isEqualTo("marco.rossi");
    assertThat(post.authorName()).isEqualTo("Marco Rossi");
    assertThat(post.pages()).containsExactly("nordwind.milano", "marco.rossi");
    assertThat(post.isPublic()).isTrue();
    assertThat(post.toContact(null, null, post.ownThreadKey()).path("thread").path("key").asText())
        .isEqualTo("instagram:18034567890123456:marco.rossi");
  }

  @Test
  void aGenericDeletionNeedsOnlyThePostId() {
    SocialPost deletion = SocialPost.parse("instagram", JSON.createObjectNode().put("postId", "42").put("event", "deleted"));

    assertThat(deletion.event()).isEqualTo(SocialEvent.DELETED);
  }

  @Test
  void scriptsStylesFramesAndMarkupOfAHostileStatusComeOutAsHarmlessText() throws Exception {
    SocialPost post = SocialPost.parse("mastodon", fixture("mastodon-script.json"));

    assertThat(post.text()).isEqualTo("Hello click");
    assertThat(post.subject()).isEqualTo("warning");
    assertThat(post.authorName()).isEqualTo("<b>Mallory</b>");
    String contact = post.toContact(null, null, post.ownThreadKey()).toString();
    assertThat(contact).doesNotContain("<script").doesNotContain("alert(").doesNotContain("onerror")
        .doesNotContain("javascript:");
  }

  @Test
  void aStatusWithoutIdOrAccountNamesBoth() throws Exception {
    InvalidSocialPostException e = catchThrowableOfType(InvalidSocialPostException.class,
        () -> SocialPost.parse("mastodon", fixture("mastodon-missing-ids.json")));

    assertThat(e.problems()).anyMatch(problem -> problem.startsWith("id is missing"))
        .anyMatch(problem -> problem.startsWith("account.acct is missing"));
  }

  @Test
  void anOversizedStatusIsRefusedWithItsLength() throws Exception {
    InvalidSocialPostException e = catchThrowableOfType(InvalidSocialPostException.class,
        () -> SocialPost.parse("mastodon", fixture("mastodon-oversized.json")));

    assertThat(e.problems()).singleElement().asString().startsWith("content has 61999 characters as text; at most 60000");
  }

  @Test
  void anUnknownEventOrANameThatIsNoNetworkIsRefused() {
    assertThat(catchThrowableOfType(InvalidSocialPostException.class, () -> SocialPost.parse("mastodon",
        JSON.createObjectNode().put("event", "notification"))).problems()).singleElement().asString()
        .startsWith("event is 'notification'");
    assertThat(catchThrowableOfType(InvalidSocialPostException.class, () -> SocialPost.parse("my network",
        JSON.createObjectNode())).problems()).singleElement().asString().contains("no network name");
  }

  @Test
  void aGenericPostWithWrongFieldsNamesEachOfThem() {
    JsonNode body = JSON.createObjectNode().put("postId", "has space").put("public", "yes").put("url", "ftp://x")
        .put("event", "liked");

    assertThat(catchThrowableOfType(InvalidSocialPostException.class, () -> SocialPost.parse("x", body)).problems())
        .hasSize(6);
  }
}
