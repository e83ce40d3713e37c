package io.omniroute.engine.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import io.omniroute.engine.Caller;
import io.omniroute.engine.webhook.InvalidWebhookException.FieldError;
import io.omniroute.rules.directory.Directory;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Registers, replaces, reads and deletes webhooks, and lists and replays their dead letters, with
 * who may do what arriving as data ({@link Caller}). An unrestricted caller reaches every webhook,
 * and a webhook it registers sees every event. A dealer ({@link Caller#dealerIds()}) registers
 * webhooks restricted to its own dealer queues ({@link Webhook#restrictedTo()}): a queue filter of
 * another queue is {@link WebhookOutOfScopeException}, and every other webhook is, to it, {@link
 * WebhookNotFoundException} as an unknown id (and replacing one is out of scope).
 *
 * <p>Before a webhook is stored its URL is checked and its host resolved, on a worker thread, and
 * every address checked ({@link WebhookAddresses}); the queues of its filter must be queues of the
 * directory. Refusals are {@link WebhookRefusedException}s that say what to fix.
 *
 * <p>Thread-safe and shared by all verticles; it holds no resources.
 */
public final class WebhookService {
  /** How many dead letters a listing shows unless told otherwise. */
  public static final int DEFAULT_DEAD_LETTER_LIMIT = 100;

  private final Vertx vertx;
  private final WebhookStore store;
  private final WebhookRegistry registry;
  private final Directory directory;
  private final WebhookAddresses addresses;
  private final Clock clock;

  public WebhookService(
      Vertx vertx, WebhookStore store, WebhookRegistry registry, Directory directory, WebhookAddresses addresses,
      Clock clock) {
    this.vertx = vertx;
    this.store = store;
    this.registry = registry;
    this.directory = directory;
    this.addresses = addresses;
    this.clock = clock;
  }

  /** A stored webhook and whether it was new. */
  public record Saved(Webhook webhook, boolean created) {}

  /** What a replay did: how many dead letters are pending again, and the asked-for event ids that were none. */
  public record Replayed(int replayed, List<String> notFound) {}

  /**
   * Registers or replaces the webhook {@code id} from its {@code PUT} body. Fails with {@link
   * InvalidWebhookException}, {@link WebhookOutOfScopeException} or {@link WebhookRefusedException};
   * then nothing changed.
   */
  public Future<Saved> put(String id, JsonNode body, Caller caller) {
    WebhookJson.Draft draft;
    try {
      draft = WebhookJson.read(id, body);
    } catch (InvalidWebhookException e) {
      return Future.failedFuture(e);
    }
    if (!caller.unrestricted() && caller.dealerIds().isEmpty()) {
      return Future.failedFuture(new WebhookOutOfScopeException("only administrators, supervisors and dealers"
          + " register webhooks"));
    }
    List<String> foreign = draft.queues().stream().filter(queue -> !caller.mayActOnContactIn(queue)).toList();
    if (!foreign.isEmpty()) {
      return Future.failedFuture(new WebhookOutOfScopeException("webhook " + id + " asks for events of "
          + String.join(", ", foreign) + ", and this caller may only ask for its own dealer queues ("
          + ownQueues(caller) + ")"));
    }
    List<FieldError> unknown = new ArrayList<>();
    for (int i = 0; i < draft.queues().size(); i++) {
      if (!directory.queues().containsKey(draft.queues().get(i))) {
        unknown.add(new FieldError("queues[" + i + "]", "'" + draft.queues().get(i) + "' is not a queue of the"
            + " directory: use central, country:<CC>, expert:<team> or dealer:<id> as listed by GET /v1/queues"));
      }
    }
    if (!unknown.isEmpty()) {
      return Future.failedFuture(new WebhookRefusedException(unknown));
    }
    return checkUrl(draft.url())
        .compose(checked -> store.get(id))
        .compose(existing -> {
          if (existing.isPresent() && !mayManage(caller, existing.get())) {
            return Future.failedFuture(new WebhookOutOfScopeException("webhook " + id
                + " belongs to another owner: choose another id"));
          }
          Instant now = clock.instant();
          Webhook webhook = new Webhook(id, draft.url(), draft.secret(), draft.events(), draft.queues(),
              existing.map(Webhook::restrictedTo).orElse(restriction(caller)),
              existing.map(Webhook::createdBy).orElse(caller.name()), existing.map(Webhook::createdAt).orElse(now), now);
          return store.put(webhook).map(created -> {
            registry.saved(webhook);
            return new Saved(webhook, created);
          });
        });
  }

  /** Every webhook the caller may see, ordered by id. */
  public Future<List<Webhook>> list(Caller caller) {
    return store.list().map(all -> all.stream().filter(webhook -> mayManage(caller, webhook)).toList());
  }

  /** The webhook {@code id}, if the caller may see it. */
  public Future<Webhook> get(String id, Caller caller) {
    return store.get(id).compose(found -> visible(id, found, caller));
  }

  /** Deletes the webhook {@code id} and its dead letters; its pending deliveries are dropped. */
  public Future<Void> delete(String id, Caller caller) {
    return get(id, caller).compose(webhook -> store.delete(id)).compose(deleted -> {
      registry.deleted(id);
      return deleted ? Future.<Void>succeededFuture() : Future.failedFuture(new WebhookNotFoundException(id));
    });
  }

  /** The newest {@code limit} dead letters of the webhook {@code id}, newest first, and how many it has. */
  public Future<WebhookStore.DeadLetters> deadLetters(String id, int limit, Caller caller) {
    return get(id, caller).compose(webhook -> store.deadLetters(id, limit));
  }

  /**
   * Makes dead letters of the webhook {@code id} pending again, each with a fresh retry period and
   * due now: those of {@code eventIds}, or all when it is empty.
   */
  public Future<Replayed> replay(String id, List<String> eventIds, Caller caller) {
    return get(id, caller).compose(webhook -> store.deadLetters(id, WebhookStore.MAX_DEAD_LETTERS)).compose(dead -> {
      Set<String> wanted = new LinkedHashSet<>(eventIds);
      Instant now = clock.instant();
      List<Delivery> replayed = new ArrayList<>();
      Set<String> found = new LinkedHashSet<>();
      for (Delivery delivery : dead.newest()) {
        if (wanted.isEmpty() || wanted.contains(delivery.eventId())) {
          replayed.add(delivery.replayed(now));
          found.add(delivery.eventId());
        }
      }
      List<String> notFound = wanted.stream().filter(eventId -> !found.contains(eventId)).toList();
      return store.replay(id, replayed, now).map(count -> new Replayed(count, notFound));
    });
  }

  private Future<Void> checkUrl(String url) {
    WebhookAddresses.Target target;
    try {
      target = WebhookAddresses.parse(url);
    } catch (WebhookAddresses.RefusedException e) {
      return Future.failedFuture(refused(e));
    }
    return vertx.<Object>executeBlocking(() -> addresses.resolve(target.host()), false)
        .recover(failure -> Future.failedFuture(failure instanceof WebhookAddresses.RefusedException e ? refused(e) : failure))
        .mapEmpty();
  }

  private static WebhookRefusedException refused(WebhookAddresses.RefusedException e) {
    return new WebhookRefusedException(List.of(new FieldError("url", e.getMessage())));
  }

  private static List<String> restriction(Caller caller) {
    return caller.unrestricted()
        ? List.of()
        : caller.dealerIds().stream().sorted().map(dealer -> "dealer:" + dealer).toList();
  }

  /** Whether the caller may see and change {@code webhook}: unrestricted, or a dealer of its every queue. */
  private static boolean mayManage(Caller caller, Webhook webhook) {
    return caller.unrestricted()
        || (!webhook.restrictedTo().isEmpty() && webhook.restrictedTo().stream().allMatch(caller::mayActOnContactIn));
  }

  private static Future<Webhook> visible(String id, Optional<Webhook> found, Caller caller) {
    return found.isPresent() && mayManage(caller, found.get())
        ? Future.succeededFuture(found.get())
        : Future.failedFuture(new WebhookNotFoundException(id));
  }

  private static String ownQueues(Caller caller) {
    return caller.dealerIds().isEmpty() ? "none" : "dealer:" + String.join(", dealer:", caller.dealerIds().stream().sorted().toList());
  }
}
