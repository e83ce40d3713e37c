package io.omniroute.engine.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import io.omniroute.engine.support.EngineClient;
import io.omniroute.engine.support.RunningEngine;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Conversations end to end, through the running engine's HTTP API: one matter across email, a
 * call and chat, follow-ups that join instead of queuing twice, raising, reopening with context,
 * thread keys, transfers, answers and erasure. On the memory store here; {@code
 * RedisConversationsIT} runs the same on Redis.
 */
class ConversationsIT {
  private static final String ANNA = "{\"name\":\"Anna Berger\",\"identities\":{\"phones\":[\"+49891234567\"],"
      + "\"emails\":[\"anna@example.com\"]},\"country\":\"DE\",\"ownerDealerId\":\"DE-MUC-001\"}";
  private static final String BEN = "{\"name\":\"Ben Kurz\",\"identities\":{\"phones\":[\"+49301234567\"]},"
      + "\"country\":\"DE\",\"ownerDealerId\":\"DE-BER-001\"}";
  private static final String ANNAS_EMAIL = "{\"channel\":\"email\",\"from\":{\"email\":\"anna@example.com\"},"
      + "\"subject\":\"Noise\",\"text\":\"My car makes a strange noise since the service.\","
      + "\"references\":{\"vin\":\"WVWZZZ1JZXW000001\"}}";

  RunningEngine engine;
  EngineClient intake;
  EngineClient admin;
  EngineClient munich;

  /** The engine under test, with the demo tokens. */
  RunningEngine startEngine() {
    return RunningEngine.start();
  }

  @BeforeEach
  void start() {
    engine = startEngine();
    intake = engine.as("demo-telephony");
    admin = engine.as("demo-admin");
    munich = engine.as("demo-dealer-de-muc-001");
    assertThat(admin.put("/v1/customers/C-ANNA", ANNA).statusCode()).isEqualTo(201);
    assertThat(admin.put("/v1/customers/C-BEN", BEN).statusCode()).isEqualTo(201);
  }

  @AfterEach
  void stop() {
    engine.close();
  }

  @Test
  void anEmailThenACallFromTheSameCustomerAreOneConversationAtTheOwnerDealer() {
    JsonObject email = intake.createContact(ANNAS_EMAIL);
    String conversationId = email.getString("conversationId");

    JsonObject call = intake.createContact(follow("voice", "+49891234567", conversationId,
        "I am calling about my email: the noise is getting louder."));

    assertThat(email.getJsonObject("route").getString("queue")).isEqualTo("dealer:DE-MUC-001");
    assertThat(conversationId).isEqualTo(email.getString("id"));
    assertThat(call.getString("status")).isEqualTo("JOINED");
    assertThat(call.getString("conversationId")).isEqualTo(conversationId);
    assertThat(call.getJsonObject("conversation").getString("queue")).isEqualTo("dealer:DE-MUC-001");
    assertThat(call.getJsonObject("conversation").getString("contactId")).isEqualTo(email.getString("id"));
    JsonObject conversation = json(munich.get("/v1/conversations/" + conversationId), 200);
    assertThat(conversation.getString("customerId")).isEqualTo("C-ANNA");
    assertThat(conversation.getString("status")).isEqualTo("OPEN");
    assertThat(conversation.getString("queue")).isEqualTo("dealer:DE-MUC-001");
    assertThat(channels(conversation.getJsonArray("messages"))).containsExactly("email", "voice");
    assertThat(conversation.getJsonArray("messages").getJsonObject(0).getString("subject")).isEqualTo("Noise");
    assertThat(types(conversation.getJsonArray("history"))).containsSubsequence("received", "routed", "received", "joined");
    assertThat(admin.scrape()).as("the joined call counts at the level where its conversation is")
        .contains("omniroute_contacts_received_total{channel=\"voice\",identification=\"IDENTIFIED\",level=\"DEALER\"");
  }

  @Test
  void aFollowUpOfAnOpenConversationJoinsItInsteadOfQueuingTwice() {
    JsonObject email = intake.createContact(ANNAS_EMAIL);

    intake.createContact(follow("chat", null, email.getString("conversationId"), "Any news about the noise?"));

    JsonObject queue = json(admin.get("/v1/queues/dealer:DE-MUC-001"), 200);
    assertThat(queue.getInteger("depth")).isEqualTo(1);
    assertThat(queue.getJsonArray("contacts").getJsonObject(0).getString("id")).isEqualTo(email.getString("id"));
  }

