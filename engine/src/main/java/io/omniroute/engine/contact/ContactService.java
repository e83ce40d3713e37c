package io.omniroute.engine.contact;

import io.omniroute.engine.Caller;
import com.fasterxml.jackson.databind.JsonNode;
import io.omniroute.engine.queue.Accepted;
import io.omniroute.engine.queue.ContactNotFoundException;
import io.omniroute.engine.queue.ContactRecord;
import io.omniroute.engine.queue.ContactStatus;
import io.omniroute.engine.queue.ConversationState;
import io.omniroute.engine.queue.HistoryEvent;
import io.omniroute.engine.queue.IllegalTransitionException;
import io.omniroute.engine.queue.QueueStats;
import io.omniroute.engine.queue.QueueStore;
import io.omniroute.engine.rules.RecentContacts;
import io.omniroute.rules.RuleBook;
import io.omniroute.rules.ServiceLevels;
import io.omniroute.rules.directory.Directory;
import io.omniroute.rules.model.Level;
import io.omniroute.rules.model.QueueNames;
import io.omniroute.rules.model.Route;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * The one home of a contact's life: intake, look-up, the queues, claim, complete, abandon and
 * escalation. Every step that changes a contact publishes its {@link ContactEvent} through {@link
 * #events()} once the store has accepted it; callers (the HTTP handlers, the escalation timer) map
 * requests to these calls and results to answers, and never reach the store themselves.
 *
 * <p>Who may act on which contact arrives as data ({@link Caller}): a caller that may act only on
 * its own queues' contacts is answered {@link ContactNotFoundException} for any other, exactly as
 * for an unknown id. An unknown queue fails with {@link UnknownQueueException}.
 *
 * <p>Thread-safe and shared by all verticles; its futures complete on the caller's event loop or
 * the store's threads. It holds no resources of its own: closing the store is the engine's job.
 */
public final class ContactService {
  private final QueueStore store;
  private final Directory directory;
  private final ContactEvents events;
  private final RecentContacts recent;
  private final Intake intake;
  private final SenderIdentification senders;
  private final Clock clock;
  private volatile Reservations reservations = Reservations.NONE;

  public ContactService(
      QueueStore store,
      Supplier<RuleBook> rules,
      RecentContacts recent,
      Directory directory,
      ServiceLevels serviceLevels,
      ContactEvents events,
      SenderIdentification senders,
      Clock clock) {
    this.store = store;
    this.directory = directory;
    this.events = events;
    this.recent = recent;
    this.senders = senders;
    this.intake = new Intake(store, rules, recent, directory, serviceLevels, events, senders, clock);
    this.clock = clock;
  }

  /**
   * Lets the offer engine end an open offer before an offered contact escalates, moves or ends. Set
   * once while the engine starts; without it nothing is ever offered.
   */
  public void reserveWith(Reservations offers) {
    this.reservations = offers;
  }

  /** The publisher every step of this service goes through. */
  public ContactEvents events() {
    return events;
  }

  /**
   * Decides and stores a contact. An idempotency key belongs to its caller: with a key this caller
   * used before for the same body, answers the first record and stores nothing ({@link
   * Accepted#created()} is false); with the same key and another body, fails with {@link
   * IdempotencyKeyReusedException}. Another caller's use of the same key is unrelated.
   *
   * @param idempotencyKey the {@code Idempotency-Key} header, or {@code null}
   */
  public Future<Accepted> submit(JsonNode body, Caller caller, String idempotencyKey) {
    return intake.submit(body, caller.name(), idempotencyKey);
  }

  /** The contact with this id, empty when there is none. */
  public Future<Optional<ContactRecord>> find(String id) {
    return store.find(id);
  }

  /**
   * The answer intake gave for the stored contact {@code id}, as for a repeated request: the record
   * ({@link Accepted#created()} false) and the contact that carries its conversation now. Fails
   * with {@link ContactNotFoundException} when it is gone. For a channel whose own ids tell a
   * repeat (a social post's id) before intake sees it.
   */
  public Future<Accepted> repeated(String id) {
    return store.find(id).compose(found -> found.isEmpty()
        ? Future.failedFuture(new ContactNotFoundException(id))
        : store.conversationState(found.get().conversationId()).map(state ->
            new Accepted(found.get(), false, state.map(ConversationState::open).orElse(null))));
  }

  /**
   * Adds {@code event} to the contact's history, whatever its status, and changes nothing else: a
   * later step of what was received (a social post edited or deleted). Empty when the contact is gone.
   */
  public Future<Optional<ContactRecord>> addHistory(String id, HistoryEvent event) {
    return store.addHistory(id, event);
  }

  /** Every queue of the directory (empty ones included) and every queue the store holds contacts in, by name. */
  public Future<Map<String, QueueStats>> queues() {
    return store.queueStats().map(this::withDirectoryQueues);
  }

  /** One queue and up to {@code limit} of its waiting contacts in serve order, with their senders' names. */
  public Future<QueueView> queue(String queue, int limit) {
    return queues().compose(all -> {
      QueueStats stats = all.get(queue);
      if (stats == null) {
        return Future.failedFuture(new UnknownQueueException(queue));
      }
      return store.waiting(queue, limit).compose(waiting -> {
        List<String> customers = waiting.stream().map(record -> record.customer().id()).filter(Objects::nonNull).toList();
        return senders.namesOf(customers).map(names -> new QueueView(stats, waiting, names));
      });
    });
  }

  /**
   * The contact with this id, when the caller may see it: any for an unrestricted caller, one that
   * waits or was claimed in its own dealer queue for a dealer; empty otherwise, as for an unknown id.
   */
  public Future<Optional<ContactRecord>> find(String id, Caller caller) {
    return store.find(id).map(found -> found.filter(record -> caller.mayActOnContactIn(record.route().queue())));
  }

  /**
   * Succeeds when {@code queue} exists and the caller may read it: any queue for an unrestricted
   * caller, its own dealer queue for a dealer. Fails with {@link UnknownQueueException} otherwise,
   * for a queue of another dealer exactly as for one that does not exist.
   */
  public Future<Void> readableQueue(String queue, Caller caller) {
    if (!caller.mayActOnContactIn(queue)) {
      return Future.failedFuture(new UnknownQueueException(queue));
    }
    return isKnownQueue(queue).compose(known -> known ? Future.succeededFuture() : Future.failedFuture(new UnknownQueueException(queue)));
  }

  /** Assigns the next contact of {@code queue} to {@code agent}; empty when none waits. */
  public Future<Optional<ContactRecord>> claim(String queue, String agent) {
    Instant now = clock.instant();
    return isKnownQueue(queue)
        .compose(known -> known ? store.claim(queue, agent, now) : Future.failedFuture(new UnknownQueueException(queue)))
        .andThen(claimed -> {
          if (claimed.succeeded()) {
            claimed.result().ifPresent(contact ->
                events.publish(new ContactEvent.Assigned(contact, agent, Duration.between(contact.receivedAt(), now), now)));
          }
        });
  }

  /**
   * The contact {@code caller} submitted with {@code idempotencyKey} (its foreign id, such as a
   * Twilio call's), while the store holds it.
   */
  public Future<Optional<ContactRecord>> findSubmitted(Caller caller, String idempotencyKey) {
    return store.findByIdempotencyKey(Intake.scopedKey(caller.name(), idempotencyKey));
  }

  /**
   * Records that a waiting contact the caller may act on was answered outside the engine's queues
   * by {@code answeredBy} (a call dialled straight to a desk's number): it becomes {@code
   * ASSIGNED} to it, after any open offer of it is withdrawn. Fails with {@link
   * io.omniroute.engine.queue.IllegalTransitionException} when it no longer waits.
   */
  public Future<ContactRecord> assignDirectly(String id, String answeredBy, Caller caller) {
    Instant now = clock.instant();
    String offerId = "direct-" + id;
    return store.find(id)
        .compose(found -> found.isPresent() && caller.mayActOnContactIn(found.get().route().queue())
            ? released(found.get(), "answered directly by " + answeredBy)
            : Future.failedFuture(new ContactNotFoundException(id)))
        .compose(contact -> store.reserve(id, contact.route().queue(), answeredBy, offerId, now.plusSeconds(60), now)
            .compose(reserved -> reserved.isPresent()
                ? store.endOffer(id, offerId, "accepted", "answered directly by " + answeredBy, now)
                : Future.succeededFuture(Optional.<ContactRecord>empty()))
            .compose(assigned -> assigned.map(Future::succeededFuture).orElseGet(() -> Future.failedFuture(
                new IllegalTransitionException(id, contact.status(), ContactStatus.ASSIGNED))))
            .onSuccess(assigned -> events.publish(
                new ContactEvent.Assigned(assigned, answeredBy, Duration.between(assigned.receivedAt(), now), now))));
  }

  /** Completes a waiting or assigned contact the caller may act on. */
  public Future<ContactRecord> complete(String id, Caller caller) {
    return finish(id, caller, store::complete, ContactEvent.Completed::new);
  }

  /** Records that the customer left a waiting or assigned contact the caller may act on. */
  public Future<ContactRecord> abandon(String id, Caller caller) {
    return finish(id, caller, store::abandon, ContactEvent.Abandoned::new);
  }

  /**
   * Hands a waiting or assigned contact the caller may act on to {@code queue} (a dealer hands a
   * battery question to the expert team): it waits there with the priority it had and a fresh
   * deadline of its response target, and its history says who moved it, from where and why.
   * Fails with {@link UnknownQueueException} for an unknown queue, {@link ContactNotFoundException}
   * for an unknown contact or one of another dealer, and {@link
   * io.omniroute.engine.queue.IllegalTransitionException} for a finished one.
   */
  public Future<ContactRecord> transfer(String id, String queue, String reason, Caller caller) {
    Instant now = clock.instant();
    return isKnownQueue(queue).compose(known -> known ? store.find(id) : Future.failedFuture(new UnknownQueueException(queue)))
        .compose(found -> {
          if (found.isEmpty() || !caller.mayActOnContactIn(found.get().route().queue())) {
            return Future.failedFuture(new ContactNotFoundException(id));
          }
          return released(found.get(), "transferring to " + queue);
        })
        .compose(current -> {
          Route to = new Route(levelOf(queue), queue, current.route().priority());
          String detail = reason == null ? "by " + caller.name() : reason + " (by " + caller.name() + ")";
          return store.transfer(id, to, now.plus(current.decision().responseTarget()), detail, now)
              .andThen(moved -> {
                if (moved.succeeded()) {
                  events.publish(new ContactEvent.Transferred(moved.result(), current.route(), to, reason, now));
                }
              });
        });
  }

  /**
   * Moves up to {@code limit} contacts still waiting at their deadline one step up their ladder,
   * with a fresh deadline of the same response target; answers how many moved. Safe on several
   * nodes at once: the store moves each contact once.
   */
  public Future<Integer> escalateDue(int limit) {
    Instant now = clock.instant();
    return store.dueForEscalation(now, limit).compose(due -> {
      List<Future<Boolean>> steps = new ArrayList<>(due.size());
      for (ContactRecord contact : due) {
        Route next = contact.route().escalated(contact.country());
        if (next != null) {
          steps.add(escalate(contact, next, now));
        }
      }
      return Future.all(steps).map(all -> (int) steps.stream().filter(Future::result).count());
    });
  }

  /**
   * Erases the personal data of every stored contact of the customer {@code customerId} ({@link
   * ContactRecord#erased}) and of the messages of their conversations, and forgets them among the contacts this node keeps for simulations;
   * answers how many were erased.
   */
  public Future<Integer> eraseCustomer(String customerId) {
    Instant now = clock.instant();
    recent.forgetCustomer(customerId);
    return store.eraseConversationsOf(customerId, now).compose(conversations -> store.contactsOf(customerId)).compose(ids -> {
      List<Future<Boolean>> erasures = new ArrayList<>(ids.size());
      for (String id : ids) {
        erasures.add(store.erase(id, now).map(erased -> {
          erased.ifPresent(record -> events.publish(new ContactEvent.Erased(record, now)));
          return erased.isPresent();
        }));
      }
      return Future.all(erasures).map(all -> (int) erasures.stream().filter(Future::result).count());
    });
  }

  /** Succeeds when the store answers. */
  public Future<Void> ping() {
    return store.ping();
  }

  private Future<Boolean> escalate(ContactRecord due, Route next, Instant now) {
    Instant deadline = now.plus(due.decision().responseTarget());
    return released(due, "escalating to " + next.queue()).compose(contact ->
        store.escalate(contact.id(), contact.route().queue(), next, deadline, now)).map(moved -> {
      moved.ifPresent(record -> events.publish(new ContactEvent.Escalated(record, due.route(), next, now)));
      return moved.isPresent();
    });
  }

  private Future<ContactRecord> finish(
      String id,
      Caller caller,
      BiFunction<String, Instant, Future<ContactRecord>> step,
      BiFunction<ContactRecord, Instant, ContactEvent> event) {
    Instant now = clock.instant();
    Future<ContactRecord> allowed = store.find(id).compose(found ->
        found.isPresent() && caller.mayActOnContactIn(found.get().route().queue())
            ? released(found.get(), "the contact ends")
            : Future.failedFuture(new ContactNotFoundException(id)));
    return allowed.compose(contact -> step.apply(id, now))
        .andThen(done -> {
          if (done.succeeded()) {
            events.publish(event.apply(done.result(), now));
          }
        });
  }

  /** The contact, after the offer engine withdrew its open offer when it is {@code OFFERED}. */
  private Future<ContactRecord> released(ContactRecord contact, String why) {
    return contact.status() == ContactStatus.OFFERED
        ? reservations.release(contact, "withdrawn: " + why)
        : Future.succeededFuture(contact);
  }

  private Future<Boolean> isKnownQueue(String queue) {
    if (directory.queues().containsKey(queue)) {
      return Future.succeededFuture(true);
    }
    return store.queueStats().map(stats -> stats.stream().anyMatch(stat -> stat.queue().equals(queue)));
  }

  /** The level of a queue: the directory's, else what its name says, else the country level. */
  private Level levelOf(String queue) {
    Level level = directory.queues().get(queue);
    if (level == null) {
      level = QueueNames.levelOf(queue);
    }
    return level == null ? Level.COUNTRY : level;
  }

  private Map<String, QueueStats> withDirectoryQueues(List<QueueStats> stored) {
    Map<String, QueueStats> all = new LinkedHashMap<>();
    directory.queues().keySet().forEach(name -> all.put(name, new QueueStats(name, 0, null)));
    stored.forEach(stat -> all.put(stat.queue(), stat));
    return all;
  }

  /**
   * One queue's figures and the first of its waiting contacts in serve order.
   *
   * @param customerNames the names of the identified senders among them, by customer id
   */
  public record QueueView(QueueStats stats, List<ContactRecord> waiting, Map<String, String> customerNames) {}
}
