package io.omniroute.engine.support;

import io.omniroute.engine.Engine;
import io.omniroute.engine.contact.ContactEvent;
import io.omniroute.engine.delivery.Offer;
import io.omniroute.engine.delivery.OfferOutcome;
import io.omniroute.engine.queue.ContactRecord;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the event stream tests share: the Munich dealer's agent and a contact for its queue, and
 * offers published as the offer engine publishes them ({@link ContactEvent.Offered}, {@link
 * ContactEvent.OfferEnded}). Stateless apart from the offer numbers.
 */
public final class StreamFixtures {
  /** Sepp, who serves the Munich dealer's queue. */
  public static final String SEPP = """
      {"name": "Sepp Huber", "queues": ["dealer:DE-MUC-001"], "capacity": {"voice": 1, "chat": 3, "email": 10}}""";
  /** Bert, who serves the Berlin dealer's queue. */
  public static final String BERT = """
      {"name": "Bert Berliner", "queues": ["dealer:DE-BER-001"], "capacity": {"chat": 2}}""";
  /** An email about a car for the Munich dealer: it waits in {@code dealer:DE-MUC-001}. */
  public static final String MUNICH_MAIL = "{\"channel\":\"email\",\"from\":{\"email\":\"anna@example.com\"},"
      + "\"dealerId\":\"DE-MUC-001\",\"references\":{\"vin\":\"WNW12345678901234\"},\"text\":\"Wann ist mein Auto fertig?\"}";
  private static final AtomicInteger OFFERS = new AtomicInteger();

  private StreamFixtures() {}

  /** The stored contact {@code id}. */
  public static ContactRecord contact(RunningEngine engine, String id) {
    try {
      return engine.engine().store().find(id).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS)
          .orElseThrow();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Publishes an offer of {@code contact} to {@code agent} on {@code engine}, open for 20 s. */
  public static Offer offer(Engine engine, ContactRecord contact, String agent) {
    Instant now = Instant.now();
    Offer offer = new Offer("offer-" + OFFERS.incrementAndGet(), contact.id(), contact.conversationId(),
        contact.route().queue(), contact.channel(), agent, now, now.plusSeconds(20));
    engine.events().publish(new ContactEvent.Offered(contact, offer, now));
    return offer;
  }

  /** Publishes that {@code offer} ended with {@code outcome}. */
  public static void end(Engine engine, ContactRecord contact, Offer offer, OfferOutcome outcome, String reason) {
    engine.events().publish(new ContactEvent.OfferEnded(contact, offer, outcome, reason, Instant.now()));
  }

  /** Orders event ids ({@code <milliseconds>-<sequence>}) as streams do. */
  public static int byId(String a, String b) {
    String[] x = a.split("-");
    String[] y = b.split("-");
    int byTime = Long.compare(Long.parseLong(x[0]), Long.parseLong(y[0]));
    return byTime != 0 ? byTime : Long.compare(Long.parseLong(x[1]), Long.parseLong(y[1]));
  }
}
