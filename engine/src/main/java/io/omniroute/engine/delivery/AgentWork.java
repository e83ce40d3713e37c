package io.omniroute.engine.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What an agent is doing, as the offer engine keeps it: the offers open to them, the contacts
 * assigned to them, the end of their wrap-up after the last contact, when they last became idle,
 * when they were last offered something, and how many offers in a row they let time out. Every
 * change is a new value; the agent store writes it atomically with the agent's presence.
 * {@code wrapUpUntil}, {@code idleSince} (when the agent last finished a contact) and {@code
 * lastOfferedAt} are {@code null} until they first happen.
 *
 * <p>Immutable; the load per channel is counted once, when a value is made, since every candidate
 * of every offer is asked for it.
 */
public final class AgentWork {
  /** How many offers in a row an agent may let time out before the engine sets them away. */
  public static final int MISSED_OFFERS_BEFORE_AWAY = 3;
  public static final AgentWork NONE = new AgentWork(List.of(), List.of(), null, null, null, 0);

  private final List<Offer> offers;
  private final List<Assignment> assignments;
  private final Instant wrapUpUntil;
  private final Instant idleSince;
  private final Instant lastOfferedAt;
  private final int missedInARow;
  /** Contacts per channel (wire name), assigned and offered: read for every candidate of every offer. */
  private final Map<String, Integer> loads;

  public AgentWork(
      List<Offer> offers, List<Assignment> assignments, Instant wrapUpUntil, Instant idleSince, Instant lastOfferedAt,
      int missedInARow) {
    this.offers = List.copyOf(offers);
    this.assignments = List.copyOf(assignments);
    this.wrapUpUntil = wrapUpUntil;
    this.idleSince = idleSince;
    this.lastOfferedAt = lastOfferedAt;
    this.missedInARow = missedInARow;
    Map<String, Integer> counted = new HashMap<>();
    this.offers.forEach(offer -> counted.merge(offer.channel(), 1, Integer::sum));
    this.assignments.forEach(assignment -> counted.merge(assignment.channel(), 1, Integer::sum));
    this.loads = Map.copyOf(counted);
  }

  public List<Offer> offers() {
    return offers;
  }

  public List<Assignment> assignments() {
    return assignments;
  }

  public Instant wrapUpUntil() {
    return wrapUpUntil;
  }

  public Instant idleSince() {
    return idleSince;
  }

  public Instant lastOfferedAt() {
    return lastOfferedAt;
  }

  public int missedInARow() {
    return missedInARow;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof AgentWork work && offers.equals(work.offers) && assignments.equals(work.assignments)
        && Objects.equals(wrapUpUntil, work.wrapUpUntil) && Objects.equals(idleSince, work.idleSince)
        && Objects.equals(lastOfferedAt, work.lastOfferedAt) && missedInARow == work.missedInARow;
  }

  @Override
  public int hashCode() {
    return Objects.hash(offers, assignments, wrapUpUntil, idleSince, lastOfferedAt, missedInARow);
  }

  @Override
  public String toString() {
    return "AgentWork[offers=" + offers + ", assignments=" + assignments + ", wrapUpUntil=" + wrapUpUntil
        + ", idleSince=" + idleSince + ", lastOfferedAt=" + lastOfferedAt + ", missedInARow=" + missedInARow + "]";
  }

  /** A contact assigned to the agent since {@code since}, on {@code channel} (its wire name). */
  public record Assignment(String contactId, String channel, Instant since) {
    public Assignment {
      Objects.requireNonNull(contactId, "contactId");
      Objects.requireNonNull(channel, "channel");
      Objects.requireNonNull(since, "since");
    }
  }

  /**
   * How many contacts of {@code channel} (wire name) the agent has now: assigned and offered. An
   * offer counts until it has ended, also in the moment between its expiry and the sweep that ends it.
   */
  public int load(String channel) {
    return loads.getOrDefault(channel, 0);
  }

  /** Whether the agent still wraps up their last contact at {@code now}. */
  public boolean wrapsUpAt(Instant now) {
    return wrapUpUntil != null && now.isBefore(wrapUpUntil);
  }

  /** The open offer {@code offerId}, if any. */
  public Optional<Offer> offer(String offerId) {
    return offers.stream().filter(offer -> offer.id().equals(offerId)).findFirst();
  }

  /** The open offer of the contact {@code contactId}, if any. */
  public Optional<Offer> offerOfContact(String contactId) {
    return offers.stream().filter(offer -> offer.contactId().equals(contactId)).findFirst();
  }

  /** Whether the contact {@code contactId} is assigned to the agent. */
  public boolean isAssigned(String contactId) {
    return assignments.stream().anyMatch(assignment -> assignment.contactId().equals(contactId));
  }

  /** This work with {@code offer} open. */
  public AgentWork withOffer(Offer offer) {
    List<Offer> open = new ArrayList<>(offers);
    open.add(offer);
    return new AgentWork(open, assignments, wrapUpUntil, idleSince, offer.offeredAt(), missedInARow);
  }

  /**
   * This work after the open offer {@code offer} ended with {@code outcome} at {@code at}: an
   * accepted one becomes an assignment; an answer (accept or reject) resets the count of missed
   * offers, a timeout adds one to it, a withdrawal leaves it. This work itself when the offer is
   * not open.
   */
  public AgentWork withoutOffer(Offer offer, OfferOutcome outcome, Instant at) {
    if (offer(offer.id()).isEmpty()) {
      return this;
    }
    List<Offer> open = new ArrayList<>(offers);
    open.removeIf(candidate -> candidate.id().equals(offer.id()));
    List<Assignment> assigned = assignments;
    int missed = missedInARow;
    switch (outcome) {
      case ACCEPTED -> {
        assigned = new ArrayList<>(assignments);
        assigned.add(new Assignment(offer.contactId(), offer.channel(), at));
        missed = 0;
      }
      case REJECTED -> missed = 0;
      case TIMED_OUT -> missed++;
      case WITHDRAWN -> { }
    }
    return new AgentWork(open, assigned, wrapUpUntil, idleSince, lastOfferedAt, missed);
  }

  /**
   * This work after the assigned contact {@code contactId} ended at {@code at}: the agent wraps up
   * for {@code wrapUp}. This work itself when the contact is not assigned to the agent.
   */
  public AgentWork withoutAssignment(String contactId, Instant at, Duration wrapUp) {
    if (!isAssigned(contactId)) {
      return this;
    }
    List<Assignment> assigned = new ArrayList<>(assignments);
    assigned.removeIf(assignment -> assignment.contactId().equals(contactId));
    return new AgentWork(offers, assigned, at.plus(wrapUp), at, lastOfferedAt, missedInARow);
  }

  /** This work with the count of missed offers back at zero. */
  public AgentWork withMissedReset() {
    return missedInARow == 0 ? this : new AgentWork(offers, assignments, wrapUpUntil, idleSince, lastOfferedAt, 0);
  }
}