  @Test
  void aClosedConversationReopensWithAFreshDecisionThatSeesItsPreviousQueueAndAgent() {
    JsonObject first = intake.createContact("{\"channel\":\"email\",\"from\":{\"email\":\"walk-in@example.org\"},"
        + "\"dealerId\":\"DE-BER-001\",\"country\":\"DE\",\"text\":\"Is my car ready for pick-up?\"}");
    EngineClient berlin = engine.as("demo-dealer-de-ber-001");
    json(berlin.post("/v1/queues/dealer:DE-BER-001/claim", "{\"agent\":\"lena\"}"), 200);
    json(berlin.post("/v1/contacts/" + first.getString("id") + "/complete", "{}"), 200);
    assertThat(json(admin.get("/v1/conversations/" + first.getString("id")), 200).getString("status")).isEqualTo("CLOSED");

    JsonObject again = intake.createContact("{\"channel\":\"chat\",\"country\":\"DE\",\"conversationId\":\""
        + first.getString("conversationId") + "\",\"text\":\"My car is still not ready, what is going on?\"}");

    assertThat(again.getString("status")).isEqualTo("QUEUED");
    assertThat(again.getString("id")).isNotEqualTo(first.getString("id"));
    assertThat(again.getString("conversationId")).isEqualTo(first.getString("id"));
    assertThat(again.getJsonObject("route").getString("queue")).isEqualTo("dealer:DE-BER-001");
    assertThat(strings(again.getJsonArray("trace"))).contains("Route: reopened specification back to the dealer who answered it");
    JsonObject contact = json(admin.get("/v1/contacts/" + again.getString("id")), 200);
    assertThat(contact.getJsonArray("history").getJsonObject(1).getString("detail"))
        .isEqualTo("conversation " + first.getString("id") + ", last answered in dealer:DE-BER-001 by lena");
    JsonObject conversation = json(admin.get("/v1/conversations/" + first.getString("id")), 200);
    assertThat(conversation.getString("status")).isEqualTo("OPEN");
    assertThat(conversation.getString("contactId")).isEqualTo(again.getString("id"));
    assertThat(channels(conversation.getJsonArray("messages"))).containsExactly("email", "chat");
    assertThat(admin.scrape()).contains("omniroute_conversation_followups_total{outcome=\"reopened\"} 1.0");
  }

  @Test
  void anUrgentFollowUpRaisesTheWaitingConversationToTheCentralDesk() {
    JsonObject email = intake.createContact(ANNAS_EMAIL);

    JsonObject call = intake.createContact(follow("voice", "+49891234567", email.getString("conversationId"),
        "I had an accident on the motorway, the car is stranded."));

    assertThat(call.getString("status")).isEqualTo("JOINED");
    assertThat(call.getJsonObject("classification").getString("urgency")).isEqualTo("CRITICAL");
    assertThat(call.getJsonObject("conversation").getString("queue")).isEqualTo("central");
    JsonObject carrier = json(admin.get("/v1/contacts/" + email.getString("id")), 200);
    assertThat(carrier.getJsonObject("current").getString("queue")).isEqualTo("central");
    assertThat(types(carrier.getJsonArray("history"))).endsWith("raised");
    assertThat(json(admin.get("/v1/queues/dealer:DE-MUC-001"), 200).getInteger("depth")).isZero();
    assertThat(json(admin.get("/v1/queues/central"), 200).getInteger("depth")).isEqualTo(1);
    assertThat(json(admin.get("/v1/conversations/" + email.getString("id")), 200).getString("urgency")).isEqualTo("CRITICAL");
    assertThat(admin.scrape()).contains("omniroute_conversation_followups_total{outcome=\"joined\"} 1.0",
        "omniroute_conversation_followups_total{outcome=\"raised\"} 1.0");
  }

