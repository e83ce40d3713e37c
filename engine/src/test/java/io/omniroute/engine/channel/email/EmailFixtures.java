package io.omniroute.engine.channel.email;

import io.omniroute.engine.support.EngineClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The recorded mails of the adapters module ({@code adapters/src/test/resources/email/}) and how to post them. */
final class EmailFixtures {
  static final String INBOUND = "/v1/channels/email/inbound";
  private static final Path DIR = Path.of("..", "adapters", "src", "test", "resources", "email");

  private EmailFixtures() {}

  static byte[] read(String name) {
    try {
      return Files.readAllBytes(DIR.resolve(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static HttpResponse<String> post(EngineClient client, byte[] raw) {
    return client.send(HttpRequest.newBuilder(client.uri(INBOUND))
        .header("Content-Type", "message/rfc822")
        .POST(HttpRequest.BodyPublishers.ofByteArray(raw)));
  }

  static HttpResponse<String> post(EngineClient client, String raw) {
    return post(client, raw.getBytes(StandardCharsets.UTF_8));
  }

  /** A plain mail with this Message-ID (and References, may be null) from {@code from} to {@code to}. */
  static String mail(String messageId, String references, String from, String to, String subject, String text) {
    return "Message-ID: <" + messageId + ">\r\n"
        + (references == null ? "" : "In-Reply-To: <" + references.substring(references.lastIndexOf(' ') + 1)
            + ">\r\nReferences: " + String.join(" ", java.util.Arrays.stream(references.split(" ")).map(id -> "<" + id + ">").toList()) + "\r\n")
        + "From: " + from + "\r\nTo: " + to + "\r\nSubject: " + subject + "\r\nMIME-Version: 1.0\r\n"
        + "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" + text + "\r\n";
  }

  /** A mail of about {@code bytes} bytes: a short text and one base64 attachment. */
  static byte[] withAttachmentOf(int bytes) {
    StringBuilder mail = new StringBuilder("Message-ID: <huge@mail.example.com>\r\nFrom: mallory@example.com\r\n"
        + "To: service@autohaus-muenchen.example\r\nSubject: huge\r\nMIME-Version: 1.0\r\n"
        + "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nsee attachment\r\n"
        + "--b\r\nContent-Type: application/octet-stream; name=big.bin\r\nContent-Transfer-Encoding: base64\r\n\r\n");
    String line = "A".repeat(76) + "\r\n";
    while (mail.length() < bytes) {
      mail.append(line);
    }
    mail.append("--b--\r\n");
    return mail.toString().getBytes(StandardCharsets.US_ASCII);
  }
}
