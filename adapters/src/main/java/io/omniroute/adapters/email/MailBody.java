package io.omniroute.adapters.email;

import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimePart;
import jakarta.mail.internet.MimePartDataSource;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.ParseException;
import org.eclipse.angus.mail.util.BASE64DecoderStream;
import org.eclipse.angus.mail.util.QPDecoderStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The readable body and the attachments of a parsed message, found by walking its MIME tree:
 * inline {@code text/plain} parts are the body; without any, the inline {@code text/html} parts
 * (an HTML-only mail), read into text by {@link HtmlText}. This covers {@code multipart/alternative},
 * {@code multipart/mixed} and {@code multipart/related} alike. Every part with a file name, an
 * {@code attachment} disposition or a type that is not text becomes an {@link Attachment}: its name,
 * type and decoded size, never its content. Immutable.
 *
 * @param plain the inline plain-text parts, joined (empty when there are none)
 * @param html the inline HTML parts, joined (empty when there are none)
 */
record MailBody(String plain, String html, List<Attachment> attachments) {
  /** At most this many bytes of one text part are read: a mail's words, not a data dump. */
  static final int MAX_TEXT_PART_BYTES = 2 * 1024 * 1024;
  private static final int MAX_PARTS = 500;
  private static final int MAX_DEPTH = 20;

  /** Whether the readable body came from HTML only. */
  boolean htmlOnly() {
    return plain.isBlank() && !html.isBlank();
  }

  /** The body as new text, quoted text and signature. */
  ReplyText reply() {
    return htmlOnly() ? HtmlText.of(html) : ReplyText.ofPlain(plain);
  }

  /** Walks {@code message}'s parts. Fails with {@link InvalidMailException} naming a part that cannot be read. */
  static MailBody of(Part message) throws MessagingException, IOException {
    Walk walk = new Walk();
    walk.visit(message, "1", 0);
    return new MailBody(walk.plain.toString(), walk.html.toString(), List.copyOf(walk.attachments));
  }

  static final class Walk {
    private final StringBuilder plain = new StringBuilder();
    private final StringBuilder html = new StringBuilder();
    private final List<Attachment> attachments = new ArrayList<>();
    private int parts;

    void visit(Part part, String path, int depth) throws MessagingException, IOException {
      if (++parts > MAX_PARTS || depth > MAX_DEPTH) {
        throw new InvalidMailException("the message has more than " + MAX_PARTS + " parts or is nested deeper than "
            + MAX_DEPTH + " levels");
      }
      ContentType type = typeOf(part, path);
      String baseType = type.getBaseType().toLowerCase(Locale.ROOT);
      if (baseType.startsWith("multipart/")) {
        MimeMultipart multipart = new MimeMultipart(new MimePartDataSource((MimePart) part));
        if (!multipart.isComplete()) {
          throw new InvalidMailException("part " + path + " (" + baseType + ") ends before its closing boundary line:"
              + " the message is truncated; post the complete raw message");
        }
        for (int i = 0; i < multipart.getCount(); i++) {
          visit(multipart.getBodyPart(i), path + "." + (i + 1), depth + 1);
        }
        return;
      }
      String fileName = fileName(part);
      boolean attachment = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || fileName != null
          || !baseType.startsWith("text/");
      if (attachment) {
        attachments.add(new Attachment(fileName == null ? defaultName(baseType) : fileName, baseType, decodedSize(part)));
      } else if (baseType.equals("text/html")) {
        append(html, PartText.of(part, "the text/html part " + path, MAX_TEXT_PART_BYTES));
      } else if (baseType.equals("text/plain") || baseType.equals("text/enriched") || baseType.equals("text/markdown")) {
        append(plain, PartText.of(part, "the " + baseType + " part " + path, MAX_TEXT_PART_BYTES));
      } else {
        attachments.add(new Attachment(defaultName(baseType), baseType, decodedSize(part)));
      }
    }

    private static ContentType typeOf(Part part, String path) throws MessagingException {
      String header = part.getContentType();
      try {
        return new ContentType(header == null ? "text/plain" : header);
      } catch (ParseException e) {
        throw new InvalidMailException("part " + path + " has the Content-Type '" + header + "', which cannot be read");
      }
    }

    private static String fileName(Part part) {
      try {
        String name = part.getFileName();
        if (name == null || name.isBlank()) {
          return null;
        }
        String decoded = MimeUtility.decodeText(name).strip();
        return decoded.length() > 255 ? decoded.substring(0, 255) : decoded;
      } catch (MessagingException | IOException | RuntimeException e) {
        return null;
      }
    }

    private static String defaultName(String baseType) {
      return baseType.equals("message/rfc822") ? "message.eml" : "attachment";
    }

    private static long decodedSize(Part part) throws MessagingException, IOException {
      try (InputStream in = decoded(part)) {
        return in.transferTo(OutputStream.nullOutputStream());
      }
    }

    /**
     * The part's content with its transfer encoding undone, read without the activation
     * framework's content handlers (their look-ups cost more than parsing the mail).
     */
    static InputStream decoded(Part part) throws MessagingException {
      MimePart mime = (MimePart) part;
      InputStream raw = part instanceof MimeMessage message ? message.getRawInputStream()
          : ((MimeBodyPart) part).getRawInputStream();
      String encoding = mime.getEncoding();
      if (encoding == null) {
        return raw;
      }
      return switch (encoding.toLowerCase(Locale.ROOT)) {
        case "base64" -> new BASE64DecoderStream(raw);
        case "quoted-printable" -> new QPDecoderStream(raw);
        case "7bit", "8bit", "binary" -> raw;
        default -> MimeUtility.decode(raw, encoding);
      };
    }

    private static void append(StringBuilder body, String text) {
      if (!body.isEmpty() && !text.isBlank()) {
        body.append("\n\n");
      }
      body.append(text);
    }
  }
}
