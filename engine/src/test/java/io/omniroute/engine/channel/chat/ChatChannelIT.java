package io.omniroute.engine.channel.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.omniroute.adapters.chat.ChatCloseCodes;
import io.omniroute.engine.support.ChatClient;
import io.omniroute.engine.support.RunningEngine;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The web chat through a running engine, with a Vert.x WebSocket client as the widget: a chat
 * opens a conversation in the widget's dealer's queue, agents' answers reach the open socket, a
 * dropped connection loses and repeats nothing, and hostile frames get error frames or close codes
 * with nothing half-stored and the engine healthy.
 */
class ChatChannelIT {
  private static final String DEALER = "DE-MUC-001";
  private static final String DEALER_TOKEN = "demo-dealer-de-muc-001";
  private static RunningEngine engine;

  @BeforeAll
  static void start() {
    engine = RunningEngine.start();
  }

  @AfterAll
  static void stop() {
    engine.close();
  }

  @Test
  void theFirstMessageOpensAConversationRoutedToTheWidgetsDealer() {
    try (ChatClient widget = ChatClient.open(engine.port(), DEALER)) {
      String id = clientId();
      widget.send(id, "Is my car ready for pick-up?");

      JsonObject opened = widget.next();
      JsonObject ack = widget.next();

      assertThat(opened.getString("type")).isEqualTo("opened");
      assertThat(opened.getString("token")).matches("[A-Za-z0-9_-]{22}");
      assertThat(ack).isEqualTo(new JsonObject().put("type", "ack").put("id", id).put("seq", 1));
      JsonObject conversation = conversation(opened.getString("conversationId"));
      assertThat(conversation.getString("queue")).isEqualTo("dealer:" + DEALER);
      assertThat(conversation.getJsonArray("messages")).hasSize(1);
      assertThat(conversation.getJsonArray("messages").getJsonObject(0).getString("channel")).isEqualTo("chat");
      assertThat(conversation.getJsonArray("messages").getJsonObject(0).getString("text"))
          .isEqualTo("Is my car ready for pick-up?");
    }
  }

  @Test
  void laterMessagesJoinTheConversationAndAResentOneIsStoredOnce() {
    try (ChatClient widget = ChatClient.open(engine.port(), DEALER)) {
      String conversationId = open(widget, "Is my quote still valid?");
      String second = clientId();

      widget.send(second, "It is the one from March.");
      JsonObject ack = widget.next("ack");
      widget.send(second, "It is the one from March.");
      JsonObject ackOfResend = widget.next("ack");

      assertThat(ack.getLong("seq")).isEqualTo(2);
      assertThat(ackOfResend).isEqualTo(ack);
      assertThat(conversation(conversationId).getJsonArray("messages")).hasSize(2);
    }
  }

  @Test
  void anAgentsAnswerReachesTheOpenSocket() {
    try (ChatClient widget = ChatClient.open(engine.port(), DEALER)) {
      String conversationId = open(widget, "Is my car ready?");

      answer(conversationId, "Yes, <b>come by</b> at 4 pm.");

      JsonObject message = widget.next("message");
      assertThat(message.getString("from")).isEqualTo("agent");
      assertThat(message.getString("text")).isEqualTo("Yes, <b>come by</b> at 4 pm.");
      assertThat(message.getLong("seq")).isEqualTo(2);
      assertThat(message.getString("at")).isNotBlank();
    }
  }

