package io.omniroute.engine.channel.social;

import com.fasterxml.jackson.databind.JsonNode;
import io.omniroute.engine.Caller;
import io.omniroute.rules.directory.Directory;
import io.vertx.core.Future;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Registers, replaces, reads and deletes partner channels, and finds the channel a post is on,
 * with who may do what arriving as data ({@link Caller}). An unrestricted caller reaches every
 * channel. A dealer ({@link Caller#dealerIds()}) registers channels for itself only ({@link
 * PartnerChannelOutOfScopeException} for another dealer, or for replacing another dealer's channel),
 * and every other dealer's channel is, to it, {@link PartnerChannelNotFoundException} as an unknown
 * id. The dealer must be one of the directory's ({@link UnknownPartnerDealerException}); a page
 * belongs to one channel ({@link PartnerPageTakenException}). Replacing a channel registers it
 * anew: who and when are of the latest registration.
 *
 * <p>Thread-safe and shared by all verticles; it holds no resources.
 */
public final class PartnerChannelService {
  private final PartnerChannelStore store;
  private final Directory directory;
  private final Clock clock;

  public PartnerChannelService(PartnerChannelStore store, Directory directory, Clock clock) {
    this.store = store;
    this.directory = directory;
    this.clock = clock;
  }

  /** A stored channel and whether it was new. */
  public record Saved(PartnerChannel channel, boolean created) {}

  /** Registers or replaces the channel {@code id} from its {@code PUT} body; nothing changes when it fails. */
  public Future<Saved> put(String id, JsonNode body, Caller caller) {
    PartnerChannelJson.Draft draft;
    try {
      draft = PartnerChannelJson.read(body);
    } catch (InvalidPartnerChannelException e) {
      return Future.failedFuture(e);
    }
    if (!caller.unrestricted() && !caller.dealerIds().contains(draft.dealerId())) {
      return Future.failedFuture(new PartnerChannelOutOfScopeException("partner channel " + id + " is for dealer "
          + draft.dealerId() + ", and this caller may register channels only for "
          + (caller.dealerIds().isEmpty() ? "no dealer" : String.join(", ", caller.dealerIds().stream().sorted().toList()))));
    }
    if (!directory.hasDealer(draft.dealerId())) {
      return Future.failedFuture(new UnknownPartnerDealerException(draft.dealerId()));
    }
    return store.get(id).compose(existing -> {
      if (existing.isPresent() && !mayManage(caller, existing.get())) {
        return Future.failedFuture(new PartnerChannelOutOfScopeException("partner channel " + id
            + " belongs to another dealer: choose another id"));
      }
      PartnerChannel channel = new PartnerChannel(id, draft.network(), draft.page(), draft.dealerId(), caller.name(),
          clock.instant());
      return store.put(channel).map(created -> new Saved(channel, created));
    });
  }

  /** Every channel the caller may see, ordered by id. */
  public Future<List<PartnerChannel>> list(Caller caller) {
    return store.list().map(all -> all.stream().filter(channel -> mayManage(caller, channel)).toList());
  }

  /** The channel {@code id}, if the caller may see it. */
  public Future<PartnerChannel> get(String id, Caller caller) {
    return store.get(id).compose(found -> found.isPresent() && mayManage(caller, found.get())
        ? Future.succeededFuture(found.get())
        : Future.failedFuture(new PartnerChannelNotFoundException(id)));
  }

  /** Deletes the channel {@code id}, if the caller may see it. */
  public Future<Void> delete(String id, Caller caller) {
    return get(id, caller).compose(channel -> store.delete(id)).compose(deleted -> deleted
        ? Future.<Void>succeededFuture()
        : Future.failedFuture(new PartnerChannelNotFoundException(id)));
  }

  /** The partner channel a post on these pages of {@code network} is on: the first page's that has one. */
  public Future<Optional<PartnerChannel>> channelOf(String network, List<String> pages) {
    return store.onPages(network, pages).map(found -> found.stream().findFirst());
  }

  private static boolean mayManage(Caller caller, PartnerChannel channel) {
    return caller.unrestricted() || caller.dealerIds().contains(channel.dealerId());
  }
}
