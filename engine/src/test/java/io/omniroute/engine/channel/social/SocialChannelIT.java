package io.omniroute.engine.channel.social;

import static org.assertj.core.api.Assertions.assertThat;

import io.omniroute.engine.support.EngineClient;
import io.omniroute.engine.support.RunningEngine;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The social media channel end to end, through the running engine's HTTP API, with the recorded
 * and hostile fixtures of the adapter: Mastodon mentions on a partner's page reaching that dealer,
 * repeats, replies, edits and deletions, the partner channel registry and who sees what of it. On
 * the memory stores here; {@code RedisSocialChannelIT} runs the same on Redis.
 */
class SocialChannelIT {
  private static final String MASTODON = "/v1/channels/social/mastodon";
  private static final String MUC_CHANNEL = "{\"network\":\"mastodon\","
      + "\"page\":\"@Autohaus_Muenchen@social.nordwind-autohaus.de\",\"dealerId\":\"DE-MUC-001\"}";
  private static final String BER_CHANNEL = "{\"network\":\"instagram\",\"page\":\"nordwind.berlin\","
      + "\"dealerId\":\"DE-BER-001\"}";

  RunningEngine engine;
  EngineClient relay;
  EngineClient admin;
  EngineClient munich;
  EngineClient berlin;

  /** The engine under test, with the demo tokens. */
  RunningEngine startEngine() {
    return RunningEngine.start();
  }

  @BeforeEach
  void start() {
    engine = startEngine();
    relay = engine.as("demo-adapter");
    admin = engine.as("demo-admin");
    munich = engine.as("demo-dealer-de-muc-001");
    berlin = engine.as("demo-dealer-de-ber-001");
  }

  @AfterEach
  void stop() {
    engine.close();
  }

