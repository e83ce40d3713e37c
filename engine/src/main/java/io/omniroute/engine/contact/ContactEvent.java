package io.omniroute.engine.contact;

import io.omniroute.engine.delivery.Offer;
import io.omniroute.engine.delivery.OfferOutcome;
import io.omniroute.engine.queue.ContactRecord;
import io.omniroute.rules.Decision;
import io.omniroute.rules.model.Route;
import java.time.Duration;
import java.time.Instant;

/**
 * Something that happened in a contact's life, as {@link ContactService} publishes it through
 * {@link ContactEvents}: the contract that metrics, and later delivery to agents, webhooks and
 * compliance review, build on. Each event carries the contact as it is after the step and when the
 * step happened. A new contact is {@link Received}, then {@link Routed}, then {@link Queued} (or,
 * for a follow-up of an open conversation, {@link Joined} and, when it raised the conversation,
 * {@link Raised}), in that order and on one thread; an idempotent repeat of a request publishes nothing.
 *
 * <p>Immutable.
 */
public sealed interface ContactEvent {
  /** The contact after this step. */
  ContactRecord contact();

  /** When the step happened. */
  Instant at();

  /** A new contact was accepted from a channel. */
  record Received(ContactRecord contact, Instant at) implements ContactEvent {}

  /** The rules decided where it goes; {@code decisionNanos} is how long the decision took. */
  record Routed(ContactRecord contact, Decision decision, long decisionNanos, Instant at) implements ContactEvent {}

  /** It waits in its queue ({@code contact().route().queue()}). */
  record Queued(ContactRecord contact, Instant at) implements ContactEvent {}

  /**
   * A follow-up joined its open conversation instead of waiting on its own: {@code carrier} is the
   * conversation's waiting or assigned contact.
   */
  record Joined(ContactRecord contact, ContactRecord carrier, Instant at) implements ContactEvent {}

  /** A more urgent follow-up raised its conversation: the waiting contact moved {@code from} one route {@code to} another. */
  record Raised(ContactRecord contact, Route from, Route to, Instant at) implements ContactEvent {}

  /** An agent or supervisor handed it to another queue, for {@code reason} (may be {@code null}). */
  record Transferred(ContactRecord contact, Route from, Route to, String reason, Instant at) implements ContactEvent {}

  /** It was offered to an agent ({@code offer.agentId()}) and is reserved for them until the offer ends. */
  record Offered(ContactRecord contact, Offer offer, Instant at) implements ContactEvent {}

  /**
   * An offer of it ended with {@code outcome}; {@code reason} is the agent's reason for a
   * rejection, otherwise {@code null}. An accepted offer is followed by {@link Assigned}.
   */
  record OfferEnded(ContactRecord contact, Offer offer, OfferOutcome outcome, String reason, Instant at)
      implements ContactEvent {}

  /** An agent claimed it, or accepted an offer of it, after it waited {@code waited}. */
  record Assigned(ContactRecord contact, String agent, Duration waited, Instant at) implements ContactEvent {}

  /** Its deadline passed while it waited, and it moved one level up. */
  record Escalated(ContactRecord contact, Route from, Route to, Instant at) implements ContactEvent {}

  /** The agent finished it. */
  record Completed(ContactRecord contact, Instant at) implements ContactEvent {}

  /** The customer left before it was finished. */
  record Abandoned(ContactRecord contact, Instant at) implements ContactEvent {}

  /** Its sender's personal data was erased: the customer asked to be forgotten. */
  record Erased(ContactRecord contact, Instant at) implements ContactEvent {}
}