  @Test
  void aThreadKeyJoinsTheChatMessagesOfOneSessionAndNoOtherChannel() {
    JsonObject hello = intake.createContact(chat("web-4711", "chat", "Hello, is the new model in stock?"));
    JsonObject more = intake.createContact(chat("web-4711", "chat", "In blue, please."));
    JsonObject sms = intake.createContact(chat("web-4711", "sms", "Different channel, same key"));
    JsonObject otherSession = intake.createContact(chat("web-4712", "chat", "Hello from another visitor"));

    assertThat(more.getString("status")).isEqualTo("JOINED");
    assertThat(more.getString("conversationId")).isEqualTo(hello.getString("conversationId"));
    assertThat(sms.getString("conversationId")).isNotEqualTo(hello.getString("conversationId"));
    assertThat(otherSession.getString("conversationId")).isNotEqualTo(hello.getString("conversationId"));
    JsonObject conversation = json(admin.get("/v1/conversations/" + hello.getString("conversationId")), 200);
    assertThat(conversation.getJsonArray("messages")).hasSize(2);
  }

  @Test
  void aThreadKeyOfAnIdentifiedCustomerJoinsAcrossChannels() {
    JsonObject email = intake.createContact(new JsonObject(ANNAS_EMAIL)
        .put("thread", new JsonObject().put("key", "<root-1@mail.example.com>")).encode());
    JsonObject sms = intake.createContact("{\"channel\":\"sms\",\"from\":{\"phone\":\"+49891234567\"},"
        + "\"thread\":{\"key\":\"<root-1@mail.example.com>\"},\"text\":\"See my email\"}");

    assertThat(sms.getString("status")).isEqualTo("JOINED");
    assertThat(sms.getString("conversationId")).isEqualTo(email.getString("conversationId"));
  }

  @Test
  void aDealerTransfersItsContactToTheExpertTeamAndTheHistoryShowsIt() {
    JsonObject email = intake.createContact(ANNAS_EMAIL);
    String transfer = "/v1/contacts/" + email.getString("id") + "/transfer";

    JsonObject moved = json(munich.post(transfer,
        "{\"queue\":\"expert:ev-battery\",\"reason\":\"battery question for the experts\"}"), 200);

    assertThat(moved.getString("status")).isEqualTo("QUEUED");
    assertThat(moved.getJsonObject("current").getString("queue")).isEqualTo("expert:ev-battery");
    JsonObject step = last(moved.getJsonArray("history"));
    assertThat(step.getString("type")).isEqualTo("transferred");
    assertThat(step.getString("detail")).isEqualTo(
        "from dealer:DE-MUC-001 to expert:ev-battery: battery question for the experts (by demo-dealer-de-muc-001)");
    assertThat(json(admin.get("/v1/queues/expert:ev-battery"), 200).getInteger("depth")).isEqualTo(1);
    assertThat(admin.scrape()).contains("omniroute_transfers_total{from=\"DEALER\",to=\"EXPERT\"} 1.0");
    assertThat(json(admin.get("/v1/conversations/" + email.getString("id")), 200).getString("queue"))
        .isEqualTo("expert:ev-battery");
    assertThat(munich.post(transfer, "{\"queue\":\"dealer:DE-MUC-001\"}").statusCode())
        .as("no longer in the dealer's queue").isEqualTo(404);
    assertProblem(admin.post(transfer, "{\"queue\":\"expert:no-such-team\"}"), 404, "expert:no-such-team");
    json(admin.post("/v1/contacts/" + email.getString("id") + "/abandon", "{}"), 200);
    assertProblem(admin.post(transfer, "{\"queue\":\"country:DE\"}"), 409, "transferred");
    assertProblem(admin.post("/v1/contacts/no-such-contact/transfer", "{\"queue\":\"country:DE\"}"), 404, "no-such-contact");
  }

  @Test
  void badFollowUpsAreRefusedWithWhatToFixAndStoreNothing() {
    JsonObject email = intake.createContact(ANNAS_EMAIL);

    assertProblem(intake.post("/v1/contacts", follow("chat", null, "no-such-conversation", "hello")), 422,
        "no-such-conversation");
    assertProblem(intake.post("/v1/contacts", follow("voice", "+49301234567", email.getString("conversationId"), "hello")),
        409, email.getString("conversationId"));
    assertThat(json(admin.get("/v1/conversations/" + email.getString("id")), 200).getJsonArray("messages")).hasSize(1);
    assertProblem(admin.get("/v1/conversations/no-such-conversation"), 404, "no-such-conversation");
    assertProblem(engine.as("demo-dealer-de-ber-001").get("/v1/conversations/" + email.getString("id")), 404,
        email.getString("id"));
  }

