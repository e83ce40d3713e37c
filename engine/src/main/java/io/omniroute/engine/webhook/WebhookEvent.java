package io.omniroute.engine.webhook;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.omniroute.engine.contact.ContactEvent;
import io.omniroute.engine.delivery.Offer;
import io.omniroute.engine.delivery.OfferOutcome;
import io.omniroute.engine.queue.ContactRecord;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * One step of a contact's life as webhooks publish it, made once from a {@link ContactEvent} and
 * sent unchanged, with the same {@code id}, to every webhook it matches and on every retry.
 *
 * <p>Types: {@code io.omniroute.contact.<step>} for {@link ContactEvent.Received}, {@link
 * ContactEvent.Queued}, {@link ContactEvent.Offered}, {@link ContactEvent.Assigned}, {@link
 * ContactEvent.Transferred}, {@link ContactEvent.Escalated}, {@link ContactEvent.Completed} and
 * {@link ContactEvent.Abandoned}; {@code io.omniroute.offer.<outcome>} for {@link
 * ContactEvent.OfferEnded}. The other steps (routed, joined, raised, erased) publish nothing.
 *
 * <p>{@code data} carries ids and routing facts only, never the customer's personal data:
 * {@code contactId}, {@code conversationId}, {@code queue}, {@code level}, {@code priority},
 * {@code channel}, {@code status}; {@code agent} and {@code waitedSeconds} when assigned; {@code
 * from}, {@code to} (and {@code reason}) when transferred or escalated; {@code offerId}, {@code
 * agentId}, {@code offeredAt}, {@code expiresAt} for an offer, with {@code outcome} and {@code
 * reason} when it ended. A receiver reads more through the API ({@code GET
 * /v1/conversations/{conversationId}}). Immutable.
 *
 * @param id the CloudEvents {@code id}: unique, made when the event is made
 * @param type the CloudEvents {@code type}
 * @param subject the contact's id
 * @param time when the step happened
 * @param queues the queues the contact was in at the step: its queue, and for a transfer or an
 *     escalation the one it left as well; webhooks filter by queue on these
 * @param data the CloudEvents {@code data}
 */
public record WebhookEvent(String id, String type, String subject, Instant time, Set<String> queues, ObjectNode data) {
  /** The prefix of a contact step's type. */
  public static final String CONTACT_TYPE = "io.omniroute.contact.";
  /** The prefix of an ended offer's type. */
  public static final String OFFER_TYPE = "io.omniroute.offer.";
  /** Every type a webhook may ask for, in the order of a contact's life. */
  public static final List<String> TYPES = Stream.concat(
      Stream.of("received", "queued", "offered", "assigned", "transferred", "escalated", "completed", "abandoned")
          .map(step -> CONTACT_TYPE + step),
      Arrays.stream(OfferOutcome.values()).map(outcome -> OFFER_TYPE + outcome.wireName())).toList();

  public WebhookEvent {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(time, "time");
    queues = Set.copyOf(queues);
    Objects.requireNonNull(data, "data");
  }

  /** The type a contact event is published as, or {@code null} when it is not published. Cheap: no allocation. */
  public static String typeOf(ContactEvent event) {
    if (event instanceof ContactEvent.OfferEnded ended) {
      return TYPES.get(8 + ended.outcome().ordinal());
    }
    int step = event instanceof ContactEvent.Received ? 0
        : event instanceof ContactEvent.Queued ? 1
        : event instanceof ContactEvent.Offered ? 2
        : event instanceof ContactEvent.Assigned ? 3
        : event instanceof ContactEvent.Transferred ? 4
        : event instanceof ContactEvent.Escalated ? 5
        : event instanceof ContactEvent.Completed ? 6
        : event instanceof ContactEvent.Abandoned ? 7
        : -1;
    return step < 0 ? null : TYPES.get(step);
  }

  /** The queues the contact was in at this step (see {@link #queues()}). */
  public static Set<String> queuesOf(ContactEvent event) {
    String now = event.contact().route().queue();
    if (event instanceof ContactEvent.Transferred moved) {
      return Set.copyOf(List.of(moved.from().queue(), moved.to().queue(), now));
    }
    if (event instanceof ContactEvent.Escalated moved) {
      return Set.copyOf(List.of(moved.from().queue(), moved.to().queue(), now));
    }
    if (event instanceof ContactEvent.Offered offered) {
      return Set.copyOf(List.of(offered.offer().queue(), now));
    }
    if (event instanceof ContactEvent.OfferEnded ended) {
      return Set.copyOf(List.of(ended.offer().queue(), now));
    }
    return Set.of(now);
  }

  /**
   * The webhook event of a contact event of a published type ({@link #typeOf} not {@code null}),
   * with the given id.
   */
  public static WebhookEvent of(ContactEvent event, String id) {
    String type = typeOf(event);
    if (type == null) {
      throw new IllegalArgumentException(event.getClass().getSimpleName() + " is not published to webhooks");
    }
    ContactRecord contact = event.contact();
    ObjectNode data = JsonNodeFactory.instance.objectNode()
        .put("contactId", contact.id())
        .put("conversationId", contact.conversationId())
        .put("queue", contact.route().queue())
        .put("level", contact.route().level().name())
        .put("priority", contact.route().priority())
        .put("channel", contact.channel())
        .put("status", contact.status().name());
    if (event instanceof ContactEvent.Assigned assigned) {
      data.put("agent", assigned.agent()).put("waitedSeconds", Math.max(0, assigned.waited().toMillis()) / 1000.0);
    } else if (event instanceof ContactEvent.Transferred moved) {
      data.put("from", moved.from().queue()).put("to", moved.to().queue()).put("reason", moved.reason());
    } else if (event instanceof ContactEvent.Escalated moved) {
      data.put("from", moved.from().queue()).put("to", moved.to().queue());
    } else if (event instanceof ContactEvent.Offered offered) {
      offer(data, offered.offer());
    } else if (event instanceof ContactEvent.OfferEnded ended) {
      offer(data, ended.offer()).put("outcome", ended.outcome().wireName()).put("reason", ended.reason());
    }
    return new WebhookEvent(id, type, contact.id(), event.at(), queuesOf(event), data);
  }

  private static ObjectNode offer(ObjectNode data, Offer offer) {
    return data.put("queue", offer.queue()).put("channel", offer.channel())
        .put("offerId", offer.id()).put("agentId", offer.agentId())
        .put("offeredAt", offer.offeredAt().toString()).put("expiresAt", offer.expiresAt().toString());
  }
}
