package io.omniroute.engine.channel.email;

import io.omniroute.engine.conversation.Outbound;
import io.omniroute.engine.queue.ContactRecord;
import io.omniroute.engine.queue.ConversationRecord;
import io.omniroute.engine.queue.Message;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;

/**
 * Sends an agent's answer on an email conversation to the customer by SMTP, as a reply to the
 * customer's latest mail: to its {@code Reply-To} or sender, from the service address it was sent
 * to (else the configured sender), with {@code Subject: Re: ...}, {@code In-Reply-To} its {@code
 * Message-ID} and {@code References} its chain plus its {@code Message-ID}, so the answer threads in
 * the customer's mail program and the customer's next reply joins the same conversation. What it
 * needs is in the conversation's contacts: each keeps the contact request the mail became.
 *
 * <p>Thread-safe; called on an event loop, sends on a worker thread, and tries {@value #ATTEMPTS}
 * times (after 1 s and 5 s) before its future fails (the answer stays stored either way).
 */
public final class SmtpOutbound implements Outbound {
  static final int ATTEMPTS = 3;
  private static final Duration[] BACKOFF = {Duration.ofSeconds(1), Duration.ofSeconds(5)};

  private final Vertx vertx;
  private final EmailOptions.Smtp smtp;
  private final Session session;
  private final String password;

  /**
   * @throws IllegalStateException when a user is configured and its password cannot be read
   */
  public SmtpOutbound(Vertx vertx, EmailOptions.Smtp smtp) {
    this.vertx = vertx;
    this.smtp = smtp;
    this.password = smtp.user() == null ? null : readPassword(smtp);
    this.session = Session.getInstance(properties(smtp));
  }

  private static String readPassword(EmailOptions.Smtp smtp) {
    if (smtp.password() == null) {
      throw new IllegalStateException("email.smtp: a user is configured but no password (passwordEnv or passwordFile)");
    }
    try {
      return smtp.password().read();
    } catch (IllegalStateException e) {
      throw new IllegalStateException("email.smtp: " + e.getMessage());
    }
  }

  private static Properties properties(EmailOptions.Smtp smtp) {
    String protocol = smtp.security() == EmailOptions.Security.TLS ? "smtps" : "smtp";
    Properties properties = new Properties();
    properties.setProperty("mail.transport.protocol", protocol);
    properties.setProperty("mail." + protocol + ".host", smtp.host());
    properties.setProperty("mail." + protocol + ".port", Integer.toString(smtp.effectivePort()));
    properties.setProperty("mail." + protocol + ".auth", Boolean.toString(smtp.user() != null));
    properties.setProperty("mail." + protocol + ".connectiontimeout", "10000");
    properties.setProperty("mail." + protocol + ".timeout", "30000");
    properties.setProperty("mail." + protocol + ".writetimeout", "30000");
    if (smtp.security() == EmailOptions.Security.STARTTLS) {
      properties.setProperty("mail.smtp.starttls.enable", "true");
      properties.setProperty("mail.smtp.starttls.required", "true");
    }
    if (smtp.security() != EmailOptions.Security.NONE) {
      properties.setProperty("mail." + protocol + ".ssl.checkserveridentity", "true");
    }
    return properties;
  }

  @Override
  public Future<Void> send(ConversationRecord conversation, Message answer) {
    ContactRecord mail = latestMail(conversation);
    if (mail == null) {
      return Future.failedFuture(new IllegalStateException(
          "conversation " + conversation.id() + " holds no inbound email to answer (its contacts were erased or forgotten)"));
    }
    Reply reply = Reply.to(mail.request().toJson(), answer, conversation.id(), smtp.from());
    return attempt(reply, 1);
  }

  private Future<Void> attempt(Reply reply, int attempt) {
    return vertx.<Void>executeBlocking(() -> {
      transport(reply.toMime(session));
      return null;
    }, false).recover(failure -> {
      if (attempt >= ATTEMPTS) {
        return Future.failedFuture(failure);
      }
      return vertx.timer(BACKOFF[attempt - 1].toMillis()).compose(fired -> attempt(reply, attempt + 1));
    });
  }

  private void transport(MimeMessage message) throws MessagingException {
    if (password == null) {
      Transport.send(message);
    } else {
      Transport.send(message, smtp.user(), password);
    }
  }

  /** The conversation's latest inbound email contact that still has its sender, or {@code null}. */
  static ContactRecord latestMail(ConversationRecord conversation) {
    List<ContactRecord> contacts = conversation.contacts();
    for (int i = contacts.size() - 1; i >= 0; i--) {
      ContactRecord contact = contacts.get(i);
      if ("email".equals(contact.channel()) && !contact.isErased()
          && contact.request().toJson().getJsonObject("from", new JsonObject()).getString("email") != null) {
        return contact;
      }
    }
    return null;
  }

  /** The answer as a mail: built from the customer's latest mail as the engine keeps it. */
  record Reply(String from, String to, String subject, String inReplyTo, List<String> references, String messageId,
      String text) {
    static Reply to(JsonObject request, Message answer, String conversationId, String defaultFrom) {
      JsonObject refs = request.getJsonObject("references", new JsonObject());
      String to = refs.getString("replyTo", request.getJsonObject("from").getString("email"));
      String from = refs.getString("serviceAddress", defaultFrom);
      String subject = request.getString("subject");
      String replySubject = subject == null || subject.isBlank() ? "Re: your message"
          : subject.toLowerCase(Locale.ROOT).startsWith("re:") ? subject : "Re: " + subject;
      String inReplyTo = refs.getString("messageId");
      List<String> chain = new ArrayList<>();
      String mailReferences = refs.getString("mailReferences");
      if (mailReferences != null && !mailReferences.isBlank()) {
        chain.addAll(List.of(mailReferences.trim().split("\\s+")));
      }
      if (inReplyTo != null && !chain.contains(inReplyTo)) {
        chain.add(inReplyTo);
      }
      String domain = from.substring(from.indexOf('@') + 1);
      String messageId = "omniroute." + conversationId + "." + UUID.randomUUID() + "@" + domain;
      return new Reply(from, to, replySubject, inReplyTo, chain, messageId, answer.text() == null ? "" : answer.text());
    }

    MimeMessage toMime(Session session) throws MessagingException {
      MimeMessage message = new FixedIdMessage(session, messageId);
      message.setFrom(new InternetAddress(from));
      message.setRecipients(jakarta.mail.Message.RecipientType.TO, InternetAddress.parse(to, false));
      message.setSubject(subject, "UTF-8");
      if (inReplyTo != null) {
        message.setHeader("In-Reply-To", "<" + inReplyTo + ">");
      }
      if (!references.isEmpty()) {
        message.setHeader("References", String.join(" ", references.stream().map(id -> "<" + id + ">").toList()));
      }
      message.setText(text, "UTF-8");
      message.setSentDate(new java.util.Date());
      message.saveChanges();
      return message;
    }
  }

  /** A message whose Message-ID is ours, not the one Jakarta Mail would make on saving. */
  private static final class FixedIdMessage extends MimeMessage {
    private final String id;

    FixedIdMessage(Session session, String id) {
      super(session);
      this.id = id;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", "<" + id + ">");
    }
  }
}
