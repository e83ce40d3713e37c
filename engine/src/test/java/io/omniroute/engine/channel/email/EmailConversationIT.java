package io.omniroute.engine.channel.email;

import static io.omniroute.engine.channel.email.EmailFixtures.post;
import static io.omniroute.engine.channel.email.EmailFixtures.read;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import io.omniroute.engine.support.Eventually;
import io.omniroute.engine.support.RunningEngine;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An email conversation end to end on a running engine: the customer's mail, the agent's answer
 * sent by SMTP (to GreenMail) as a reply that threads in the customer's mail program, and the
 * customer's reply to that answer back in the same conversation.
 */
class EmailConversationIT {
  @RegisterExtension
  static final GreenMailExtension MAIL = new GreenMailExtension(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

  private RunningEngine engine;

  @BeforeEach
  void start() {
    EmailOptions.Smtp smtp = new EmailOptions.Smtp("127.0.0.1", MAIL.getSmtp().getPort(), EmailOptions.Security.NONE,
        null, null, "service@nordwind.example");
    engine = RunningEngine.start(RunningEngine.testOptions().withEmail(EmailOptions.defaults().withSmtp(smtp)),
        Clock.systemUTC());
  }

  @AfterEach
  void stop() {
    engine.close();
  }

  @Test
  void sendsTheAgentsAnswerAsAReplyAndTheCustomersNextMailJoinsTheConversation() throws Exception {
    HttpResponse<String> first = post(engine.as("demo-adapter"), read("german-quoted-printable.eml"));
    assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
    String conversationId = new JsonObject(first.body()).getString("conversationId");

    HttpResponse<String> answered = engine.post("/v1/conversations/" + conversationId + "/messages",
        new JsonObject().put("agent", "sepp").put("text", "Ihr Wagen ist am Freitag ab 14 Uhr abholbereit. Grüße, Sepp").encode());
    assertThat(answered.statusCode()).as(answered.body()).isEqualTo(201);

    assertThat(MAIL.waitForIncomingEmail(10_000, 1)).isTrue();
    MimeMessage sent = MAIL.getReceivedMessages()[0];
    assertThat(sent.getAllRecipients()).containsExactly(new InternetAddress("anna.mueller@example.de"));
    assertThat(((InternetAddress) sent.getFrom()[0]).getAddress()).isEqualTo("service@autohaus-muenchen.example");
    assertThat(sent.getSubject()).isEqualTo("Re: Grüße und eine Frage zur Inspektion meines Fahrzeugs");
    assertThat(sent.getHeader("In-Reply-To", null)).isEqualTo("<20240312081402.4711@mail.example.de>");
    assertThat(sent.getHeader("References", null)).isEqualTo("<20240312081402.4711@mail.example.de>");
    assertThat(((String) sent.getContent()).strip()).isEqualTo("Ihr Wagen ist am Freitag ab 14 Uhr abholbereit. Grüße, Sepp");
    String answerId = sent.getMessageID();
    assertThat(answerId).startsWith("<omniroute.").endsWith("@autohaus-muenchen.example>");

    String bare = answerId.substring(1, answerId.length() - 1);
    HttpResponse<String> reply = post(engine.as("demo-adapter"), EmailFixtures.mail("reply-" + System.nanoTime() + "@mail.example.de",
        "20240312081402.4711@mail.example.de " + bare, "Anna Müller <anna.mueller@example.de>",
        "service@autohaus-muenchen.example", "Re: Grüße", "Danke, dann bis Freitag!\r\n\r\nAm 12.03.2024 schrieb Sepp:\r\n> abholbereit"));
    assertThat(reply.statusCode()).as(reply.body()).isEqualTo(201);
    assertThat(new JsonObject(reply.body()).getString("conversationId")).isEqualTo(conversationId);

    JsonArray messages = new JsonObject(engine.get("/v1/conversations/" + conversationId).body()).getJsonArray("messages");
    assertThat(messages.stream().map(m -> ((JsonObject) m).getString("direction")).toList())
        .containsExactly("inbound", "outbound", "inbound");
    assertThat(messages.getJsonObject(2).getString("text")).isEqualTo("Danke, dann bis Freitag!");
  }

  @Test
  void answersTheReplyToAddressAndKeepsTheReferencesChain() throws Exception {
    String raw = "Message-ID: <second@mail.example.com>\r\nIn-Reply-To: <first@mail.example.com>\r\n"
        + "References: <root@mail.example.com> <first@mail.example.com>\r\nFrom: Tom <tom@example.co.uk>\r\n"
        + "Reply-To: tom.private@example.org\r\nTo: someone@elsewhere.example\r\nSubject: Re: estate\r\n\r\nStill waiting.\r\n";
    HttpResponse<String> received = post(engine.as("demo-adapter"), raw);
    String conversationId = new JsonObject(received.body()).getString("conversationId");

    engine.post("/v1/conversations/" + conversationId + "/messages",
        new JsonObject().put("agent", "desk").put("text", "Sorry, the quote follows today.").encode());

    MimeMessage sent = Eventually.until(() -> MAIL.getReceivedMessages(), all -> all.length == 1, Duration.ofSeconds(10))[0];
    assertThat(sent.getAllRecipients()).containsExactly(new InternetAddress("tom.private@example.org"));
    assertThat(((InternetAddress) sent.getFrom()[0]).getAddress()).isEqualTo("service@nordwind.example");
    assertThat(sent.getSubject()).isEqualTo("Re: estate");
    assertThat(sent.getHeader("In-Reply-To", null)).isEqualTo("<second@mail.example.com>");
    assertThat(sent.getHeader("References", null))
        .isEqualTo("<root@mail.example.com> <first@mail.example.com> <second@mail.example.com>");
  }
}
