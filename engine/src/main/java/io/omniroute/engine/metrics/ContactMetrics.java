package io.omniroute.engine.metrics;

import io.omniroute.engine.queue.ContactRecord;
import java.util.Optional;
import java.time.Instant;
import java.time.Duration;
import io.omniroute.engine.contact.ContactEvent;
import io.omniroute.engine.contact.ContactEvents;
import io.omniroute.engine.queue.ContactCustomer;
import io.omniroute.engine.queue.HistoryEvent;
import java.util.function.Consumer;

/**
 * Records the business meters of {@link EngineMetrics} from the contact lifecycle's events: one
 * subscriber instead of calls spread over intake, handlers and timers. Subscribe it once per
 * engine with {@link #subscribeTo}. Thread-safe, as {@link EngineMetrics} is.
 */
public final class ContactMetrics implements Consumer<ContactEvent> {
  private final EngineMetrics metrics;

  private ContactMetrics(EngineMetrics metrics) {
    this.metrics = metrics;
  }

  /** Records every event published from now on into {@code metrics}. */
  public static void subscribeTo(ContactEvents events, EngineMetrics metrics) {
    events.subscribe(new ContactMetrics(metrics));
  }

  /** When the contact was last assigned, as its history says. */
  private static Optional<Instant> assignedAt(ContactRecord contact) {
    for (int i = contact.history().size() - 1; i >= 0; i--) {
      if (HistoryEvent.ASSIGNED.equals(contact.history().get(i).type())) {
        return Optional.of(contact.history().get(i).at());
      }
    }
    return Optional.empty();
  }

  @Override
  public void accept(ContactEvent event) {
    if (event instanceof ContactEvent.Routed routed) {
      metrics.decisionTook(routed.decisionNanos());
      if (routed.decision().fallback()) {
        metrics.fallbackUsed(routed.decision().stoppedAtFiringLimit());
      }
      ContactCustomer customer = routed.contact().customer();
      metrics.contactReceived(routed.contact().channel(), routed.contact().route().level(),
          customer.identification().name(), customer.relationship().wireName());
    } else if (event instanceof ContactEvent.Queued queued && queued.contact().history().stream()
        .anyMatch(step -> HistoryEvent.REOPENED.equals(step.type()))) {
      metrics.followUp("reopened");
    } else if (event instanceof ContactEvent.Joined) {
      metrics.followUp("joined");
    } else if (event instanceof ContactEvent.Raised) {
      metrics.followUp("raised");
    } else if (event instanceof ContactEvent.Transferred transferred) {
      metrics.transferred(transferred.from().level(), transferred.to().level());
    } else if (event instanceof ContactEvent.Assigned assigned) {
      metrics.claimed(assigned.contact().route().level(), assigned.waited());
    } else if (event instanceof ContactEvent.Escalated escalated) {
      metrics.escalated(escalated.from().level(), escalated.to().level());
    } else if (event instanceof ContactEvent.Offered offered) {
      boolean first = offered.contact().history().stream().filter(step -> HistoryEvent.OFFERED.equals(step.type())).count() == 1;
      metrics.offered(offered.offer().channel(),
          first ? Duration.between(offered.contact().receivedAt(), offered.at()) : null);
    } else if (event instanceof ContactEvent.OfferEnded ended) {
      metrics.offerEnded(ended.offer().channel(), ended.outcome().wireName(),
          Duration.between(ended.offer().offeredAt(), ended.at()));
    } else if (event instanceof ContactEvent.Completed completed) {
      metrics.finished("completed");
      assignedAt(completed.contact()).ifPresent(since ->
          metrics.handled(completed.contact().channel(), Duration.between(since, completed.at())));
    } else if (event instanceof ContactEvent.Abandoned) {
      metrics.finished("abandoned");
    }
  }
}
