package io.omniroute.loadtest.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omniroute.adapters.email.InboundMail;
import io.omniroute.rules.directory.Directory;
import io.omniroute.rules.directory.DirectoryLoader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the email adapter costs per mail: {@link InboundMail#parse} of a typical 50 KB reply
 * ({@code multipart/mixed}: a {@code multipart/alternative} with a quoted-printable ISO-8859-1
 * plain text and a UTF-8 HTML version, each with a quoted earlier message and a signature, and a
 * 20 KB PDF attachment in base64), and {@code toContact}: parse and map to the contact request
 * (recipient to dealer, thread key, quoted text and signature apart). Sample time, so JMH reports
 * the percentiles; the target is a p99 under 1 ms.
 *
 * <p>Run: {@code java -jar loadtest/target/omniroute-benchmarks.jar EmailParsingBenchmark -wi 3 -i 5 -f 1}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 3, time = 2, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 2, timeUnit = TimeUnit.SECONDS)
public class EmailParsingBenchmark {
  private final byte[] mail = typicalMail();
  private final Directory directory = DirectoryLoader.bundledSample();

  @Benchmark
  public InboundMail parse() {
    return InboundMail.parse(mail);
  }

  @Benchmark
  public ObjectNode toContact() {
    return InboundMail.parse(mail).toContact(directory);
  }

  /** The benchmark's mail: about 50 KB, as described above. */
  static byte[] typicalMail() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 30; i++) {
      text.append("Sehr geehrte Damen und Herren, mein Wagen ist seit Montag bei Ihnen zur Inspektion. Können Sie mir")
          .append(" sagen, wann er fertig ist? Außerdem hätte ich gern einen Kostenvoranschlag für die Bremsbeläge.\n");
    }
    String signature = "-- \nAnna Müller\nLindwurmstraße 12, 80337 München\n";
    StringBuilder quote = new StringBuilder("Am 12.03.2024 um 15:30 schrieb Autohaus München:\n");
    for (int i = 0; i < 30; i++) {
      quote.append("> Ihr Fahrzeug ist am Freitag ab 14 Uhr abholbereit. Die Bremsbeläge prüfen wir gern mit.\n");
    }
    String plain = text + "\n" + signature + "\n" + quote;
    StringBuilder html = new StringBuilder("<html><head><style>p{margin:0}</style></head><body><div dir=\"ltr\">");
    for (String line : text.toString().split("\n")) {
      html.append("<p>").append(line.replace("ä", "&auml;")).append("</p>");
    }
    html.append("<div class=\"gmail_signature\">Anna Müller<br>Lindwurmstraße 12, 80337 München</div></div>")
        .append("<div class=\"gmail_quote\"><blockquote type=\"cite\">");
    for (int i = 0; i < 30; i++) {
      html.append("<p>Ihr Fahrzeug ist am <b>Freitag</b> ab 14 Uhr abholbereit. Die Bremsbeläge prüfen wir gern mit.</p>");
    }
    html.append("</blockquote></div></body></html>");
    byte[] pdf = new byte[20 * 1024];
    new Random(42).nextBytes(pdf);
    String raw = "Delivered-To: service@autohaus-muenchen.example\r\n"
        + "Message-ID: <20240313101500.4712@mail.example.de>\r\n"
        + "In-Reply-To: <omniroute.answer.1@autohaus-muenchen.example>\r\n"
        + "References: <20240312081402.4711@mail.example.de> <omniroute.answer.1@autohaus-muenchen.example>\r\n"
        + "Date: Wed, 13 Mar 2024 10:15:00 +0100\r\n"
        + "From: =?UTF-8?B?QW5uYSBNw7xsbGVy?= <anna.mueller@example.de>\r\n"
        + "To: Autohaus =?ISO-8859-1?Q?M=FCnchen?= <service@autohaus-muenchen.example>\r\n"
        + "Subject: =?ISO-8859-1?Q?Re=3A_Gr=FC=DFe_und_eine_Frage_zur_Inspektion?=\r\n"
        + "MIME-Version: 1.0\r\n"
        + "Content-Type: multipart/mixed; boundary=\"000000000000f3a9c20613a1b2c3\"\r\n\r\n"
        + "--000000000000f3a9c20613a1b2c3\r\nContent-Type: multipart/alternative; boundary=\"000000000000f3a9bf0613a1b2c1\"\r\n\r\n"
        + "--000000000000f3a9bf0613a1b2c1\r\nContent-Type: text/plain; charset=ISO-8859-1\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
        + quotedPrintable(plain.getBytes(StandardCharsets.ISO_8859_1)) + "\r\n"
        + "--000000000000f3a9bf0613a1b2c1\r\nContent-Type: text/html; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n"
        + Base64.getMimeEncoder().encodeToString(html.toString().getBytes(StandardCharsets.UTF_8)) + "\r\n"
        + "--000000000000f3a9bf0613a1b2c1--\r\n"
        + "--000000000000f3a9c20613a1b2c3\r\nContent-Type: application/pdf; name=\"Angebot.pdf\"\r\n"
        + "Content-Disposition: attachment; filename=\"Angebot.pdf\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
        + Base64.getMimeEncoder().encodeToString(pdf) + "\r\n"
        + "--000000000000f3a9c20613a1b2c3--\r\n";
    return raw.getBytes(StandardCharsets.US_ASCII);
  }

  private static String quotedPrintable(byte[] bytes) {
    StringBuilder out = new StringBuilder();
    int column = 0;
    for (byte b : bytes) {
      int c = b & 0xff;
      String piece;
      if (c == '\n') {
        out.append("\r\n");
        column = 0;
        continue;
      }
      piece = c >= 33 && c <= 126 && c != '=' ? String.valueOf((char) c) : c == ' ' ? " " : String.format("=%02X", c);
      if (column + piece.length() > 75) {
        out.append("=\r\n");
        column = 0;
      }
      out.append(piece);
      column += piece.length();
    }
    return out.toString();
  }
}
