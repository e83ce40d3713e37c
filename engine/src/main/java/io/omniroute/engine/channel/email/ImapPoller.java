package io.omniroute.engine.channel.email;

import io.omniroute.adapters.InvalidPayloadException;
import io.omniroute.adapters.email.MailTooLargeException;
import io.omniroute.engine.Caller;
import io.omniroute.engine.contact.ConversationOfAnotherCustomerException;
import io.omniroute.engine.contact.IdempotencyKeyReusedException;
import io.omniroute.engine.contact.UnknownConversationException;
import io.omniroute.engine.queue.Accepted;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import jakarta.mail.search.FlagTerm;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains a mailbox over IMAP: every {@code interval} it takes the folder's unseen messages, oldest
 * first, through the same {@link EmailIntake} as posted mail, and marks a message seen only once its
 * contact is stored. A crash between the two leaves the message unseen: the next round takes it
 * again, and its {@code Message-ID} (the idempotency key) answers the contact stored the first
 * time, so nothing is lost and nothing is stored twice. A message that can never become a contact
 * (broken MIME, too large, no sender) is logged and marked seen, so it does not block the mailbox;
 * any other failure (the store unavailable) ends the round and leaves the message for the next.
 *
 * <p>A verticle: deployed by {@link EmailChannel} on the engine's Vert.x and stopped with it. Its
 * rounds never overlap; all IMAP I/O (connect, fetch, flag) runs on worker threads, one step at a
 * time, and messages are read with {@code BODY.PEEK}, so reading alone never marks one seen.
 */
public final class ImapPoller extends VerticleBase {
  /** Told of each stored mail between storing its contact and marking it seen. */
  @FunctionalInterface
  public interface Listener {
    Listener NONE = accepted -> { };

    /** Called on an event loop; an exception here leaves the message unseen and ends the round. */
    void stored(Accepted accepted);
  }

  /** The caller name IMAP mail is submitted as; it owns the mails' idempotency keys. */
  public static final String CALLER = "email-imap";

  private static final Logger LOG = LoggerFactory.getLogger(ImapPoller.class);
  private final EmailOptions.Imap imap;
  private final EmailIntake intake;
  private final Caller caller = Caller.unrestricted(CALLER);
  private Session session;
  private String password;
  private long timer = -1;
  private boolean polling;
  private volatile boolean stopped;

  public ImapPoller(EmailOptions.Imap imap, EmailIntake intake) {
    this.imap = imap;
    this.intake = intake;
  }

  @Override
  public Future<?> start() {
    try {
      password = imap.password().read();
    } catch (IllegalStateException e) {
      return Future.failedFuture(new IllegalStateException("email.imap: " + e.getMessage()));
    }
    session = Session.getInstance(properties());
    timer = vertx.setPeriodic(0, imap.interval().toMillis(), id -> poll());
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    stopped = true;
    vertx.cancelTimer(timer);
    return Future.succeededFuture();
  }

  private Properties properties() {
    String protocol = protocol();
    Properties properties = new Properties();
    properties.setProperty("mail.store.protocol", protocol);
    properties.setProperty("mail." + protocol + ".peek", "true");
    properties.setProperty("mail." + protocol + ".connectiontimeout", "10000");
    properties.setProperty("mail." + protocol + ".timeout", "30000");
    if (imap.security() == EmailOptions.Security.STARTTLS) {
      properties.setProperty("mail.imap.starttls.enable", "true");
      properties.setProperty("mail.imap.starttls.required", "true");
    }
    if (imap.security() != EmailOptions.Security.NONE) {
      properties.setProperty("mail." + protocol + ".ssl.checkserveridentity", "true");
    }
    return properties;
  }

  private String protocol() {
    return imap.security() == EmailOptions.Security.TLS ? "imaps" : "imap";
  }

