package io.omniroute.adapters.email;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omniroute.rules.directory.Directory;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One inbound mail, parsed from its raw RFC 5322 form with Jakarta Mail (Angus Mail) and turned
 * into the engine's contact request ({@link #toContact}). Headers are decoded (RFC 2047, any charset
 * Java knows), the body read from {@code multipart/alternative}, {@code multipart/mixed} or a single
 * part in quoted-printable or base64, an HTML-only body read into text; the new text is kept apart
 * from the quoted earlier messages and the signature ({@link ReplyText}); attachments are metadata.
 *
 * <p>Threading: the thread key is the conversation's root {@code Message-ID}: the first of {@code
 * References}, else {@code In-Reply-To}, else the mail's own {@code Message-ID}, so a reply joins the
 * conversation of the mail it answers. The {@code Message-ID} is also the idempotency key: the same
 * mail posted or fetched twice is one contact. A mail without a {@code Message-ID} gets one made of
 * the SHA-256 of its bytes, which is as stable.
 *
 * <p>Immutable; {@link #parse} is thread-safe and takes about 0.2 ms for a
 * typical mail (BENCHMARKS.md), so callers on an event loop hand larger mails to a worker.
 *
 * @param messageId the mail's {@code Message-ID} without angle brackets
 * @param inReplyTo the {@code Message-ID} it answers, or {@code null}
 * @param references the {@code References} chain, oldest first (may be empty)
 * @param from the sender's address
 * @param fromName the sender's display name, or {@code null}
 * @param replyTo where answers go when the sender asked for another address than {@code from}, or {@code null}
 * @param recipients {@code Delivered-To}, {@code X-Original-To}, {@code To} and {@code Cc} addresses, in that order
 * @param subject the decoded subject, or {@code null}
 * @param body the new text, the quoted text and the signature
 * @param htmlOnly whether the text was read from HTML (there was no plain-text part)
 */
public record InboundMail(
    String messageId, String inReplyTo, List<String> references, String from, String fromName, String replyTo,
    List<String> recipients, String subject, ReplyText body, List<Attachment> attachments, boolean htmlOnly) {
  /** The channel of every mail's contact. */
  public static final String CHANNEL = "email";
  /** The default limit of a raw mail: 10 MiB. */
  public static final long DEFAULT_MAX_BYTES = 10L * 1024 * 1024;
  static final int MAX_TEXT = 60_000;
  static final int MAX_SIGNATURE = 2_000;
  static final int MAX_SUBJECT = 1_000;
  static final int MAX_ID = 500;
  private static final int MAX_REFERENCES_TEXT = 500;
  private static final Pattern ANGLE_ID = Pattern.compile("<([^<>\\s]+)>");
  private static final Pattern BARE_ID = Pattern.compile("[^<>\\s]+@[^<>\\s]+");
  private static final Pattern ADDRESS = Pattern.compile("[^@\\s]+@[^@\\s]+");
  /**
   * Jakarta Mail 2.1 looks its {@code StreamProvider} up with a {@link java.util.ServiceLoader} scan
   * of the class path for every part, header block and decoder it makes (jakartaee/mail-api#699,
   * #861), which costs more than the parsing. Naming Angus Mail's provider in the system property
   * the API reads first turns that into a plain class load; a value already set is kept.
   */
  private static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

  static {
    if (System.getProperty(STREAM_PROVIDER) == null) {
      System.setProperty(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
    }
  }

  private static final Session SESSION = Session.getInstance(parsingProperties());

  public InboundMail {
    references = List.copyOf(references);
    recipients = List.copyOf(recipients);
    attachments = List.copyOf(attachments);
  }

  private static Properties parsingProperties() {
    Properties properties = new Properties();
    properties.setProperty("mail.mime.address.strict", "false");
    properties.setProperty("mail.mime.decodetext.strict", "false");
    properties.setProperty("mail.mime.allowutf8", "true");
    properties.setProperty("mail.mime.multipart.ignoremissingendboundary", "false");
    properties.setProperty("mail.mime.multipart.ignoremissingboundaryparameter", "false");
    properties.setProperty("mail.mime.base64.ignoreerrors", "false");
    return properties;
  }

  /** Parses a raw mail of any size. */
  public static InboundMail parse(byte[] raw) {
    return parse(raw, Long.MAX_VALUE);
  }

  /**
   * Parses a raw mail.
   *
   * @throws MailTooLargeException when {@code raw} is larger than {@code maxBytes}
   * @throws InvalidMailException naming each header or part that cannot be read
   */
  public static InboundMail parse(byte[] raw, long maxBytes) {
    if (raw.length > maxBytes) {
      throw new MailTooLargeException(raw.length, maxBytes);
    }
    if (raw.length == 0) {
      throw new InvalidMailException("the message is empty: post one raw RFC 5322 message (an .eml file)");
    }
    try {
      MimeMessage message = new MimeMessage(SESSION, new MailBytes(raw));
      List<String> problems = new ArrayList<>();
      InternetAddress sender = sender(message, problems);
      String messageId = firstId(message.getHeader("Message-ID", null));
      if (messageId == null) {
        messageId = contentId(raw);
      } else if (messageId.length() > MAX_ID) {
        problems.add("Message-ID has " + messageId.length() + " characters; at most " + MAX_ID);
      }
      String inReplyTo = firstId(message.getHeader("In-Reply-To", null));
      if (inReplyTo != null && inReplyTo.length() > MAX_ID) {
        problems.add("In-Reply-To has " + inReplyTo.length() + " characters; at most " + MAX_ID);
      }
      List<String> references = ids(message.getHeader("References", " "));
      references.removeIf(id -> id.length() > MAX_ID);
      if (!problems.isEmpty()) {
        throw new InvalidMailException(problems);
      }
      MailBody body = MailBody.of(message);
      return new InboundMail(
          messageId, inReplyTo, references, sender.getAddress(), blankToNull(sender.getPersonal()),
          replyTo(message, sender), recipients(message), blankToNull(subject(message)), body.reply(), body.attachments(),
          body.htmlOnly());
    } catch (MessagingException | IOException e) {
      throw new InvalidMailException("the MIME structure cannot be read (" + e.getMessage()
          + "): post the complete raw message, with every multipart boundary closed");
    }
  }

  /** The root {@code Message-ID} of the conversation: the first of References, else In-Reply-To, else its own. */
  public String threadKey() {
    if (!references.isEmpty()) {
      return references.get(0);
    }
    return inReplyTo != null ? inReplyTo : messageId;
  }

  /** The idempotency key of this mail: its {@code Message-ID}. */
  public String idempotencyKey() {
    return "email:" + messageId;
  }

  /**
   * The contact request of {@code POST /v1/contacts} for this mail: {@code from.email}, subject,
   * the new text, the quoted text and signature apart, the attachments' metadata, {@code references}
   * with {@code messageId}, {@code inReplyTo} and the References chain, the thread key, and the
   * dealer (or else the country) the first recipient address listed in {@code directory} belongs to.
   */
  public ObjectNode toContact(Directory directory) {
    ObjectNode contact = JsonNodeFactory.instance.objectNode();
    contact.put("channel", CHANNEL);
    contact.putObject("from").put("email", from);
    String dealerId = null;
    String country = null;
    String serviceAddress = null;
    if (directory != null) {
      for (String recipient : recipients) {
        if (dealerId == null && directory.dealerOfAddress(recipient) != null) {
          dealerId = directory.dealerOfAddress(recipient);
          serviceAddress = recipient;
        }
      }
      for (String recipient : recipients) {
        if (dealerId == null && country == null && directory.countryOfAddress(recipient) != null) {
          country = directory.countryOfAddress(recipient);
          serviceAddress = recipient;
        }
      }
    }
    if (dealerId != null) {
      contact.put("dealerId", dealerId);
    }
    if (country != null) {
      contact.put("country", country);
    }
    if (subject != null) {
      contact.put("subject", truncated(subject, MAX_SUBJECT));
    }
    ObjectNode attributes = JsonNodeFactory.instance.objectNode();
    if (!body.text().isEmpty()) {
      contact.put("text", truncated(body.text(), MAX_TEXT));
      if (body.text().length() > MAX_TEXT) {
        attributes.put("textTruncated", "true");
      }
    }
    if (!body.quoted().isEmpty()) {
      contact.put("quotedText", truncated(body.quoted(), MAX_TEXT));
    }
    if (!body.signature().isEmpty()) {
      contact.put("signature", truncated(body.signature(), MAX_SIGNATURE));
    }
    if (!attachments.isEmpty()) {
      ArrayNode list = contact.putArray("attachments");
      attachments.stream().limit(100).forEach(a -> list.addObject()
          .put("name", a.name()).put("type", truncated(a.type(), 255)).put("size", a.size()));
    }
    ObjectNode refs = contact.putObject("references");
    refs.put("messageId", messageId);
    if (inReplyTo != null) {
      refs.put("inReplyTo", inReplyTo);
    }
    if (!references.isEmpty()) {
      refs.put("mailReferences", referencesText());
    }
    if (replyTo != null) {
      refs.put("replyTo", replyTo);
    }
    if (serviceAddress != null) {
      refs.put("serviceAddress", serviceAddress);
    }
    if (fromName != null) {
      attributes.put("fromName", truncated(fromName, 500));
    }
    if (htmlOnly) {
      attributes.put("htmlOnly", "true");
    }
    if (!attributes.isEmpty()) {
      contact.set("attributes", attributes);
    }
    contact.putObject("thread").put("key", threadKey());
    return contact;
  }

  /**
   * The References chain as one space-separated text of at most 500 characters: when it is longer,
   * the root and the latest ids are kept, as RFC 5322 suggests for a reply's References.
   */
  String referencesText() {
    List<String> kept = new ArrayList<>(references);
    while (kept.size() > 1 && String.join(" ", kept).length() > MAX_REFERENCES_TEXT) {
      kept.remove(1);
    }
    String text = String.join(" ", kept);
    return text.length() > MAX_REFERENCES_TEXT ? kept.get(0) : text;
  }

  private static InternetAddress sender(MimeMessage message, List<String> problems) throws MessagingException {
    String header = message.getHeader("From", ",");
    if (header == null || header.isBlank()) {
      problems.add("From is missing: the sender's address");
      return new InternetAddress();
    }
    try {
      InternetAddress[] addresses = InternetAddress.parseHeader(header, false);
      if (addresses.length > 0 && addresses[0].getAddress() != null
          && ADDRESS.matcher(addresses[0].getAddress()).matches() && addresses[0].getAddress().length() <= 254) {
        return addresses[0];
      }
    } catch (AddressException e) {
      // reported below
    }
    problems.add("From is '" + truncated(header, 200) + "': it needs the sender's address, such as anna@example.com");
    return new InternetAddress();
  }

  private static String replyTo(MimeMessage message, InternetAddress sender) throws MessagingException {
    String header = message.getHeader("Reply-To", ",");
    if (header == null) {
      return null;
    }
    try {
      InternetAddress[] addresses = InternetAddress.parseHeader(header, false);
      if (addresses.length > 0 && addresses[0].getAddress() != null && ADDRESS.matcher(addresses[0].getAddress()).matches()
          && addresses[0].getAddress().length() <= 254 && !addresses[0].getAddress().equalsIgnoreCase(sender.getAddress())) {
        return addresses[0].getAddress();
      }
    } catch (AddressException e) {
      return null;
    }
    return null;
  }

  private static List<String> recipients(MimeMessage message) throws MessagingException {
    List<String> recipients = new ArrayList<>();
    for (String name : new String[] {"Delivered-To", "X-Original-To", "To", "Cc"}) {
      String[] values = message.getHeader(name);
      if (values == null) {
        continue;
      }
      for (String value : values) {
        try {
          for (Address address : InternetAddress.parseHeader(value, false)) {
            String email = ((InternetAddress) address).getAddress();
            if (email != null && !email.isBlank() && !recipients.contains(email)) {
              recipients.add(email);
            }
          }
        } catch (AddressException e) {
          // a recipient that cannot be read maps to nothing
        }
      }
    }
    return recipients;
  }

  private static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (MessagingException e) {
      return null;
    }
  }

  private static String firstId(String header) {
    List<String> ids = ids(header);
    if (!ids.isEmpty()) {
      return ids.get(0);
    }
    return header == null || !BARE_ID.matcher(header.strip()).matches() ? null : header.strip();
  }

  private static List<String> ids(String header) {
    List<String> ids = new ArrayList<>();
    if (header == null) {
      return ids;
    }
    Matcher matcher = ANGLE_ID.matcher(header);
    while (matcher.find()) {
      ids.add(matcher.group(1));
    }
    return ids;
  }

  private static String contentId(byte[] raw) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(raw);
      return HexFormat.of().formatHex(digest) + "@sha256.omniroute.invalid";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static String truncated(String text, int max) {
    if (text.length() <= max) {
      return text;
    }
    int end = max - 1;
    if (Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end) + "…";
  }
}
