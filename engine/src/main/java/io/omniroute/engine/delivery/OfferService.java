package io.omniroute.engine.delivery;

import io.omniroute.engine.Caller;
import io.omniroute.engine.contact.ContactEvent;
import io.omniroute.engine.contact.ContactEvents;
import io.omniroute.engine.contact.Reservations;
import io.omniroute.engine.metrics.EngineMetrics;
import io.omniroute.engine.queue.ContactRecord;
import io.omniroute.engine.queue.ContactStatus;
import io.omniroute.engine.queue.ConversationState;
import io.omniroute.engine.queue.QueueStats;
import io.omniroute.engine.queue.QueueStore;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The offer engine: pushes each waiting contact to one eligible agent, waits for the agent's
 * answer within the channel's timeout, and offers it to the next agent when there is none.
 *
 * <p>A contact is offered when it comes to a queue (queued, raised, transferred, escalated, or back
 * after an offer ended), and on every {@linkplain #sweep() sweep}, which also ends expired offers
 * and picks up agents who became eligible (a presence change, the end of a wrap-up, another node's
 * work). Candidates are the eligible agents of the queue ({@link AgentState#isEligible}) who have
 * not declined the contact there; the agent who last answered the conversation comes first, then
 * the agents of the dealer who owns the customer, then the others in the order of the queue's
 * {@link OfferStrategy}.
 *
 * <p>An offer takes two atomic steps: the agent's capacity ({@link AgentStore#update}, which checks
 * eligibility again), then the contact's reservation ({@link QueueStore#reserve}), which succeeds
 * for one offer only, on any number of nodes; when it fails, the agent's step is undone. The open
 * offers are indexed by expiry in the agent store, so any node ends the offers of a node that
 * died. Every offer and its end is published as a {@link ContactEvent} once: by the step that
 * changed the contact.
 *
 * <p>Thread-safe and shared by all verticles; never blocks. Candidate agents come from a roster that
 * this node keeps of the agent store, refreshed by every change it makes and by every sweep;
 * eligibility itself is always checked in the store.
 */
public final class OfferService implements Reservations, EngineMetrics.AgentFigures {
  private static final Logger LOG = LoggerFactory.getLogger(OfferService.class);
  private static final int DISPATCH_BATCH = 20;
  private static final int EXPIRY_BATCH = 500;
  /**
   * How long after its expiry an offer whose contact another step already took is dropped from its
   * agent's work by whoever finds it: the step that took the contact updates the agent itself, so
   * only an offer whose node died between the two steps is left that long.
   */
  private static final Duration STALE_AFTER = Duration.ofSeconds(10);
  private final QueueStore contacts;
  private final AgentStore agents;
  private final ContactEvents events;
  private final OfferSettings settings;
  private final Clock clock;
  private final Map<String, AgentState> roster = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> dispatches = new ConcurrentHashMap<>();

  public OfferService(
      QueueStore contacts, AgentStore agents, ContactEvents events, OfferSettings settings, Clock clock) {
    this.contacts = contacts;
    this.agents = agents;
    this.events = events;
    this.settings = settings;
    this.clock = clock;
    events.subscribe(this::on);
  }

  /** The settings this engine offers with. */
  public OfferSettings settings() {
    return settings;
  }

  /**
   * Ends the expired offers (each is offered anew), refreshes the roster from the agent store and
   * offers the waiting contacts of every queue that has an eligible agent. The engine runs it every
   * {@link OfferSettings#sweepInterval()}; safe on several nodes at once.
   */
  public Future<Void> sweep() {
    Instant now = clock.instant();
    return agents.expiredOffers(now, EXPIRY_BATCH)
        .compose(expired -> Future.all(expired.stream().map(offer -> expire(offer, now)).toList()))
        .compose(ended -> agents.list())
        .compose(all -> {
          roster.keySet().retainAll(all.stream().map(AgentState::id).toList());
          all.forEach(agent -> roster.put(agent.id(), agent));
          return contacts.queueStats();
        })
        .map(queues -> {
          for (QueueStats queue : queues) {
            if (queue.depth() > 0 && hasAvailableAgent(queue.queue())) {
              dispatch(queue.queue());
            }
          }
          return (Void) null;
        });
  }

  @Override
  public double occupancy(String channel) {
    long load = 0;
    long capacity = 0;
    for (AgentState agent : roster.values()) {
      if (agent.presence() == Presence.AVAILABLE || agent.presence() == Presence.BUSY) {
        load += agent.work().load(channel);
        capacity += agent.capacityOn(channel);
      }
    }
    return capacity == 0 ? 0 : (double) load / capacity;
  }

  @Override
  public long withPresence(String presence) {
    return roster.values().stream().filter(agent -> agent.presence().wireName().equals(presence)).count();
  }

  /** Tells the offer engine that an agent changed (a presence, a profile): it may now be eligible. */
  public void agentChanged(AgentState agent) {
    roster.put(agent.id(), agent);
    agent.profile().queues().forEach(this::dispatch);
  }

  /**
   * Accepts the open offer {@code offerId}: the contact is assigned to the agent. Fails with {@link
   * OfferNotFoundException} when no such offer is open (it ended, expired or is the caller may not
   * answer).
   */
  public Future<ContactRecord> accept(String offerId, Caller caller) {
    Instant now = clock.instant();
    return openOffer(offerId, caller, now).compose(offer ->
        contacts.endOffer(offer.contactId(), offer.id(), OfferOutcome.ACCEPTED.wireName(), "by " + offer.agentId(), now)
            .compose(ended -> {
              if (ended.isEmpty()) {
                return Future.failedFuture(new OfferNotFoundException(offerId));
              }
              return changeAgent(offer.agentId(), agent -> agent.withWork(agent.work()
                      .withoutOffer(offer, OfferOutcome.ACCEPTED, now)))
                  .compose(changed -> {
                    ContactRecord assigned = ended.get();
                    events.publish(new ContactEvent.OfferEnded(assigned, offer, OfferOutcome.ACCEPTED, null, now));
                    events.publish(new ContactEvent.Assigned(
                        assigned, offer.agentId(), Duration.between(assigned.receivedAt(), now), now));
                    return Future.succeededFuture(assigned);
                  });
            }));
  }

  /**
   * Rejects the open offer {@code offerId} for {@code reason} (may be {@code null}): the contact
   * waits again and is offered to the next eligible agent. Fails as {@link #accept} does.
   */
  public Future<ContactRecord> reject(String offerId, String reason, Caller caller) {
    Instant now = clock.instant();
    return openOffer(offerId, caller, now).compose(offer -> {
      String detail = offer.agentId() + (reason == null || reason.isBlank() ? "" : ": " + reason);
      return end(offer, OfferOutcome.REJECTED, reason, detail, now)
          .compose(ended -> ended.isPresent()
              ? Future.succeededFuture(ended.get())
              : Future.failedFuture(new OfferNotFoundException(offerId)));
    });
  }

  @Override
  public Future<ContactRecord> release(ContactRecord offered, String why) {
    String offerId = offered.openOfferId();
    if (offerId == null) {
      return Future.succeededFuture(offered);
    }
    Instant now = clock.instant();
    return agents.offer(offerId).compose(found -> {
      Offer offer = found.orElseGet(() -> new Offer(offerId, offered.id(), offered.conversationId(),
          offered.route().queue(), offered.channel(), offered.agent(), now, now));
      return end(offer, OfferOutcome.WITHDRAWN, why, why, now);
    }).compose(ended -> ended.isPresent()
        ? Future.succeededFuture(ended.get())
        : contacts.find(offered.id()).map(current -> current.orElse(offered)));
  }

  private Future<Offer> openOffer(String offerId, Caller caller, Instant now) {
    return agents.offer(offerId).compose(found -> {
      if (found.isEmpty() || !mayAnswer(caller, found.get())) {
        return Future.failedFuture(new OfferNotFoundException(offerId));
      }
      Offer offer = found.get();
      if (!now.isBefore(offer.expiresAt())) {
        return expire(offer, now).compose(ended -> Future.failedFuture(new OfferNotFoundException(offerId)));
      }
      return Future.succeededFuture(offer);
    });
  }

  private static boolean mayAnswer(Caller caller, Offer offer) {
    return caller.unrestricted() || caller.isAgent(offer.agentId()) || caller.mayActOnContactIn(offer.queue());
  }

  /** Ends an offer that timed out; an agent who let too many time out in a row is set away. */
  private Future<Optional<ContactRecord>> expire(Offer offer, Instant now) {
    String detail = "no answer from " + offer.agentId() + " within "
        + Duration.between(offer.offeredAt(), offer.expiresAt()).toSeconds() + " s";
    return end(offer, OfferOutcome.TIMED_OUT, null, detail, now);
  }

  /**
   * Ends an offer that was not accepted: the contact first (once, whoever gets there first), then the
   * agent's work; publishes {@link ContactEvent.OfferEnded} when this call ended the contact's offer.
   * When another step had already ended it, that step updates the agent, unless the offer is stale
   * ({@link #STALE_AFTER}): then this call drops it from the agent's work.
   */
  private Future<Optional<ContactRecord>> end(
      Offer offer, OfferOutcome outcome, String reason, String detail, Instant now) {
    return contacts.endOffer(offer.contactId(), offer.id(), outcome.wireName(), detail, now).compose(ended -> {
      if (ended.isEmpty()) {
        return now.isAfter(offer.expiresAt().plus(STALE_AFTER))
            ? changeAgent(offer.agentId(), agent -> afterOffer(agent, offer, OfferOutcome.WITHDRAWN, now)).map(ended)
            : Future.succeededFuture(ended);
      }
      return changeAgent(offer.agentId(), agent -> afterOffer(agent, offer, outcome, now)).map(changed -> {
        events.publish(new ContactEvent.OfferEnded(ended.get(), offer, outcome, reason, now));
        return ended;
      });
    });
  }

  private static AgentState afterOffer(AgentState agent, Offer offer, OfferOutcome outcome, Instant now) {
    AgentWork work = agent.work().withoutOffer(offer, outcome, now);
    if (work == agent.work()) {
      return agent;
    }
    if (work.missedInARow() >= AgentWork.MISSED_OFFERS_BEFORE_AWAY && agent.presence() == Presence.AVAILABLE) {
      return agent.withWork(work.withMissedReset()).withPresence(Presence.AWAY, now);
    }
    return agent.withWork(work);
  }

  private void on(ContactEvent event) {
    if (event instanceof ContactEvent.Queued queued) {
      dispatch(queued.contact().route().queue());
    } else if (event instanceof ContactEvent.Raised raised) {
      dispatch(raised.to().queue());
    } else if (event instanceof ContactEvent.Escalated escalated) {
      dispatch(escalated.to().queue());
    } else if (event instanceof ContactEvent.Transferred transferred) {
      roster.values().stream().filter(agent -> agent.work().isAssigned(transferred.contact().id()))
          .forEach(agent -> finishAssignment(agent.id(), transferred.contact().id(), transferred.at()));
      dispatch(transferred.to().queue());
    } else if (event instanceof ContactEvent.OfferEnded ended
        && (ended.outcome() == OfferOutcome.REJECTED || ended.outcome() == OfferOutcome.TIMED_OUT)) {
      dispatch(ended.offer().queue());
    } else if (event instanceof ContactEvent.Completed || event instanceof ContactEvent.Abandoned) {
      ContactRecord contact = event.contact();
      if (contact.agent() != null) {
        finishAssignment(contact.agent(), contact.id(), event.at());
      }
    }
  }

  private void finishAssignment(String agentId, String contactId, Instant at) {
    changeAgent(agentId, agent -> agent.withWork(agent.work()
        .withoutAssignment(contactId, at, Duration.ofSeconds(agent.profile().wrapUpSeconds()))))
        .onSuccess(change -> change.filter(AgentStore.Change::changed)
            .ifPresent(done -> done.after().profile().queues().forEach(this::dispatch)))
        .onFailure(failure -> LOG.warn("could not end the assignment of {} to agent {}", contactId, agentId, failure));
  }

  /**
   * Offers the waiting contacts of {@code queue}. Calls for one queue on this node are coalesced:
   * while one runs, further calls make it run once more when it is done.
   */
  void dispatch(String queue) {
    if (!hasAvailableAgent(queue)) {
      return;
    }
    AtomicInteger requests = dispatches.computeIfAbsent(queue, q -> new AtomicInteger());
    if (requests.getAndIncrement() == 0) {
      runDispatch(queue, requests);
    }
  }

  private void runDispatch(String queue, AtomicInteger requests) {
    int seen = requests.get();
    contacts.waiting(queue, DISPATCH_BATCH)
        .compose(waiting -> offerEach(waiting, 0))
        .onComplete(done -> {
          if (done.failed()) {
            LOG.warn("offering the contacts of {} failed; the next sweep tries again", queue, done.cause());
          }
          if (requests.addAndGet(-seen) > 0) {
            runDispatch(queue, requests);
          }
        });
  }

  private Future<Void> offerEach(List<ContactRecord> waiting, int next) {
    if (next >= waiting.size() || !hasAvailableAgent(waiting.get(next).route().queue())) {
      return Future.succeededFuture();
    }
    return offer(waiting.get(next)).compose(offered -> offerEach(waiting, next + 1));
  }

  /** Whether an agent of the roster is available for {@code queue} with room on some channel. */
  private boolean hasAvailableAgent(String queue) {
    for (AgentState agent : roster.values()) {
      if (agent.presence() == Presence.AVAILABLE && agent.profile().queues().contains(queue) && agent.hasRoom()) {
        return true;
      }
    }
    return false;
  }

  /** Offers one waiting contact to the best eligible agent; answers whether it was offered. */
  private Future<Boolean> offer(ContactRecord contact) {
    if (contact.status() != ContactStatus.QUEUED) {
      return Future.succeededFuture(false);
    }
    Instant now = clock.instant();
    String queue = contact.route().queue();
    String channel = contact.channel();
    Set<String> declined = contact.declinedBy();
    List<AgentState> eligible = roster.values().stream()
        .filter(agent -> agent.isEligible(queue, channel, now) && !declined.contains(agent.id()))
        .toList();
    if (eligible.isEmpty()) {
      return Future.succeededFuture(false);
    }
    return lastAgentOf(contact).compose(lastAgent -> offerToFirst(contact, candidates(eligible, contact, lastAgent), 0, now));
  }

  private Future<String> lastAgentOf(ContactRecord contact) {
    if (contact.conversationId().equals(contact.id())) {
      return Future.succeededFuture(null);
    }
    return contacts.conversationState(contact.conversationId())
        .map(state -> state.map(ConversationState::lastAgent).orElse(null));
  }

  /** The eligible agents in the order they are tried: the last agent, the owner dealer's agents, then by strategy. */
  private List<AgentState> candidates(List<AgentState> eligible, ContactRecord contact, String lastAgent) {
    String ownerQueue = contact.customer().ownerDealerId() == null ? null : "dealer:" + contact.customer().ownerDealerId();
    Comparator<AgentState> relationship = Comparator
        .comparing((AgentState agent) -> !agent.id().equals(lastAgent))
        .thenComparing(agent -> ownerQueue == null || !agent.profile().queues().contains(ownerQueue));
    List<AgentState> ordered = new ArrayList<>(eligible);
    ordered.sort(relationship.thenComparing(settings.strategyOf(contact.route().queue()).order(contact.channel())));
    return ordered;
  }

  private Future<Boolean> offerToFirst(ContactRecord contact, List<AgentState> candidates, int next, Instant now) {
    if (next >= candidates.size()) {
      return Future.succeededFuture(false);
    }
    String queue = contact.route().queue();
    String channel = contact.channel();
    String agentId = candidates.get(next).id();
    Offer offer = new Offer(newOfferId(), contact.id(), contact.conversationId(), queue, channel, agentId, now,
        now.plus(settings.timeoutOf(channel)));
    return changeAgent(agentId, agent -> agent.isEligible(queue, channel, now)
        ? agent.withWork(agent.work().withOffer(offer))
        : agent).compose(change -> {
          if (change.isEmpty() || !change.get().changed()) {
            return offerToFirst(contact, candidates, next + 1, now);
          }
          return contacts.reserve(contact.id(), queue, agentId, offer.id(), offer.expiresAt(), now).compose(reserved -> {
            if (reserved.isPresent()) {
              events.publish(new ContactEvent.Offered(reserved.get(), offer, now));
              return Future.succeededFuture(true);
            }
            return changeAgent(agentId, agent -> agent.withWork(agent.work().withoutOffer(offer, OfferOutcome.WITHDRAWN, now)))
                .map(false);
          });
        });
  }

  /** Applies a change to an agent in the store and keeps the roster up to date with the result. */
  private Future<Optional<AgentStore.Change>> changeAgent(
      String agentId, java.util.function.UnaryOperator<AgentState> change) {
    return agents.update(agentId, change).map(result -> {
      result.ifPresentOrElse(done -> roster.put(agentId, done.after()), () -> roster.remove(agentId));
      return result;
    });
  }

  private static String newOfferId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return "of-" + Long.toHexString(random.nextLong() | Long.MIN_VALUE) + Long.toHexString(random.nextLong() | Long.MIN_VALUE);
  }
}