  @Test
  void aRetriedFollowUpAddsNoSecondMessage() {
    JsonObject email = intake.createContact(ANNAS_EMAIL);
    String followUp = follow("chat", null, email.getString("conversationId"), "Any news?");

    HttpResponse<String> first = intake.post("/v1/contacts", followUp, "retry-1");
    HttpResponse<String> again = intake.post("/v1/contacts", followUp, "retry-1");

    assertThat(first.statusCode()).isEqualTo(201);
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(new JsonObject(again.body()).getString("id")).isEqualTo(new JsonObject(first.body()).getString("id"));
    assertThat(new JsonObject(again.body()).getJsonObject("conversation").getString("queue")).isEqualTo("dealer:DE-MUC-001");
    assertThat(json(admin.get("/v1/conversations/" + email.getString("id")), 200).getJsonArray("messages")).hasSize(2);
  }

  @Test
  void theCustomerViewListsRecentConversationsAndAnAgentsAnswerIsRecorded() {
    JsonObject older = intake.createContact(ANNAS_EMAIL);
    JsonObject newer = intake.createContact("{\"channel\":\"chat\",\"from\":{\"phone\":\"+49891234567\"},"
        + "\"text\":\"What are your opening hours?\"}");

    JsonObject answered = json(munich.post("/v1/conversations/" + older.getString("id") + "/messages",
        "{\"agent\":\"sepp\",\"text\":\"Please bring the car in on Monday.\"}"), 201);

    JsonObject answer = last(answered.getJsonArray("messages"));
    assertThat(answer.getString("direction")).isEqualTo("outbound");
    assertThat(answer.getString("channel")).isEqualTo("email");
    assertThat(answer.getString("agent")).isEqualTo("sepp");
    JsonArray conversations = json(admin.get("/v1/customers/C-ANNA"), 200).getJsonArray("conversations");
    assertThat(conversations.stream().map(c -> ((JsonObject) c).getString("id")).toList())
        .containsExactly(older.getString("id"), newer.getString("id"));
    assertThat(conversations.getJsonObject(0).getInteger("messageCount")).isEqualTo(2);
  }

  @Test
  void erasingTheCustomerErasesTheWordsOfTheirConversations() {
    JsonObject email = intake.createContact(ANNAS_EMAIL);
    json(munich.post("/v1/conversations/" + email.getString("id") + "/messages", "{\"agent\":\"sepp\",\"text\":\"Noted.\"}"), 201);

    json(admin.delete("/v1/customers/C-ANNA"), 200);

    JsonObject conversation = json(admin.get("/v1/conversations/" + email.getString("id")), 200);
    assertThat(conversation.getValue("customerId")).isNull();
    for (Object message : conversation.getJsonArray("messages")) {
      JsonObject m = (JsonObject) message;
      assertThat(m.getBoolean("erased")).isTrue();
      assertThat(m.getValue("text")).isNull();
      assertThat(m.containsKey("subject")).isFalse();
    }
  }

  // ---------------------------------------------------------------- helpers

  private static String follow(String channel, String phone, String conversationId, String text) {
    JsonObject body = new JsonObject().put("channel", channel).put("conversationId", conversationId).put("text", text);
    if (phone != null) {
      body.put("from", new JsonObject().put("phone", phone));
    }
    return body.encode();
  }

  private static String chat(String session, String channel, String text) {
    return new JsonObject().put("channel", channel).put("country", "DE")
        .put("thread", new JsonObject().put("key", session)).put("text", text).encode();
  }

  static JsonObject json(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return new JsonObject(response.body());
  }

  private static void assertProblem(HttpResponse<String> response, int status, String detailMentions) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
        assertThat(type).startsWith("application/problem+json"));
    assertThat(new JsonObject(response.body()).getString("detail")).contains(detailMentions);
  }

  private static List<String> channels(JsonArray messages) {
    return messages.stream().map(m -> ((JsonObject) m).getString("channel")).toList();
  }

  private static List<String> types(JsonArray history) {
    return history.stream().map(h -> ((JsonObject) h).getString("type")).toList();
  }

  private static List<String> strings(JsonArray array) {
    return array.stream().map(String::valueOf).toList();
  }

  private static JsonObject last(JsonArray array) {
    return array.getJsonObject(array.size() - 1);
  }
}
