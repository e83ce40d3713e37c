package io.omniroute.engine.channel.email;

import io.omniroute.adapters.email.InboundMail;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * How the email channel runs: whether {@code POST /v1/channels/email/inbound} takes mail, the
 * largest raw message accepted, and optionally a mailbox to poll ({@link Imap}) and a server to
 * send answers through ({@link Smtp}). Immutable.
 *
 * @param enabled whether the channel takes mail (on by default)
 * @param maxMessageBytes the largest raw message, headers and attachments included (default 10 MiB)
 * @param imap the mailbox to poll, or {@code null} for none
 * @param smtp the server answers go out through, or {@code null}: answers are then only stored
 */
public record EmailOptions(boolean enabled, long maxMessageBytes, Imap imap, Smtp smtp) {
  public EmailOptions {
    if (maxMessageBytes < 1024) {
      throw new IllegalArgumentException("channels.email.maxMessageBytes must be at least 1024, got " + maxMessageBytes);
    }
  }

  /** On, 10 MiB, no mailbox, no SMTP server. */
  public static EmailOptions defaults() {
    return new EmailOptions(true, InboundMail.DEFAULT_MAX_BYTES, null, null);
  }

  public EmailOptions withEnabled(boolean newEnabled) {
    return new EmailOptions(newEnabled, maxMessageBytes, imap, smtp);
  }

  public EmailOptions withMaxMessageBytes(long newMax) {
    return new EmailOptions(enabled, newMax, imap, smtp);
  }

  public EmailOptions withImap(Imap newImap) {
    return new EmailOptions(enabled, maxMessageBytes, newImap, smtp);
  }

  public EmailOptions withSmtp(Smtp newSmtp) {
    return new EmailOptions(enabled, maxMessageBytes, imap, newSmtp);
  }

  /** How a connection to a mail server is protected. */
  public enum Security {
    /** TLS from the first byte (IMAPS 993, SMTPS 465). */
    TLS,
    /** A plain connection upgraded with STARTTLS, which is required. */
    STARTTLS,
    /** No encryption: only for a server on the same host or in tests. */
    NONE;

    /** {@code tls}, {@code starttls} or {@code none}. */
    public static Security fromWire(String value) {
      try {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("security is '" + value + "'; use tls, starttls or none");
      }
    }
  }

  /**
   * The mailbox the {@link ImapPoller} drains.
   *
   * @param port the port, or 0 for the default of {@code security} (993, or 143)
   * @param interval how long the poller waits between two rounds
   * @param listener told of each mail stored, before it is marked seen (monitoring, tests)
   */
  public record Imap(
      String host, int port, Security security, String user, Secret password, String folder, Duration interval,
      ImapPoller.Listener listener) {
    public Imap {
      Objects.requireNonNull(host, "channels.email.imap.host");
      Objects.requireNonNull(user, "channels.email.imap.user");
      Objects.requireNonNull(password, "channels.email.imap.password");
      security = security == null ? Security.TLS : security;
      folder = folder == null || folder.isBlank() ? "INBOX" : folder;
      interval = interval == null ? Duration.ofSeconds(30) : interval;
      listener = listener == null ? ImapPoller.Listener.NONE : listener;
      if (interval.isNegative() || interval.isZero()) {
        throw new IllegalArgumentException("channels.email.imap.intervalSeconds must be positive");
      }
    }

    /** The port to connect to. */
    public int effectivePort() {
      return port > 0 ? port : security == Security.TLS ? 993 : 143;
    }

    public Imap withListener(ImapPoller.Listener newListener) {
      return new Imap(host, port, security, user, password, folder, interval, newListener);
    }
  }

  /**
   * The server {@link SmtpOutbound} sends answers through.
   *
   * @param port the port, or 0 for the default of {@code security} (465, 587 or 25)
   * @param user the login, or {@code null} for a server that needs none
   * @param password the password of {@code user}, or {@code null}
   * @param from the sender of answers to mail that was not sent to a service address of the directory
   */
  public record Smtp(String host, int port, Security security, String user, Secret password, String from) {
    public Smtp {
      Objects.requireNonNull(host, "channels.email.smtp.host");
      Objects.requireNonNull(from, "channels.email.smtp.from");
      security = security == null ? Security.STARTTLS : security;
    }

    /** The port to connect to. */
    public int effectivePort() {
      return port > 0 ? port : switch (security) {
        case TLS -> 465;
        case STARTTLS -> 587;
        case NONE -> 25;
      };
    }
  }
}
