package io.omniroute.engine.queue;

import io.omniroute.rules.Decision;
import io.omniroute.rules.model.Route;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Objects;

/**
 * A contact as the engine keeps it: what was received, the routing decision, where it waits now,
 * its status and its history. Immutable: every transition returns a new record, so a record can
 * be handed between threads and serialised as it is.
 *
 * <p>What repeats across contacts is shared when a record is made by {@link #queued}, {@link
 * #assigned} or {@link #escalated}: the texts (the channel, the country, the history's details, the agent) are
 * {@linkplain String#intern() interned}, and equal decisions and routes are one instance (an
 * {@link Interner}; a decision repeats with the contact's kind, dealer and the rules that fired). A
 * stored contact then holds no copy of its own of them, which leaves the garbage collector fewer
 * objects to copy for every contact the memory store keeps (BENCHMARKS.md).
 *
 * @param request the contact as received
 * @param country the resolved country, or {@code null}; used to escalate to the country level
 * @param route where the contact waits now (the decision's route until it escalates)
 * @param deadline when the first response is due in the current queue
 * @param agent the agent that claimed the contact, or {@code null}
 * @param customer who the contact came from: identified or not, and the relationship sector
 * @param conversationId the conversation the contact belongs to; a conversation is named after the
 *     contact that opened it, so a contact that opens one has its own id here
 */
