package io.omniroute.engine.channel.email;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omniroute.adapters.email.InboundMail;
import io.omniroute.engine.Caller;
import io.omniroute.engine.api.AdapterIntake;
import io.omniroute.engine.queue.Accepted;
import io.omniroute.rules.directory.Directory;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/**
 * The one path of a raw mail into the contact lifecycle, whether it was posted or fetched from a
 * mailbox: parsed on a worker thread ({@link InboundMail#parse}, with the size limit), mapped with
 * the directory's service addresses, then submitted through {@link AdapterIntake} with the mail's
 * {@code Message-ID} as idempotency key, so the same mail twice is one contact.
 *
 * <p>Thread-safe; built once per engine. Futures complete on the intake's threads.
 */
public final class EmailIntake {
  private final Vertx vertx;
  private final AdapterIntake intake;
  private final Directory directory;
  private final long maxMessageBytes;

  public EmailIntake(Vertx vertx, AdapterIntake intake, Directory directory, long maxMessageBytes) {
    this.vertx = vertx;
    this.intake = intake;
    this.directory = directory;
    this.maxMessageBytes = maxMessageBytes;
  }

  /**
   * Parses {@code raw} and submits it for {@code caller}. Fails with {@link
   * io.omniroute.adapters.email.InvalidMailException} or {@link
   * io.omniroute.adapters.email.MailTooLargeException} for a mail that cannot become a contact
   * (nothing is stored then), or with the intake's failures.
   */
  public Future<Accepted> submit(byte[] raw, Caller caller) {
    return vertx.executeBlocking(() -> {
      InboundMail mail = InboundMail.parse(raw, maxMessageBytes);
      return new Parsed(mail.toContact(directory), mail.idempotencyKey());
    }, false).compose(parsed -> intake.submit(parsed.contact(), caller, parsed.idempotencyKey()));
  }

  /** The largest raw message accepted, in bytes. */
  public long maxMessageBytes() {
    return maxMessageBytes;
  }

  private record Parsed(ObjectNode contact, String idempotencyKey) {}
}
