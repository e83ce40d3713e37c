package io.omniroute.engine.channel.email;

import static io.omniroute.engine.channel.email.EmailFixtures.post;
import static io.omniroute.engine.channel.email.EmailFixtures.read;
import static org.assertj.core.api.Assertions.assertThat;

import io.omniroute.engine.support.RunningEngine;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code POST /v1/channels/email/inbound} on a running engine, with the recorded mails. */
class EmailChannelIT {
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
  void takesAGermanMailAsAContactOfTheDealerItWasSentTo() {
    HttpResponse<String> response = post(engine.as("demo-adapter"), read("german-quoted-printable.eml"));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    JsonObject answer = new JsonObject(response.body());
    JsonObject contact = new JsonObject(engine.get("/v1/contacts/" + answer.getString("id")).body()).getJsonObject("contact");
    assertThat(contact.getString("channel")).isEqualTo("email");
    assertThat(contact.getString("dealerId")).isEqualTo("DE-MUC-001");
    assertThat(contact.getJsonObject("from").getString("email")).isEqualTo("anna.mueller@example.de");
    assertThat(contact.getString("subject")).isEqualTo("Grüße und eine Frage zur Inspektion meines Fahrzeugs");
    assertThat(contact.getString("text")).contains("Außerdem hätte ich gern einen Kostenvoranschlag");
    assertThat(contact.getJsonObject("references").getString("messageId")).isEqualTo("20240312081402.4711@mail.example.de");
  }

  @Test
  void answersTheFirstAnswerWhenTheSameMessageComesAgain() {
    byte[] mail = read("mixed-with-attachment.eml");
    HttpResponse<String> first = post(engine.as("demo-adapter"), mail);
    HttpResponse<String> again = post(engine.as("demo-adapter"), mail);

    assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(new JsonObject(again.body()).getString("id")).isEqualTo(new JsonObject(first.body()).getString("id"));
    JsonObject contact = new JsonObject(engine.get("/v1/contacts/" + new JsonObject(first.body()).getString("id")).body())
        .getJsonObject("contact");
    assertThat(contact.getJsonArray("attachments")).isEqualTo(new JsonArray()
        .add(new JsonObject().put("name", "Angebot Kombi 2024.pdf").put("type", "application/pdf").put("size", 2760)));
    assertThat(contact.getString("country")).isEqualTo("GB");
  }

  @Test
  void threadsAReplyIntoItsConversationWithTheQuoteAndSignatureApart() {
    String root = "thread-root-" + System.nanoTime() + "@mail.example.com";
    HttpResponse<String> first = post(engine.as("demo-adapter"), EmailFixtures.mail(root, null, "ben@example.com",
        "service@autohaus-berlin.example", "Winter tyres", "Can you fit winter tyres on Friday?"));
    HttpResponse<String> reply = post(engine.as("demo-adapter"), EmailFixtures.mail("re-" + root, root,
        "ben@example.com", "service@autohaus-berlin.example", "Re: Winter tyres",
        "Or Saturday morning?\r\n-- \r\nBen\r\n\r\nOn Mon, 11 Mar 2024, Ben wrote:\r\n> Can you fit winter tyres on Friday?"));

    assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
    assertThat(reply.statusCode()).as(reply.body()).isEqualTo(201);
    String conversationId = new JsonObject(first.body()).getString("conversationId");
    assertThat(new JsonObject(reply.body()).getString("conversationId")).isEqualTo(conversationId);
    assertThat(new JsonObject(reply.body()).getString("status")).isEqualTo("JOINED");
    JsonArray messages = new JsonObject(engine.get("/v1/conversations/" + conversationId).body()).getJsonArray("messages");
    assertThat(messages.stream().map(m -> ((JsonObject) m).getString("text")).toList())
        .containsExactly("Can you fit winter tyres on Friday?", "Or Saturday morning?");
    JsonObject contact = new JsonObject(engine.get("/v1/contacts/" + new JsonObject(reply.body()).getString("id")).body())
        .getJsonObject("contact");
    assertThat(contact.getString("signature")).isEqualTo("Ben");
    assertThat(contact.getString("quotedText")).endsWith("> Can you fit winter tyres on Friday?");
  }

  @Test
  void storesHtmlOnlyAsText() {
    HttpResponse<String> response = post(engine.as("demo-adapter"), read("hostile-html-script.eml"));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    String stored = engine.get("/v1/contacts/" + new JsonObject(response.body()).getString("id")).body();
    assertThat(new JsonObject(stored).getJsonObject("contact").getString("text")).isEqualTo("Hello, is my car ready?\nclick");
    assertThat(stored).doesNotContain("document.cookie", "alert('body')", "onerror", "javascript:", "iframe");
  }

  @Test
  void refusesEachBrokenMailWithAProblemAndStoresNothing() {
    int before = waitingAtMunich();
    for (String fixture : List.of("hostile-truncated-mime.eml", "hostile-undeclared-charset.eml", "hostile-unknown-charset.eml")) {
      HttpResponse<String> response = post(engine.as("demo-adapter"), read(fixture));

      assertThat(response.statusCode()).as(fixture + ": " + response.body()).isEqualTo(400);
      assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
      assertThat(new JsonObject(response.body()).getString("title")).isEqualTo("Payload cannot become a contact");
    }
    HttpResponse<String> empty = post(engine.as("demo-adapter"), new byte[0]);
    assertThat(empty.statusCode()).as(empty.body()).isEqualTo(400);
    assertThat(waitingAtMunich()).isEqualTo(before);
    assertThat(engine.get("/health/ready").statusCode()).isEqualTo(200);
  }

  @Test
  void refusesAMailOfTwentyMegabytesWith413() {
    int before = waitingAtMunich();
    HttpResponse<String> response = post(engine.as("demo-adapter"), EmailFixtures.withAttachmentOf(20 * 1024 * 1024));

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(new JsonObject(response.body()).getString("detail")).contains("email.maxMessageBytes");
    assertThat(waitingAtMunich()).isEqualTo(before);
    assertThat(engine.get("/health/ready").statusCode()).isEqualTo(200);
  }

  @Test
  void refusesAnotherMediaTypeWith415() {
    HttpResponse<String> response = engine.as("demo-adapter").send(HttpRequest.newBuilder(engine.uri(EmailFixtures.INBOUND))
        .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("hello")));

    assertThat(response.statusCode()).isEqualTo(415);
    assertThat(response.body()).contains("message/rfc822");
  }

  @Test
  void takesAConfiguredLimit() {
    RunningEngine small = RunningEngine.start(RunningEngine.testOptions()
        .withEmail(EmailOptions.defaults().withMaxMessageBytes(2048)), Clock.systemUTC());
    try {
      HttpResponse<String> response = post(small.as("demo-adapter"), read("mixed-with-attachment.eml"));

      assertThat(response.statusCode()).isEqualTo(413);
    } finally {
      small.close();
    }
  }

  @Test
  void answers404WhenTheChannelIsOff() {
    RunningEngine off = RunningEngine.start(RunningEngine.testOptions()
        .withEmail(EmailOptions.defaults().withEnabled(false)), Clock.systemUTC());
    try {
      HttpResponse<String> response = post(off.as("demo-adapter"), read("german-quoted-printable.eml"));

      assertThat(response.statusCode()).isEqualTo(404);
      assertThat(response.body()).contains("email.enabled");
    } finally {
      off.close();
    }
  }

  private static int waitingAtMunich() {
    return new JsonObject(engine.get("/v1/queues/dealer:DE-MUC-001").body()).getInteger("depth");
  }
}
