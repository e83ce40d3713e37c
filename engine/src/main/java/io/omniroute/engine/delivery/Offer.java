package io.omniroute.engine.delivery;

import java.time.Instant;
import java.util.Objects;

/**
 * One contact offered to one agent, open until the agent accepts or rejects it, it expires, or it
 * is withdrawn. While it is open the contact is reserved for the agent: no second offer and no
 * claim takes it. Immutable.
 *
 * @param id the offer's id, as in {@code POST /v1/offers/{id}/accept}
 * @param contactId the offered contact
 * @param conversationId the conversation the contact belongs to
 * @param queue the queue the contact waits in
 * @param channel the contact's channel ({@code voice}, {@code chat}, {@code email}, ...)
 * @param agentId the agent the contact is offered to
 * @param offeredAt when the offer was made
 * @param expiresAt when the offer times out unless answered
 */
public record Offer(
    String id,
    String contactId,
    String conversationId,
    String queue,
    String channel,
    String agentId,
    Instant offeredAt,
    Instant expiresAt) {
  public Offer {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(contactId, "contactId");
    Objects.requireNonNull(conversationId, "conversationId");
    Objects.requireNonNull(queue, "queue");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(agentId, "agentId");
    Objects.requireNonNull(offeredAt, "offeredAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }
}
