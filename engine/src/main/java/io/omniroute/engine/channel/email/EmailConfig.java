package io.omniroute.engine.channel.email;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The {@code channels.email} section of the engine's config file; every key is optional:
 *
 * <pre>
 * channels:
 *   email:
 *     enabled: true                  # POST /v1/channels/email/inbound takes mail
 *     maxMessageBytes: 10485760      # the largest raw message (413 above it)
 *     imap:                          # a mailbox to drain; none by default
 *       host: imap.example.com
 *       port: 993                    # default: 993 for tls, 143 otherwise
 *       security: tls                # tls, starttls or none
 *       user: service@example.com
 *       passwordEnv: OMNIROUTE_IMAP_PASSWORD   # the default; or passwordFile: /run/secrets/imap
 *       folder: INBOX
 *       intervalSeconds: 30
 *     smtp:                          # where answers go out; none by default (answers are only stored)
 *       host: smtp.example.com
 *       port: 587                    # default: 465 for tls, 587 for starttls, 25 for none
 *       security: starttls
 *       user: service@example.com    # leave out for a server without login
 *       passwordEnv: OMNIROUTE_SMTP_PASSWORD   # the default; or passwordFile
 *       from: service@example.com    # the sender unless the mail went to a service address of the directory
 * </pre>
 *
 * Passwords are never in the file: only the name of the environment variable or the file that
 * holds them. Immutable.
 */
public record EmailConfig(Boolean enabled, Long maxMessageBytes, ImapValues imap, SmtpValues smtp) {
  /** The default environment variable of the IMAP password. */
  public static final String IMAP_PASSWORD_ENV = "OMNIROUTE_IMAP_PASSWORD";
  /** The default environment variable of the SMTP password. */
  public static final String SMTP_PASSWORD_ENV = "OMNIROUTE_SMTP_PASSWORD";

  /** The {@code imap} section. */
  public record ImapValues(
      String host, Integer port, String security, String user, String passwordEnv, String passwordFile, String folder,
      Long intervalSeconds) {}

  /** The {@code smtp} section. */
  public record SmtpValues(
      String host, Integer port, String security, String user, String passwordEnv, String passwordFile, String from) {}

  /**
   * {@code base} with what this section sets; {@code configDir} resolves relative password files.
   *
   * @throws IllegalArgumentException naming the key that is missing or wrong
   */
  public EmailOptions applyTo(EmailOptions base, Path configDir) {
    EmailOptions options = base;
    if (enabled != null) {
      options = options.withEnabled(enabled);
    }
    if (maxMessageBytes != null) {
      options = options.withMaxMessageBytes(maxMessageBytes);
    }
    if (imap != null) {
      require(imap.host(), "channels.email.imap.host");
      require(imap.user(), "channels.email.imap.user");
      options = options.withImap(new EmailOptions.Imap(imap.host(), port(imap.port(), "channels.email.imap.port"),
          security(imap.security(), EmailOptions.Security.TLS, "channels.email.imap.security"), imap.user(),
          secret(imap.passwordEnv(), imap.passwordFile(), IMAP_PASSWORD_ENV, configDir), imap.folder(),
          imap.intervalSeconds() == null ? null : Duration.ofSeconds(imap.intervalSeconds()), null));
    }
    if (smtp != null) {
      require(smtp.host(), "channels.email.smtp.host");
      require(smtp.from(), "channels.email.smtp.from");
      if (!smtp.from().matches("[^@\\s]+@[^@\\s]+")) {
        throw new IllegalArgumentException("channels.email.smtp.from is '" + smtp.from() + "': an address such as service@example.com");
      }
      options = options.withSmtp(new EmailOptions.Smtp(smtp.host(), port(smtp.port(), "channels.email.smtp.port"),
          security(smtp.security(), EmailOptions.Security.STARTTLS, "channels.email.smtp.security"), smtp.user(),
          smtp.user() == null ? null : secret(smtp.passwordEnv(), smtp.passwordFile(), SMTP_PASSWORD_ENV, configDir),
          smtp.from()));
    }
    return options;
  }

  private static void require(String value, String key) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(key + " is required");
    }
  }

  private static int port(Integer port, String key) {
    if (port == null) {
      return 0;
    }
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException(key + " must be between 1 and 65535, got " + port);
    }
    return port;
  }

  private static EmailOptions.Security security(String value, EmailOptions.Security fallback, String key) {
    if (value == null) {
      return fallback;
    }
    try {
      return EmailOptions.Security.fromWire(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(key + ": " + e.getMessage());
    }
  }

  private static Secret secret(String env, String file, String defaultEnv, Path configDir) {
    if (env != null && file != null) {
      throw new IllegalArgumentException("give either passwordEnv or passwordFile, not both");
    }
    if (file != null) {
      return Secret.fromFile(configDir.resolve(file));
    }
    return Secret.fromEnvironment(env == null ? defaultEnv : env);
  }
}