public record ContactRecord(
    String id,
    Instant receivedAt,
    ContactPayload request,
    String channel,
    String country,
    Decision decision,
    Route route,
    Instant deadline,
    ContactStatus status,
    String agent,
    List<HistoryEvent> history,
    ContactCustomer customer,
    String conversationId) {
  private static final Interner<Decision> DECISIONS = new Interner<>(16_384);
  private static final Interner<Route> ROUTES = new Interner<>(4_096);

  public ContactRecord {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(receivedAt, "receivedAt");
    Objects.requireNonNull(decision, "decision");
    Objects.requireNonNull(route, "route");
    Objects.requireNonNull(status, "status");
    request = request == null ? ContactPayload.empty() : request;
    history = List.copyOf(history);
    customer = customer == null ? ContactCustomer.UNIDENTIFIED_DIRECT : customer;
    conversationId = conversationId == null ? id : conversationId;
  }

  /** A record of a contact that opened its own conversation. */
  public ContactRecord(
      String id, Instant receivedAt, ContactPayload request, String channel, String country, Decision decision,
      Route route, Instant deadline, ContactStatus status, String agent, List<HistoryEvent> history,
      ContactCustomer customer) {
    this(id, receivedAt, request, channel, country, decision, route, deadline, status, agent, history, customer, null);
  }

  /** A record of an unidentified sender that came through the brand's own channels. */
  public ContactRecord(
      String id, Instant receivedAt, ContactPayload request, String channel, String country, Decision decision,
      Route route, Instant deadline, ContactStatus status, String agent, List<HistoryEvent> history) {
    this(id, receivedAt, request, channel, country, decision, route, deadline, status, agent, history, null, null);
  }

  /** A new, queued contact of an unidentified sender with its {@code received} and {@code routed} events. */
  public static ContactRecord queued(
      String id, Instant receivedAt, ContactPayload request, String channel, String country, Decision decided) {
    return queued(id, receivedAt, request, channel, country, decided, null);
  }

  /** A new, queued contact from {@code customer} with its {@code received} and {@code routed} events. */
  public static ContactRecord queued(
      String id, Instant receivedAt, ContactPayload request, String channel, String country, Decision decided,
      ContactCustomer customer) {
    return queued(id, receivedAt, request, channel, country, decided, customer, null, null);
  }

  /**
   * A new, queued contact from {@code customer} in conversation {@code conversationId} ({@code
   * null}: it opens its own), with its {@code received} and {@code routed} events; {@code
   * reopened}, when not {@code null}, says which closed conversation it reopens and where that was
   * answered.
   */
  public static ContactRecord queued(
      String id, Instant receivedAt, ContactPayload request, String channel, String country, Decision decided,
      ContactCustomer customer, String conversationId, String reopened) {
    Decision decision = DECISIONS.intern(decided);
    Instant deadline = receivedAt.plus(decision.responseTarget());
    HistoryEvent received = new HistoryEvent(HistoryEvent.RECEIVED, receivedAt, ("via " + channel).intern());
    HistoryEvent routed = new HistoryEvent(HistoryEvent.ROUTED, receivedAt, ("to " + decision.route().queue()).intern());
    List<HistoryEvent> history = reopened == null
        ? List.of(received, routed)
        : List.of(received, new HistoryEvent(HistoryEvent.REOPENED, receivedAt, reopened), routed);
    return new ContactRecord(
        id, receivedAt, request, channel == null ? null : channel.intern(), country == null ? null : country.intern(),
        decision, decision.route(), deadline,
        ContactStatus.QUEUED, null, history, customer, conversationId);
  }

  /**
   * A follow-up that joined the open conversation {@code conversationId} instead of waiting on its
   * own: {@code JOINED}, with the route the conversation has now and no deadline of its own.
   *
   * @param where where the conversation is now, for the history ({@code "waiting in country:DE"})
   */
  public static ContactRecord joined(
      String id, Instant receivedAt, ContactPayload request, String channel, String country, Decision decided,
      ContactCustomer customer, String conversationId, Route conversationRoute, String where) {
    List<HistoryEvent> history =
        List.of(
            new HistoryEvent(HistoryEvent.RECEIVED, receivedAt, ("via " + channel).intern()),
            new HistoryEvent(HistoryEvent.JOINED, receivedAt, "conversation " + conversationId + ", " + where));
    return new ContactRecord(
        id, receivedAt, request, channel == null ? null : channel.intern(), country == null ? null : country.intern(),
        DECISIONS.intern(decided), ROUTES.intern(conversationRoute), null,
        ContactStatus.JOINED, null, history, customer, conversationId);
  }

  /** This contact claimed by an agent. */
  public ContactRecord assigned(String agent, Instant at) {
    String canonicalAgent = agent == null ? null : agent.intern();
    return moved(ContactStatus.ASSIGNED, canonicalAgent, new HistoryEvent(HistoryEvent.ASSIGNED, at, ("to " + canonicalAgent).intern()));
  }

  /**
   * This queued contact reserved for {@code agent} by an offer: {@code OFFERED} to them, its queue,
   * route and deadline unchanged.
   */
  public ContactRecord offered(String agent, String offerId, Instant expiresAt, Instant at) {
    String canonicalAgent = agent.intern();
    return moved(ContactStatus.OFFERED, canonicalAgent,
        new HistoryEvent(HistoryEvent.OFFERED, at, "offer " + offerId + " to " + canonicalAgent + ", expires " + expiresAt));
  }

  /**
   * This offered contact after its offer ended with {@code outcome} (the wire name, such as {@code
   * rejected}; {@code detail} says more): assigned to the agent it was offered to when {@code
   * accepted}, otherwise queued again where it was, without agent.
   */
  public ContactRecord offerEnded(String outcome, String detail, Instant at) {
    if (status != ContactStatus.OFFERED) {
      throw new IllegalTransitionException(id, status, ContactStatus.QUEUED);
    }
    HistoryEvent ended = new HistoryEvent(outcome.intern(), at, detail);
    if ("accepted".equals(outcome)) {
      List<HistoryEvent> events = new ArrayList<>(history);
      events.add(ended);
      events.add(new HistoryEvent(HistoryEvent.ASSIGNED, at, ("to " + agent).intern()));
      return new ContactRecord(
          id, receivedAt, request, channel, country, decision, route, deadline, ContactStatus.ASSIGNED, agent, events,
          customer, conversationId);
    }
    return moved(ContactStatus.QUEUED, null, ended);
  }

  /** The id of the open offer of this {@code OFFERED} contact, as its history says; {@code null} when it is not offered. */
  public String openOfferId() {
    if (status != ContactStatus.OFFERED) {
      return null;
    }
    for (int i = history.size() - 1; i >= 0; i--) {
      HistoryEvent event = history.get(i);
      if (HistoryEvent.OFFERED.equals(event.type())) {
        return offerPart(event.detail(), true);
      }
    }
    return null;
  }

  /**
   * The agents who rejected an offer of this contact or let one time out since it last came to its
   * current queue, as its history says: they are not offered it again there.
   */
  public Set<String> declinedBy() {
    Set<String> declined = new HashSet<>();
    String offeredTo = null;
    for (HistoryEvent event : history) {
      switch (event.type()) {
        case HistoryEvent.OFFERED -> offeredTo = offerPart(event.detail(), false);
        case "rejected", "timedout" -> {
          if (offeredTo != null) {
            declined.add(offeredTo);
          }
        }
        case HistoryEvent.ESCALATED, HistoryEvent.TRANSFERRED, HistoryEvent.RAISED -> declined.clear();
        default -> { }
      }
    }
    return declined;
  }

  /** The offer id or the agent of an {@code offered} event's detail ({@code offer ID to AGENT, expires T}). */
  private static String offerPart(String detail, boolean offerId) {
    int to = detail.indexOf(" to ");
    int expires = detail.indexOf(", expires ");
    if (!detail.startsWith("offer ") || to < 0 || expires < to) {
      return null;
    }
    return offerId ? detail.substring("offer ".length(), to) : detail.substring(to + " to ".length(), expires);
  }

  public ContactRecord completed(Instant at) {
    return moved(ContactStatus.COMPLETED, agent, new HistoryEvent(HistoryEvent.COMPLETED, at, null));
  }

  public ContactRecord abandoned(Instant at) {
    return moved(ContactStatus.ABANDONED, agent, new HistoryEvent(HistoryEvent.ABANDONED, at, "the customer left"));
  }

  /**
   * This contact with its sender's personal data erased (the customer's right to be forgotten):
   * what was received becomes {@code {"channel": ..., "erased": true}} and the customer's id and
   * owner are dropped; the channel, the times, the decision, the route, the status, the agent and
   * the history stay, for metrics and audits, except the words of an {@code edited} entry.
   */
  public ContactRecord erased(Instant at) {
    List<HistoryEvent> events = new ArrayList<>(history.size() + 1);
    for (HistoryEvent event : history) {
      events.add(HistoryEvent.EDITED.equals(event.type())
          ? new HistoryEvent(HistoryEvent.EDITED, event.at(), "personal data erased")
          : event);
    }
    events.add(new HistoryEvent(HistoryEvent.ERASED, at, "personal data erased"));
    ContactPayload marker = ContactPayload.ofJsonText("{\"channel\":\"" + channel + "\",\"erased\":true}");
    return new ContactRecord(
        id, receivedAt, marker, channel, country, decision, route, deadline, status, agent, events,
        customer.withoutIdentity(), conversationId);
  }

  /**
   * This contact with {@code event} added to its history, and nothing else changed: a later step
   * of what was received (a social post edited or deleted), kept beside it, never over it.
   */
  public ContactRecord noted(HistoryEvent event) {
    List<HistoryEvent> events = new ArrayList<>(history);
    events.add(event);
    return new ContactRecord(
        id, receivedAt, request, channel, country, decision, route, deadline, status, agent, events, customer,
        conversationId);
  }

  /** Whether this contact's personal data was erased. */
  public boolean isErased() {
    for (HistoryEvent event : history) {
      if (HistoryEvent.ERASED.equals(event.type())) {
        return true;
      }
    }
    return false;
  }

  /** This contact moved one step up its ladder, with a new deadline. */
  public ContactRecord escalated(Route to, Instant newDeadline, Instant at) {
    List<HistoryEvent> events = new ArrayList<>(history);
    events.add(new HistoryEvent(HistoryEvent.ESCALATED, at, ("from " + route.queue() + " to " + to.queue()).intern()));
    return new ContactRecord(
        id, receivedAt, request, channel, country, decision, ROUTES.intern(to), newDeadline, status, agent, events,
        customer, conversationId);
  }

  /**
   * This waiting contact raised by a more urgent follow-up of its conversation: it moves to {@code
   * to} (the follow-up's route) with the new deadline.
   */
  public ContactRecord raised(Route to, Instant newDeadline, String detail, Instant at) {
    if (status != ContactStatus.QUEUED) {
      throw new IllegalTransitionException(id, status, ContactStatus.QUEUED);
    }
    List<HistoryEvent> events = new ArrayList<>(history);
    events.add(new HistoryEvent(HistoryEvent.RAISED, at, detail));
    return new ContactRecord(
        id, receivedAt, request, channel, country, decision, ROUTES.intern(to), newDeadline, status, agent, events,
        customer, conversationId);
  }

  /**
   * This waiting or assigned contact handed to another queue: it waits there ({@code QUEUED}, no
   * agent) with the new deadline. A finished contact cannot move ({@link IllegalTransitionException}).
   */
  public ContactRecord transferred(Route to, Instant newDeadline, String reason, Instant at) {
    if (status != ContactStatus.QUEUED && status != ContactStatus.ASSIGNED) {
      throw new IllegalTransitionException(id, status, ContactStatus.QUEUED);
    }
    List<HistoryEvent> events = new ArrayList<>(history);
    String detail = "from " + route.queue() + (agent == null ? "" : " (agent " + agent + ")") + " to " + to.queue()
        + (reason == null || reason.isBlank() ? "" : ": " + reason);
    events.add(new HistoryEvent(HistoryEvent.TRANSFERRED, at, detail));
    return new ContactRecord(
        id, receivedAt, request, channel, country, decision, ROUTES.intern(to), newDeadline, ContactStatus.QUEUED, null,
        events, customer, conversationId);
  }

  /** Whether the contact still waits (queued or offered) or is being answered. */
  public boolean isOpen() {
    return status == ContactStatus.QUEUED || status == ContactStatus.OFFERED || status == ContactStatus.ASSIGNED;
  }

  /** Whether this contact may escalate: still waiting (queued or offered), below the central desk. */
  public boolean escalates() {
    return (status == ContactStatus.QUEUED || status == ContactStatus.OFFERED) && route.escalated(country) != null;
  }

  private ContactRecord moved(ContactStatus next, String newAgent, HistoryEvent event) {
    if (!status.canMoveTo(next)) {
      throw new IllegalTransitionException(id, status, next);
    }
    List<HistoryEvent> events = new ArrayList<>(history);
    events.add(event);
    return new ContactRecord(
        id, receivedAt, request, channel, country, decision, route, deadline, next, newAgent, events, customer,
        conversationId);
  }
}
