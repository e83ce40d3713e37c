package io.omniroute.engine.queue;

import io.omniroute.rules.Decision;
import io.omniroute.rules.model.Route;
import java.time.Instant;
import java.util.ArrayList;
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
    ContactCustomer customer) {
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
  }

  /** A record of an unidentified sender that came through the brand's own channels. */
  public ContactRecord(
      String id, Instant receivedAt, ContactPayload request, String channel, String country, Decision decision,
      Route route, Instant deadline, ContactStatus status, String agent, List<HistoryEvent> history) {
    this(id, receivedAt, request, channel, country, decision, route, deadline, status, agent, history, null);
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
    Decision decision = DECISIONS.intern(decided);
    Instant deadline = receivedAt.plus(decision.responseTarget());
    List<HistoryEvent> history =
        List.of(
            new HistoryEvent(HistoryEvent.RECEIVED, receivedAt, ("via " + channel).intern()),
            new HistoryEvent(HistoryEvent.ROUTED, receivedAt, ("to " + decision.route().queue()).intern()));
    return new ContactRecord(
        id, receivedAt, request, channel == null ? null : channel.intern(), country == null ? null : country.intern(),
        decision, decision.route(), deadline,
        ContactStatus.QUEUED, null, history, customer);
  }

  /** This contact claimed by an agent. */
  public ContactRecord assigned(String agent, Instant at) {
    String canonicalAgent = agent == null ? null : agent.intern();
    return moved(ContactStatus.ASSIGNED, canonicalAgent, new HistoryEvent(HistoryEvent.ASSIGNED, at, ("to " + canonicalAgent).intern()));
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
   * the history stay, for metrics and audits.
   */
  public ContactRecord erased(Instant at) {
    List<HistoryEvent> events = new ArrayList<>(history);
    events.add(new HistoryEvent(HistoryEvent.ERASED, at, "personal data erased"));
    ContactPayload marker = ContactPayload.ofJsonText("{\"channel\":\"" + channel + "\",\"erased\":true}");
    return new ContactRecord(
        id, receivedAt, marker, channel, country, decision, route, deadline, status, agent, events, customer.withoutIdentity());
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
        id, receivedAt, request, channel, country, decision, ROUTES.intern(to), newDeadline, status, agent, events, customer);
  }

  /** Whether this contact may escalate: still queued, below the central desk. */
  public boolean escalates() {
    return status == ContactStatus.QUEUED && route.escalated(country) != null;
  }

  private ContactRecord moved(ContactStatus next, String newAgent, HistoryEvent event) {
    if (!status.canMoveTo(next)) {
      throw new IllegalTransitionException(id, status, next);
    }
    List<HistoryEvent> events = new ArrayList<>(history);
    events.add(event);
    return new ContactRecord(
        id, receivedAt, request, channel, country, decision, route, deadline, next, newAgent, events, customer);
  }
}
