package io.omniroute.adapters.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omniroute.rules.directory.Directory;
import io.omniroute.rules.directory.DirectoryLoader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class InboundMailTest {
  private static final Directory DIRECTORY = DirectoryLoader.bundledSample();

  @Test
  void readsAGermanMailInQuotedPrintableLatin1WithEncodedHeaders() {
    InboundMail mail = InboundMail.parse(MailFixtures.read("german-quoted-printable.eml"));

    assertThat(mail.from()).isEqualTo("anna.mueller@example.de");
    assertThat(mail.fromName()).isEqualTo("Anna Müller");
    assertThat(mail.subject()).isEqualTo("Grüße und eine Frage zur Inspektion meines Fahrzeugs");
    assertThat(mail.body().text())
        .contains("Können Sie mir sagen, wann er fertig ist? Außerdem hätte ich gern einen Kostenvoranschlag für die Bremsbeläge.")
        .endsWith("Anna Müller");
    assertThat(mail.messageId()).isEqualTo("20240312081402.4711@mail.example.de");
    assertThat(mail.threadKey()).isEqualTo(mail.messageId());
    assertThat(mail.idempotencyKey()).isEqualTo("email:20240312081402.4711@mail.example.de");
  }

  @Test
  void mapsTheDeliveredToAddressToItsDealer() {
    ObjectNode contact = InboundMail.parse(MailFixtures.read("german-quoted-printable.eml")).toContact(DIRECTORY);

    assertThat(contact.path("channel").asText()).isEqualTo("email");
    assertThat(contact.path("from").path("email").asText()).isEqualTo("anna.mueller@example.de");
    assertThat(contact.path("dealerId").asText()).isEqualTo("DE-MUC-001");
    assertThat(contact.has("country")).isFalse();
    assertThat(contact.path("references").path("messageId").asText()).isEqualTo("20240312081402.4711@mail.example.de");
    assertThat(contact.path("references").path("serviceAddress").asText()).isEqualTo("service@autohaus-muenchen.example");
    assertThat(contact.path("thread").path("key").asText()).isEqualTo("20240312081402.4711@mail.example.de");
    assertThat(contact.path("attributes").path("fromName").asText()).isEqualTo("Anna Müller");
  }

  @Test
  void threadsAReplyUnderTheRootOfItsReferences() {
    InboundMail reply = InboundMail.parse(MailFixtures.read("reply-with-quote-and-signature.eml"));

    assertThat(reply.inReplyTo()).isEqualTo("omniroute-answer-1@autohaus-muenchen.example");
    assertThat(reply.references())
        .containsExactly("20240312081402.4711@mail.example.de", "omniroute-answer-1@autohaus-muenchen.example");
    assertThat(reply.threadKey()).isEqualTo("20240312081402.4711@mail.example.de");
    ObjectNode contact = reply.toContact(DIRECTORY);
    assertThat(contact.path("references").path("inReplyTo").asText()).isEqualTo("omniroute-answer-1@autohaus-muenchen.example");
    assertThat(contact.path("references").path("mailReferences").asText())
        .isEqualTo("20240312081402.4711@mail.example.de omniroute-answer-1@autohaus-muenchen.example");
  }

  @Test
  void keepsTheQuotedTextAndTheSignatureApartFromTheNewText() {
    ObjectNode contact = InboundMail.parse(MailFixtures.read("reply-with-quote-and-signature.eml")).toContact(DIRECTORY);

    assertThat(contact.path("text").asText()).isEqualTo(
        "Danke für die schnelle Antwort! Dann hole ich den Wagen am Freitag um 16 Uhr ab.\nBitte legen Sie die Rechnung bereit.");
    assertThat(contact.path("signature").asText()).startsWith("Anna Müller\nLindwurmstraße 12").endsWith("Tel. +49 89 1234567");
    assertThat(contact.path("quotedText").asText())
        .startsWith("Am 12.03.2024 um 15:30 schrieb Autohaus München:")
        .contains("> Ihr Fahrzeug ist am Freitag ab 14 Uhr abholbereit.");
  }

  @Test
  void readsAnHtmlOnlyReplyIntoTextWithoutTheQuotedNewsletter() {
    InboundMail mail = InboundMail.parse(MailFixtures.read("html-only-newsletter-reply.eml"));
    ObjectNode contact = mail.toContact(DIRECTORY);

    assertThat(mail.htmlOnly()).isTrue();
    assertThat(mail.subject()).isEqualTo("Re: Der neue Nordwind Kombi – jetzt entdecken");
    assertThat(contact.path("text").asText()).isEqualTo(
        "Hallo Nordwind-Team,\nich habe Ihren Newsletter zum neuen Kombi gelesen. Gibt es das Modell auch mit Anhängerkupplung und in Blau?\n"
            + "Viele Grüße\nJonas Weber");
    assertThat(contact.path("quotedText").asText()).contains("Der neue Nordwind Kombi").contains("Jetzt bei Ihrem Händler.");
    assertThat(contact.path("country").asText()).isEqualTo("DE");
    assertThat(contact.has("dealerId")).isFalse();
    assertThat(contact.path("thread").path("key").asText()).isEqualTo("newsletter-2024-03@nordwind.example");
    assertThat(contact.path("attributes").path("htmlOnly").asText()).isEqualTo("true");
  }

  @Test
  void keepsAnAttachmentAsMetadataAndPrefersThePlainAlternative() {
    InboundMail mail = InboundMail.parse(MailFixtures.read("mixed-with-attachment.eml"));
    ObjectNode contact = mail.toContact(DIRECTORY);

    assertThat(mail.attachments()).containsExactly(new Attachment("Angebot Kombi 2024.pdf", "application/pdf", 2760));
    assertThat(contact.path("attachments").get(0).path("name").asText()).isEqualTo("Angebot Kombi 2024.pdf");
    assertThat(contact.path("attachments").get(0).path("size").asLong()).isEqualTo(2760);
    assertThat(contact.path("text").asText()).startsWith("Hello,\n\nplease find attached the quote").endsWith("Thanks, Tom");
    assertThat(contact.path("country").asText()).isEqualTo("GB");
    assertThat(contact.toString()).doesNotContain("JVBERi0");
  }

  @Test
  void refusesTruncatedMimeNamingTheBoundary() {
    assertThatThrownBy(() -> InboundMail.parse(MailFixtures.read("hostile-truncated-mime.eml")))
        .isInstanceOf(InvalidMailException.class)
        .hasMessageContaining("closing boundary")
        .hasMessageContaining("truncated");
  }

  @Test
  void refusesEightBitTextWithoutACharset() {
    assertThatThrownBy(() -> InboundMail.parse(MailFixtures.read("hostile-undeclared-charset.eml")))
        .isInstanceOf(InvalidMailException.class)
        .hasMessageContaining("declares no charset");
  }

  @Test
  void refusesACharsetJavaCannotRead() {
    assertThatThrownBy(() -> InboundMail.parse(MailFixtures.read("hostile-unknown-charset.eml")))
        .isInstanceOf(InvalidMailException.class)
        .hasMessageContaining("x-klingon-9");
  }

  @Test
  void readsUndeclaredUtf8() {
    byte[] raw = ("Message-ID: <u@x>\r\nFrom: a@example.com\r\nSubject: hi\r\nContent-Type: text/plain\r\n\r\nGrüße\r\n")
        .getBytes(StandardCharsets.UTF_8);

    assertThat(InboundMail.parse(raw).body().text()).isEqualTo("Grüße");
  }

  @Test
  void keepsNothingOfScriptsInHtml() {
    ObjectNode contact = InboundMail.parse(MailFixtures.read("hostile-html-script.eml")).toContact(DIRECTORY);

    assertThat(contact.path("text").asText()).isEqualTo("Hello, is my car ready?\nclick");
    assertThat(contact.toString()).doesNotContain("document.cookie", "alert('body')", "onerror", "javascript:", "<iframe");
  }

  @Test
  void refusesAMailLargerThanTheLimitBeforeReadingIt() {
    assertThatThrownBy(() -> InboundMail.parse(new byte[2048], 1024))
        .isInstanceOf(MailTooLargeException.class)
        .hasMessageContaining("2048 bytes; at most 1024");
  }

  @Test
  void refusesAMailWithoutSender() {
    byte[] raw = "Message-ID: <n@x>\r\nSubject: hi\r\n\r\nhello\r\n".getBytes(StandardCharsets.US_ASCII);

    assertThatThrownBy(() -> InboundMail.parse(raw))
        .isInstanceOf(InvalidMailException.class)
        .hasMessageContaining("From is missing");
  }

  @Test
  void givesAMailWithoutMessageIdAStableIdOfItsContent() {
    byte[] raw = "From: a@example.com\r\nSubject: hi\r\n\r\nhello\r\n".getBytes(StandardCharsets.US_ASCII);

    assertThat(InboundMail.parse(raw).messageId()).isEqualTo(InboundMail.parse(raw.clone()).messageId())
        .endsWith("@sha256.omniroute.invalid");
  }

  @Test
  void shortensALongReferencesChainKeepingTheRootAndTheLatest() {
    StringBuilder header = new StringBuilder("References:");
    for (int i = 0; i < 40; i++) {
      header.append(" <message-").append(i).append("@mail.example.com>");
    }
    byte[] raw = ("Message-ID: <m@x>\r\nFrom: a@example.com\r\n" + header + "\r\n\r\nhello\r\n").getBytes(StandardCharsets.US_ASCII);

    String text = InboundMail.parse(raw).referencesText();

    assertThat(text.length()).isLessThanOrEqualTo(500);
    assertThat(text).startsWith("message-0@mail.example.com ").endsWith("message-39@mail.example.com");
  }
}
