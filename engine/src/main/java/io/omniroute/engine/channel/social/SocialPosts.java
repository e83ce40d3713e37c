package io.omniroute.engine.channel.social;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omniroute.adapters.social.SocialEvent;
import io.omniroute.adapters.social.SocialPost;
import io.omniroute.engine.Caller;
import io.omniroute.engine.contact.ContactService;
import io.omniroute.engine.contact.IdempotencyKeyReusedException;
import io.omniroute.engine.queue.Accepted;
import io.omniroute.engine.queue.ContactNotFoundException;
import io.omniroute.engine.queue.ContactRecord;
import io.omniroute.engine.queue.HistoryEvent;
import io.vertx.core.Future;
import java.time.Clock;
import java.util.Optional;

/**
 * What the engine does with a social post: a created post becomes a contact of its author (the
 * handle identifies the customer), in the thread of the post it answers, of the dealer whose
 * partner channel it is on; the same post again is answered with its first contact, whoever sends
 * it; an edit or deletion is added to the history of the post's contact, never over what was
 * received.
 *
 * <p>A post's idempotency key ({@link SocialPost#idempotencyKey}) is the same whoever sends it,
 * so two relays delivering one post at once make one contact.
 *
 * <p>A reply's thread is the thread of the post it answers when that post was received, else the
 * thread the answered post starts ({@link SocialPost#threadKey}). Posts are remembered in the
 * {@link SocialPostStore} after intake stored their contact; if that write fails, the post sent
 * again is answered by intake's idempotency and remembered then.
 *
 * <p>Thread-safe and shared by all verticles; it holds no resources.
 */
public final class SocialPosts {
  /** How a contact request of an adapter is decided and stored: {@code AdapterIntake#submit}. */
  @FunctionalInterface
  public interface Intake {
    Future<Accepted> submit(ObjectNode contact, Caller caller, String idempotencyKey);
  }

  /** What became of a post. */
  public sealed interface Outcome {}

  /**
   * A created post's contact, new ({@link Accepted#created()}) or the first one of a repeated post;
   * the partner channel it is on is in its references ({@code partnerChannel}).
   */
  public record Received(Accepted accepted) implements Outcome {}

  /** An edit or deletion, added to the history of the post's contact. */
  public record Noted(ContactRecord contact) implements Outcome {}

  /** An edit or deletion of a post that is no contact (never received, or forgotten): nothing was recorded. */
  public record UnknownPost(String network, String postId, SocialEvent event) implements Outcome {}

  /** The name under which every sender's posts share their idempotency keys. */
  static final String IDEMPOTENCY_SCOPE = "channel:social";

  private final Intake intake;
  private final ContactService contacts;
  private final PartnerChannelService channels;
  private final SocialPostStore posts;
  private final Clock clock;

  public SocialPosts(
      Intake intake, ContactService contacts, PartnerChannelService channels, SocialPostStore posts, Clock clock) {
    this.intake = intake;
    this.contacts = contacts;
    this.channels = channels;
    this.posts = posts;
    this.clock = clock;
  }

  /** Takes {@code post} from {@code caller}. */
  public Future<Outcome> receive(SocialPost post, Caller caller) {
    return post.event() == SocialEvent.CREATED ? created(post, caller) : changed(post);
  }

  private Future<Outcome> created(SocialPost post, Caller caller) {
    return posts.find(post.network(), post.postId()).compose(known -> known.isEmpty()
        ? submit(post, caller)
        : contacts.repeated(known.get().contactId())
            .<Outcome>map(Received::new)
            .recover(failure -> failure instanceof ContactNotFoundException ? submit(post, caller) : Future.failedFuture(failure)));
  }

  private Future<Outcome> submit(SocialPost post, Caller caller) {
    Future<String> root = post.replyTo() == null
        ? Future.succeededFuture(post.postId())
        : posts.find(post.network(), post.replyTo())
            .map(answered -> answered.map(SocialPostStore.Entry::rootPostId).orElse(post.replyTo()));
    Future<Optional<PartnerChannel>> channel = channels.channelOf(post.network(), post.pages());
    return Future.all(root, channel).compose(both -> {
      PartnerChannel partner = channel.result().orElse(null);
      ObjectNode contact = post.toContact(partner == null ? null : partner.dealerId(),
          partner == null ? null : partner.id(), post.threadKey(root.result()));
      return intake.submit(contact, asTheChannel(caller), post.idempotencyKey())
          .recover(failure -> failure instanceof IdempotencyKeyReusedException reused
              ? contacts.repeated(reused.firstContactId())
              : Future.failedFuture(failure))
          .compose(accepted -> posts.remember(post.network(), post.postId(),
                  new SocialPostStore.Entry(accepted.record().id(), root.result()))
              .map(remembered -> (Outcome) new Received(accepted)));
    });
  }

  /**
   * {@code caller} with the channel's name, so that a post's idempotency key is one for every
   * sender: two relays delivering the same post at once make one contact.
   */
  private static Caller asTheChannel(Caller caller) {
    return new Caller(IDEMPOTENCY_SCOPE, caller.unrestricted(), caller.countries(), caller.dealerIds(), caller.agentIds());
  }

  private Future<Outcome> changed(SocialPost post) {
    return posts.find(post.network(), post.postId()).compose(known -> {
      if (known.isEmpty()) {
        return Future.succeededFuture(new UnknownPost(post.network(), post.postId(), post.event()));
      }
      String type = post.event() == SocialEvent.EDITED ? HistoryEvent.EDITED : HistoryEvent.DELETED;
      return contacts.addHistory(known.get().contactId(), new HistoryEvent(type, clock.instant(), post.historyDetail()))
          .map(noted -> noted.<Outcome>map(Noted::new)
              .orElseGet(() -> new UnknownPost(post.network(), post.postId(), post.event())));
    });
  }
}
