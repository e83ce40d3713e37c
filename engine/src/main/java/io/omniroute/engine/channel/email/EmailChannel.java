package io.omniroute.engine.channel.email;

import io.omniroute.engine.api.AdapterIntake;
import io.omniroute.engine.conversation.OutboundChannels;
import io.omniroute.rules.directory.Directory;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * The email channel of one engine, wired while it starts: the {@link EmailIntake} that the
 * endpoint and the poller share, {@link SmtpOutbound} registered for {@code email} answers when an
 * SMTP server is configured, and the {@link ImapPoller} deployed when a mailbox is configured (it
 * stops when the engine's Vert.x closes). Immutable after construction.
 */
public final class EmailChannel {
  /** The channel name answers are registered under. */
  public static final String CHANNEL = "email";

  private final Vertx vertx;
  private final EmailOptions options;
  private final EmailIntake intake;

  /**
   * Builds the intake and registers the SMTP outbound with {@code outbound}.
   *
   * @throws IllegalStateException when the SMTP password cannot be read
   */
  public EmailChannel(Vertx vertx, EmailOptions options, AdapterIntake adapterIntake, Directory directory,
      OutboundChannels outbound) {
    this.vertx = vertx;
    this.options = options;
    this.intake = new EmailIntake(vertx, adapterIntake, directory, options.maxMessageBytes());
    if (options.enabled() && options.smtp() != null) {
      outbound.register(CHANNEL, new SmtpOutbound(vertx, options.smtp()));
    }
  }

  /** The options the channel runs with. */
  public EmailOptions options() {
    return options;
  }

  /** The path of raw mail into the contact lifecycle. */
  public EmailIntake intake() {
    return intake;
  }

  /** Deploys the IMAP poller when the channel is on and a mailbox is configured; fails when it cannot log in. */
  public Future<Void> startPolling() {
    if (!options.enabled() || options.imap() == null) {
      return Future.succeededFuture();
    }
    return vertx.deployVerticle(new ImapPoller(options.imap(), intake)).mapEmpty();
  }
}
