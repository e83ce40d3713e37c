package io.omniroute.engine.stream;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.omniroute.engine.contact.ContactEvent;
import io.omniroute.engine.delivery.Offer;
import io.omniroute.engine.queue.ContactRecord;
import io.omniroute.rules.model.Route;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Which stream events a contact's step makes, and their data. Stateless.
 *
 * <table>
 *   <caption>Stream events of the contact lifecycle</caption>
 *   <tr><th>contact event</th><th>agent stream</th><th>queue stream</th></tr>
 *   <tr><td>Queued</td><td></td><td>{@code contact.queued} in its queue</td></tr>
 *   <tr><td>Offered</td><td>{@code offer.offered} to the offer's agent</td><td>{@code offer.offered} in the offer's queue</td></tr>
 *   <tr><td>OfferEnded</td><td>{@code offer.accepted}, {@code offer.rejected}, {@code offer.timedout},
 *       {@code offer.withdrawn}</td><td>the same, in the offer's queue</td></tr>
 *   <tr><td>Assigned</td><td>{@code contact.assigned} to the agent</td><td>{@code contact.assigned} in its queue</td></tr>
 *   <tr><td>Escalated, Transferred, Raised</td><td></td><td>{@code contact.escalated}, {@code
 *       contact.transferred}, {@code contact.raised} in the queue it left and the queue it entered</td></tr>
 *   <tr><td>Completed, Abandoned</td><td></td><td>{@code contact.completed}, {@code contact.abandoned} in its queue</td></tr>
 * </table>
 *
 * Received, Routed, Joined and Erased make none. The data is written field by field with Jackson's
 * streaming generator, on the appender's thread.
 */
public final class ContactStreamEvents {
  private static final JsonFactory JSON = new JsonFactory();

  private ContactStreamEvents() {}

  /** One event to append: its stream, type and data. */
  public record Draft(String stream, String type, String data) {}

  /** Whether {@code event} makes any stream event: cheap enough for the intake thread. */
  public static boolean streamed(ContactEvent event) {
    return !(event instanceof ContactEvent.Received || event instanceof ContactEvent.Routed
        || event instanceof ContactEvent.Joined || event instanceof ContactEvent.Erased);
  }

  /** The stream events of {@code event}, in the order to append them. */
  public static List<Draft> of(ContactEvent event) {
    List<Draft> drafts = new ArrayList<>(2);
    if (event instanceof ContactEvent.Queued queued) {
      inQueue(drafts, "contact.queued", queued.contact(), json -> contact(json, queued.contact(), queued.at()));
    } else if (event instanceof ContactEvent.Offered offered) {
      String data = write(json -> offer(json, offered.offer(), offered.contact(), offered.at()));
      drafts.add(new Draft(StreamNames.agent(offered.offer().agentId()), "offer.offered", data));
      drafts.add(new Draft(StreamNames.queue(offered.offer().queue()), "offer.offered", data));
    } else if (event instanceof ContactEvent.OfferEnded ended) {
      String data = write(json -> {
        offer(json, ended.offer(), ended.contact(), ended.at());
        json.writeStringField("outcome", ended.outcome().wireName());
        if (ended.reason() != null) {
          json.writeStringField("reason", ended.reason());
        }
      });
      String type = "offer." + ended.outcome().wireName();
      drafts.add(new Draft(StreamNames.agent(ended.offer().agentId()), type, data));
      drafts.add(new Draft(StreamNames.queue(ended.offer().queue()), type, data));
    } else if (event instanceof ContactEvent.Assigned assigned) {
      String data = write(json -> {
        contact(json, assigned.contact(), assigned.at());
        json.writeStringField("agent", assigned.agent());
        json.writeNumberField("waitedSeconds", assigned.waited().toSeconds());
      });
      drafts.add(new Draft(StreamNames.agent(assigned.agent()), "contact.assigned", data));
      drafts.add(new Draft(StreamNames.queue(assigned.contact().route().queue()), "contact.assigned", data));
    } else if (event instanceof ContactEvent.Escalated escalated) {
      moved(drafts, "contact.escalated", escalated.contact(), escalated.from(), escalated.to(), null, escalated.at());
    } else if (event instanceof ContactEvent.Transferred transferred) {
      moved(drafts, "contact.transferred", transferred.contact(), transferred.from(), transferred.to(),
          transferred.reason(), transferred.at());
    } else if (event instanceof ContactEvent.Raised raised) {
      moved(drafts, "contact.raised", raised.contact(), raised.from(), raised.to(), null, raised.at());
    } else if (event instanceof ContactEvent.Completed completed) {
      inQueue(drafts, "contact.completed", completed.contact(), json -> contact(json, completed.contact(), completed.at()));
    } else if (event instanceof ContactEvent.Abandoned abandoned) {
      inQueue(drafts, "contact.abandoned", abandoned.contact(), json -> contact(json, abandoned.contact(), abandoned.at()));
    }
    return drafts;
  }

  private static void inQueue(List<Draft> drafts, String type, ContactRecord contact, Fields fields) {
    drafts.add(new Draft(StreamNames.queue(contact.route().queue()), type, write(fields)));
  }

  private static void moved(
      List<Draft> drafts, String type, ContactRecord contact, Route from, Route to, String reason, Instant at) {
    String data = write(json -> {
      contact(json, contact, at);
      json.writeStringField("from", from.queue());
      json.writeStringField("to", to.queue());
      if (reason != null) {
        json.writeStringField("reason", reason);
      }
    });
    drafts.add(new Draft(StreamNames.queue(from.queue()), type, data));
    if (!from.queue().equals(to.queue())) {
      drafts.add(new Draft(StreamNames.queue(to.queue()), type, data));
    }
  }

  /** What every contact event says about the contact: which, where, how urgent, its status. */
  private static void contact(JsonGenerator json, ContactRecord contact, Instant at) throws IOException {
    json.writeStringField("contactId", contact.id());
    json.writeStringField("conversationId", contact.conversationId());
    json.writeStringField("queue", contact.route().queue());
    if (contact.route().level() != null) {
      json.writeStringField("level", contact.route().level().name());
    }
    json.writeStringField("channel", contact.channel());
    json.writeNumberField("priority", contact.route().priority());
    json.writeStringField("urgency", contact.decision().classification().urgency().name());
    json.writeStringField("status", contact.status().name());
    json.writeStringField("at", at.toString());
  }

  /** What every offer event says: the offer, its contact, and when. */
  private static void offer(JsonGenerator json, Offer offer, ContactRecord contact, Instant at) throws IOException {
    json.writeStringField("offerId", offer.id());
    json.writeStringField("contactId", offer.contactId());
    json.writeStringField("conversationId", offer.conversationId());
    json.writeStringField("queue", offer.queue());
    json.writeStringField("channel", offer.channel());
    json.writeStringField("agentId", offer.agentId());
    json.writeNumberField("priority", contact.route().priority());
    json.writeStringField("urgency", contact.decision().classification().urgency().name());
    json.writeStringField("offeredAt", offer.offeredAt().toString());
    json.writeStringField("expiresAt", offer.expiresAt().toString());
    json.writeStringField("at", at.toString());
  }

  /** One JSON object of the fields {@code fields} writes, on one line. */
  private static String write(Fields fields) {
    StringWriter text = new StringWriter(320);
    try (JsonGenerator json = JSON.createGenerator(text)) {
      json.writeStartObject();
      fields.write(json);
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }

  /** Writes fields of an object. */
  @FunctionalInterface
  private interface Fields {
    void write(JsonGenerator json) throws IOException;
  }
}