  @Test
  void aChatWhoseMessagesSurviveADroppedConnection() {
    String conversationId;
    String token;
    String sentBeforeTheDrop = clientId();
    try (ChatClient widget = ChatClient.open(engine.port(), DEALER)) {
      widget.send(sentBeforeTheDrop, "Can you check my car's brakes?");
      JsonObject opened = widget.next("opened");
      conversationId = opened.getString("conversationId");
      token = opened.getString("token");
      widget.next("ack");
      answer(conversationId, "Of course. When would suit you?");
      assertThat(widget.next("message").getLong("seq")).isEqualTo(2);
      widget.drop();
    }

    answer(conversationId, "We have a slot on Friday at 9.");

    try (ChatClient widget = ChatClient.open(engine.port(), DEALER)) {
      widget.resume(token, 2);
      widget.send(sentBeforeTheDrop, "Can you check my car's brakes?");

      assertThat(widget.next()).isEqualTo(new JsonObject().put("type", "resumed").put("conversationId", conversationId));
      JsonObject missed = widget.next("message");
      assertThat(missed.getString("text")).isEqualTo("We have a slot on Friday at 9.");
      assertThat(missed.getLong("seq")).isEqualTo(3);
      assertThat(widget.next("ack")).isEqualTo(new JsonObject().put("type", "ack").put("id", sentBeforeTheDrop).put("seq", 1));

      widget.send(clientId(), "Friday is fine.");
      assertThat(widget.next("ack").getLong("seq")).isEqualTo(4);
      answer(conversationId, "Booked.");
      assertThat(widget.next("message").getString("text")).isEqualTo("Booked.");

      assertThat(widget.drain(300)).noneMatch(frame -> frame.getString("type").equals("message"));
      JsonArray messages = conversation(conversationId).getJsonArray("messages");
      assertThat(messages.stream().map(m -> ((JsonObject) m).getString("text")).toList()).containsExactly(
          "Can you check my car's brakes?", "Of course. When would suit you?", "We have a slot on Friday at 9.",
          "Friday is fine.", "Booked.");
    }
  }

  @Test
  void aResumeWithoutLastSeqGetsEveryAgentMessage() {
    try (ChatClient first = ChatClient.open(engine.port(), DEALER)) {
      first.send(clientId(), "Is my order confirmed?");
      JsonObject opened = first.next("opened");
      answer(opened.getString("conversationId"), "It is.");
      first.next("message");

      try (ChatClient second = ChatClient.open(engine.port(), DEALER)) {
        second.resume(opened.getString("token"), 0);
        second.next("resumed");
        assertThat(second.next("message").getString("text")).isEqualTo("It is.");
      }
    }
  }

  @Test
  void aFrameFloodIsClosedWithTheDocumentedCode() {
    try (ChatClient widget = ChatClient.open(engine.port(), DEALER)) {
      for (int i = 0; i < 200; i++) {
        widget.sendRaw("{\"type\":\"ping\"}");
      }

      assertThat(widget.closeStatus()).isEqualTo(ChatCloseCodes.TOO_MANY_FRAMES);
      assertThat(widget.closeReason()).contains("too many frames");
    }
    assertThat(engine.anonymous().get("/health/ready").statusCode()).isEqualTo(200);
  }

  @Test
  void anOversizedFrameIsClosedAndNothingOfItStored() {
    try (ChatClient widget = ChatClient.open(engine.port(), DEALER)) {
      widget.send(clientId(), "x".repeat(20_000));

      assertThat(widget.closeStatus()).isEqualTo(ChatCloseCodes.TOO_BIG);
    }
    assertThat(engine.anonymous().get("/health/ready").statusCode()).isEqualTo(200);
  }

  @Test
  void malformedFramesGetErrorFramesAndTheSocketGoesOn() {
    try (ChatClient widget = ChatClient.open(engine.port(), DEALER)) {
      widget.sendRaw("not json at all");
      widget.sendRaw("{\"type\":\"message\",\"id\":\"1\",\"text\":\"guessable\"}");
      widget.sendRaw("{\"type\":\"message\",\"id\":\"" + clientId() + "\",\"text\":\"" + "y".repeat(4001) + "\"}");
      widget.sendRaw("{\"type\":\"subscribe\"}");

      assertThat(List.of(widget.next(), widget.next(), widget.next(), widget.next()))
          .extracting(frame -> frame.getString("type") + " " + frame.getString("code"))
          .containsExactly("error malformed-frame", "error invalid-frame", "error text-too-long", "error invalid-frame");
      String conversationId = open(widget, "Is my car ready?");
      assertThat(conversation(conversationId).getJsonArray("messages")).hasSize(1);
    }
  }