  static String fixture(String name) {
    try {
      return Files.readString(Path.of("..", "adapters", "src", "test", "resources", "social", name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void aMastodonMentionOnAPartnersPageReachesThatDealer() {
    HttpResponse<String> registered = munich.put("/v1/partner-channels/muc-mastodon", MUC_CHANNEL);
    assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
    assertThat(new JsonObject(registered.body()).getString("page")).isEqualTo("autohaus_muenchen@social.nordwind-autohaus.de");
    assertThat(new JsonObject(registered.body()).getString("registeredBy")).isEqualTo("demo-dealer-de-muc-001");

    HttpResponse<String> posted = relay.post(MASTODON, fixture("mastodon-mention.json"));

    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
    JsonObject answer = new JsonObject(posted.body());
    assertThat(answer.getJsonObject("route").getString("queue")).isEqualTo("dealer:DE-MUC-001");
    JsonObject queue = new JsonObject(munich.get("/v1/queues/dealer:DE-MUC-001").body());
    assertThat(queue.getJsonArray("contacts").getJsonObject(0).getString("id")).isEqualTo(answer.getString("id"));
    JsonObject contact = new JsonObject(munich.get("/v1/contacts/" + answer.getString("id")).body()).getJsonObject("contact");
    assertThat(contact.getString("channel")).isEqualTo("social");
    assertThat(contact.getJsonObject("from").getString("handle")).isEqualTo("lena_berger@mastodon.social");
    assertThat(contact.getJsonObject("references").getString("partnerChannel")).isEqualTo("muc-mastodon");
    assertThat(contact.getString("dealerId")).isEqualTo("DE-MUC-001");
    assertThat(contact.getString("text")).doesNotContain("<").startsWith("@autohaus_muenchen my car shows");
  }

  @Test
  void aMentionOfNoPartnerIsAContactOfTheBrandWithoutDealer() {
    HttpResponse<String> posted = relay.post(MASTODON, fixture("mastodon-mention.json"));

    assertThat(posted.statusCode()).isEqualTo(201);
    JsonObject contact = contact(new JsonObject(posted.body()).getString("id"));
    assertThat(contact.containsKey("dealerId")).isFalse();
    assertThat(contact.getJsonObject("references").containsKey("partnerChannel")).isFalse();
  }

  @Test
  void theAuthorsHandleResolvesToTheirCustomerProfile() {
    String lena = "{\"name\":\"Lena Berger\",\"identities\":{\"handles\":[{\"network\":\"mastodon\","
        + "\"handle\":\"@Lena_Berger@mastodon.social\"}]},\"country\":\"DE\",\"ownerDealerId\":\"DE-MUC-001\"}";
    assertThat(admin.put("/v1/customers/C-LENA", lena).statusCode()).isEqualTo(201);

    JsonObject answer = new JsonObject(relay.post(MASTODON, fixture("mastodon-mention.json")).body());

    assertThat(answer.getJsonObject("customer").getString("id")).isEqualTo("C-LENA");
  }

  @Test
  void theSamePostTwiceIsOneContactAnsweredWithTheFirstAnswer() {
    admin.put("/v1/partner-channels/muc-mastodon", MUC_CHANNEL);
    HttpResponse<String> first = relay.post(MASTODON, fixture("mastodon-mention.json"));
    HttpResponse<String> again = relay.post(MASTODON, fixture("mastodon-mention.json"));
    HttpResponse<String> viaStream = engine.as("demo-telephony").post(MASTODON, new JsonObject()
        .put("event", "update").put("payload", fixture("mastodon-mention.json")).encode());

    assertThat(first.statusCode()).isEqualTo(201);
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(viaStream.statusCode()).isEqualTo(200);
    String id = new JsonObject(first.body()).getString("id");
    assertThat(new JsonObject(again.body()).getString("id")).isEqualTo(id);
    assertThat(new JsonObject(viaStream.body()).getString("id")).isEqualTo(id);
    assertThat(new JsonObject(again.body()).getJsonObject("conversation").getString("contactId")).isEqualTo(id);
    assertThat(new JsonObject(munich.get("/v1/queues/dealer:DE-MUC-001").body()).getJsonArray("contacts")).hasSize(1);
  }

  @Test
  void aReplyThreadsIntoItsConversation() {
    admin.put("/v1/partner-channels/muc-mastodon", MUC_CHANNEL);
    JsonObject mention = new JsonObject(relay.post(MASTODON, fixture("mastodon-mention.json")).body());

    HttpResponse<String> replied = relay.post(MASTODON, fixture("mastodon-reply.json"));

    assertThat(replied.statusCode()).as(replied.body()).isEqualTo(201);
    JsonObject reply = new JsonObject(replied.body());
    assertThat(reply.getString("conversationId")).isEqualTo(mention.getString("conversationId"));
    assertThat(reply.getString("status")).isEqualTo("JOINED");
    JsonObject conversation = new JsonObject(munich.get("/v1/conversations/" + mention.getString("conversationId")).body());
    assertThat(conversation.getJsonArray("messages")).hasSize(2);
  }

  @Test
  void anEditAndADeletionAreAddedToTheContactsHistoryWithTheOriginalTextIntact() {
    JsonObject mention = new JsonObject(relay.post(MASTODON, fixture("mastodon-mention.json")).body());
    String id = mention.getString("id");
    String original = contact(id).getString("text");

    HttpResponse<String> edited = relay.post(MASTODON, fixture("mastodon-edit.json"));
    HttpResponse<String> deleted = relay.post(MASTODON, fixture("mastodon-delete.json"));

    assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
    assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(200);
    JsonObject view = new JsonObject(admin.get("/v1/contacts/" + id).body());
    assertThat(view.getJsonObject("contact").getString("text")).isEqualTo(original);
    JsonArray history = view.getJsonArray("history");
    List<String> types = history.stream().map(event -> ((JsonObject) event).getString("type")).toList();
    assertThat(types).containsSubsequence("received", "routed", "edited", "deleted");
    JsonObject edit = history.stream().map(JsonObject.class::cast).filter(event -> event.getString("type").equals("edited"))
        .findFirst().orElseThrow();
    assertThat(edit.getString("detail")).contains("The oil light, to be precise.");
    assertThat(new JsonObject(deleted.body()).getString("id")).isEqualTo(id);
  }

  @Test
  void anEditOrDeletionOfAnUnknownPostIsAcceptedWithoutRecordingAnything() {
    HttpResponse<String> deleted = relay.post(MASTODON, fixture("mastodon-delete.json"));
    HttpResponse<String> edited = relay.post("/v1/channels/social/instagram",
        "{\"postId\":\"404\",\"event\":\"edited\",\"author\":{\"handle\":\"x\"},\"text\":\"new\"}");

    assertThat(deleted.statusCode()).isEqualTo(202);
    assertThat(new JsonObject(deleted.body()).getBoolean("recorded")).isFalse();
    assertThat(new JsonObject(deleted.body()).getString("detail")).contains("113427801234567890");
    assertThat(edited.statusCode()).isEqualTo(202);
  }

  @Test
  void aGenericPostOnAPartnersPageReachesThatDealer() {
    assertThat(admin.put("/v1/partner-channels/ber-instagram", BER_CHANNEL).statusCode()).isEqualTo(201);
    String post = "{\"postId\":\"p-1\",\"author\":{\"handle\":\"@Kim\"},\"text\":\"Is my order ready?\","
        + "\"page\":\"@Nordwind.Berlin\",\"public\":false}";

    JsonObject answer = new JsonObject(relay.post("/v1/channels/social/instagram", post).body());

    assertThat(answer.getJsonObject("route").getString("queue")).isEqualTo("dealer:DE-BER-001");
    assertThat(contact(answer.getString("id")).getBoolean("public")).isFalse();
  }

  @Test
  void hostilePayloadsAreRefusedWithProblemsOrDefusedAndNothingIsHalfStored() {
    HttpResponse<String> script = relay.post(MASTODON, fixture("mastodon-script.json"));
    assertThat(script.statusCode()).isEqualTo(201);
    JsonObject defused = contact(new JsonObject(script.body()).getString("id"));
    assertThat(defused.getString("text")).isEqualTo("Hello click");
    assertThat(defused.encode()).doesNotContain("<script").doesNotContain("onerror").doesNotContain("javascript:");

    for (String hostile : List.of("mastodon-malformed.json", "mastodon-missing-ids.json", "mastodon-oversized.json")) {
      HttpResponse<String> refused = relay.post(MASTODON, fixture(hostile));
      assertThat(refused.statusCode()).as(hostile + ": " + refused.body()).isEqualTo(400);
      assertThat(refused.headers().firstValue("Content-Type")).contains("application/problem+json");
    }
    HttpResponse<String> missing = relay.post(MASTODON, fixture("mastodon-missing-ids.json"));
    assertThat(new JsonObject(missing.body()).getString("detail")).contains("id is missing", "account.acct is missing");
    assertThat(relay.post("/v1/channels/social/Not%20A%20Network", "{}").statusCode()).isEqualTo(400);
    assertThat(relay.post(MASTODON, "[1,2]").statusCode()).isEqualTo(400);

    JsonObject queues = new JsonObject(admin.get("/v1/queues").body());
    long waiting = queues.getJsonArray("queues").stream()
        .mapToLong(queue -> ((JsonObject) queue).getLong("depth", 0L)).sum();
    assertThat(waiting).isEqualTo(1);
    assertThat(engine.anonymous().get("/health/ready").statusCode()).isEqualTo(200);
  }

  @Test
  void aDealerSeesAndChangesOnlyItsOwnPartnerChannels() {
    assertThat(munich.put("/v1/partner-channels/muc-mastodon", MUC_CHANNEL).statusCode()).isEqualTo(201);
    assertThat(admin.put("/v1/partner-channels/ber-instagram", BER_CHANNEL).statusCode()).isEqualTo(201);

    JsonArray mine = new JsonObject(munich.get("/v1/partner-channels").body()).getJsonArray("partnerChannels");
    assertThat(mine.stream().map(channel -> ((JsonObject) channel).getString("id")).toList()).containsExactly("muc-mastodon");
    assertThat(munich.get("/v1/partner-channels/ber-instagram").statusCode()).isEqualTo(404);
    assertThat(munich.delete("/v1/partner-channels/ber-instagram").statusCode()).isEqualTo(404);
    assertThat(munich.put("/v1/partner-channels/ber-instagram", BER_CHANNEL).statusCode()).isEqualTo(403);
    assertThat(berlin.put("/v1/partner-channels/muc-mastodon", BER_CHANNEL.replace("nordwind.berlin", "x"))
        .statusCode()).isEqualTo(403);
    JsonArray all = new JsonObject(engine.as("demo-ops").get("/v1/partner-channels").body()).getJsonArray("partnerChannels");
    assertThat(all).hasSize(2);
    assertThat(berlin.delete("/v1/partner-channels/ber-instagram").statusCode()).isEqualTo(204);
    assertThat(admin.get("/v1/partner-channels/ber-instagram").statusCode()).isEqualTo(404);
  }

  @Test
  void aPartnerChannelIsCheckedBeforeItIsStored() {
    assertThat(admin.put("/v1/partner-channels/x", "{\"network\":\"mastodon\",\"page\":\"no_instance\","
        + "\"dealerId\":\"DE-MUC-001\"}").statusCode()).isEqualTo(400);
    assertThat(admin.put("/v1/partner-channels/x", "{\"network\":\"instagram\",\"page\":\"p\"}").statusCode())
        .isEqualTo(400);
    HttpResponse<String> unknown = admin.put("/v1/partner-channels/x", "{\"network\":\"instagram\",\"page\":\"p\","
        + "\"dealerId\":\"XX-NOPE-001\"}");
    assertThat(unknown.statusCode()).isEqualTo(422);
    assertThat(new JsonObject(unknown.body()).getString("detail")).contains("XX-NOPE-001");
    admin.put("/v1/partner-channels/ber-instagram", BER_CHANNEL);
    HttpResponse<String> taken = admin.put("/v1/partner-channels/other", BER_CHANNEL.replace("DE-BER-001", "DE-MUC-001"));
    assertThat(taken.statusCode()).isEqualTo(409);
    assertThat(new JsonObject(taken.body()).getString("detail")).contains("ber-instagram");
    assertThat(admin.get("/v1/partner-channels/x").statusCode()).isEqualTo(404);
  }

  @Test
  void aSwitchedOffChannelAnswers404AndStoresNothing() {
    try (RunningEngine off = RunningEngine.start(RunningEngine.testOptions().withSocial(new SocialOptions(false)),
        java.time.Clock.systemUTC())) {
      HttpResponse<String> refused = off.as("demo-adapter").post(MASTODON, fixture("mastodon-mention.json"));

      assertThat(refused.statusCode()).isEqualTo(404);
      assertThat(new JsonObject(refused.body()).getString("detail")).contains("social.enabled: false");
    }
  }

  private JsonObject contact(String id) {
    return new JsonObject(admin.get("/v1/contacts/" + id).body()).getJsonObject("contact");
  }
}