  private void poll() {
    if (polling || stopped) {
      return;
    }
    polling = true;
    vertx.executeBlocking(this::open, false)
        .compose(mailbox -> drain(mailbox, 0).eventually(() -> vertx.executeBlocking(() -> {
          mailbox.close();
          return null;
        }, false)))
        .onComplete(done -> {
          polling = false;
          if (done.failed() && !stopped) {
            LOG.warn("polling {} on {} failed; the next round tries again: {}", imap.folder(), imap.host(),
                done.cause().toString());
          }
        });
  }

  /** The folder open for writing, with the UIDs of its unseen messages, oldest first. */
  private Mailbox open() throws MessagingException {
    Store store = session.getStore(protocol());
    store.connect(imap.host(), imap.effectivePort(), imap.user(), password);
    try {
      Folder folder = store.getFolder(imap.folder());
      folder.open(Folder.READ_WRITE);
      UIDFolder uids = (UIDFolder) folder;
      List<Long> unseen = new ArrayList<>();
      for (Message message : folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false))) {
        unseen.add(uids.getUID(message));
      }
      return new Mailbox(store, folder, unseen);
    } catch (MessagingException | RuntimeException e) {
      store.close();
      throw e;
    }
  }

  private Future<Void> drain(Mailbox mailbox, int index) {
    if (stopped || index >= mailbox.unseen().size()) {
      return Future.succeededFuture();
    }
    long uid = mailbox.unseen().get(index);
    return vertx.executeBlocking(() -> mailbox.fetch(uid, intake.maxMessageBytes()), false)
        .compose(raw -> raw == null ? Future.succeededFuture() : take(raw, uid))
        .compose(take -> take ? vertx.executeBlocking(() -> mailbox.markSeen(uid), false) : Future.succeededFuture())
        .compose(marked -> drain(mailbox, index + 1));
  }

  /** Submits one mail; answers whether to mark it seen. */
  private Future<Boolean> take(byte[] raw, long uid) {
    if (stopped) {
      return Future.succeededFuture(false);
    }
    return intake.submit(raw, caller)
        .map(accepted -> {
          imap.listener().stored(accepted);
          return true;
        })
        .recover(failure -> {
          if (isPermanent(failure)) {
            LOG.warn("message UID {} in {} cannot become a contact and is marked seen: {}", uid, imap.folder(),
                failure.getMessage());
            return Future.succeededFuture(true);
          }
          return Future.failedFuture(failure);
        });
  }

  private static boolean isPermanent(Throwable failure) {
    return failure instanceof InvalidPayloadException || failure instanceof MailTooLargeException
        || failure instanceof IdempotencyKeyReusedException || failure instanceof ConversationOfAnotherCustomerException
        || failure instanceof UnknownConversationException;
  }

  /** One round's open folder. Used by one worker step at a time. */
  private record Mailbox(Store store, Folder folder, List<Long> unseen) {
    /** The raw message, or {@code null} when it is gone or too large (then it is marked seen, and logged). */
    byte[] fetch(long uid, long maxBytes) throws Exception {
      Message message = ((UIDFolder) folder).getMessageByUID(uid);
      if (message == null) {
        return null;
      }
      int size = message.getSize();
      if (size > maxBytes) {
        LOG.warn("message UID {} has {} bytes, more than the limit of {}; it is marked seen and not taken", uid, size,
            maxBytes);
        message.setFlag(Flags.Flag.SEEN, true);
        return null;
      }
      ByteArrayOutputStream raw = new ByteArrayOutputStream(Math.max(size, 1024));
      message.writeTo(raw);
      return raw.toByteArray();
    }

    Void markSeen(long uid) throws MessagingException {
      Message message = ((UIDFolder) folder).getMessageByUID(uid);
      if (message != null) {
        message.setFlag(Flags.Flag.SEEN, true);
      }
      return null;
    }

    void close() {
      try {
        if (folder.isOpen()) {
          folder.close(false);
        }
      } catch (MessagingException e) {
        LOG.debug("closing the IMAP folder failed", e);
      }
      try {
        store.close();
      } catch (MessagingException e) {
        LOG.debug("closing the IMAP store failed", e);
      }
    }
  }
}