  @Test
  void anUnknownDealerGetsAnErrorFrameAndTheDocumentedCode() {
    try (ChatClient widget = ChatClient.open(engine.port(), "XX-NOPE-001")) {
      JsonObject error = widget.next();

      assertThat(error.getString("code")).isEqualTo("unknown-dealer");
      assertThat(error.getString("detail")).contains("XX-NOPE-001");
      assertThat(widget.closeStatus()).isEqualTo(ChatCloseCodes.UNKNOWN_DEALER);
    }
    try (ChatClient widget = ChatClient.open(engine.port(), null)) {
      assertThat(widget.closeStatus()).isEqualTo(ChatCloseCodes.UNKNOWN_DEALER);
    }
  }

  @Test
  void aResumeWithAnUnknownTokenIsClosed() {
    try (ChatClient widget = ChatClient.open(engine.port(), DEALER)) {
      widget.resume(ChatTokens.newToken(), 0);

      assertThat(widget.closeStatus()).isEqualTo(ChatCloseCodes.UNKNOWN_TOKEN);
    }
  }

  @Test
  void aPlainRequestOfTheSocketIsToldToUpgrade() {
    HttpResponse<String> response = engine.anonymous().get("/v1/channels/chat/socket?dealer=" + DEALER);

    assertThat(response.statusCode()).isEqualTo(426);
    assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
    assertThat(response.body()).contains("WebSocket");
  }

  @Test
  void theWidgetAndTheDemoPageAreServedWithoutATokenTheDemoWithAStrictPolicy() {
    HttpResponse<String> widget = engine.anonymous().get("/chat/widget.js");
    HttpResponse<String> demo = engine.anonymous().get("/chat/demo.html");

    assertThat(widget.statusCode()).isEqualTo(200);
    assertThat(widget.headers().firstValue("Content-Type")).contains("text/javascript; charset=utf-8");
    assertThat(widget.body()).contains("textContent").doesNotContain("innerHTML").doesNotContain("insertAdjacentHTML");
    assertThat(demo.statusCode()).isEqualTo(200);
    assertThat(demo.headers().firstValue("Content-Security-Policy")).get().asString()
        .contains("default-src 'none'", "script-src 'self'", "connect-src 'self'", "frame-ancestors 'none'")
        .doesNotContain("unsafe-inline");
    assertThat(demo.body()).contains("<script src=\"/chat/widget.js\" data-dealer=\"DE-MUC-001\"");
  }

  @Test
  void onlyAllowedOriginsMayOpenTheSocketWhenTheyAreConfigured() {
    try (RunningEngine strict = RunningEngine.start(RunningEngine.testOptions().withChat(ChatSettings.defaults()
        .withAllowedOrigins(List.of("https://www.autohaus-muenchen.de"))), Clock.systemUTC())) {
      assertThatThrownBy(() -> ChatClient.open(strict.port(), DEALER, "https://evil.example")).hasMessageContaining("did not open");

      try (ChatClient widget = ChatClient.open(strict.port(), DEALER, "https://www.autohaus-muenchen.de")) {
        assertThat(open(widget, "Is my car ready?")).isNotBlank();
      }
    }
  }

  private static String open(ChatClient widget, String text) {
    widget.send(clientId(), text);
    String conversationId = widget.next("opened").getString("conversationId");
    widget.next("ack");
    return conversationId;
  }

  private static void answer(String conversationId, String text) {
    HttpResponse<String> answered = engine.as(DEALER_TOKEN).post("/v1/conversations/" + conversationId + "/messages",
        new JsonObject().put("agent", "sepp").put("text", text).encode());
    assertThat(answered.statusCode()).as(answered.body()).isEqualTo(201);
  }

  private static JsonObject conversation(String conversationId) {
    return new JsonObject(engine.as(DEALER_TOKEN).get("/v1/conversations/" + conversationId).body());
  }

  private static String clientId() {
    return UUID.randomUUID().toString();
  }

}
