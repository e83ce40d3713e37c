package io.omniroute.engine.metrics;

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
    } else if (event instanceof ContactEvent.Completed) {
      metrics.finished("completed");
    } else if (event instanceof ContactEvent.Abandoned) {
      metrics.finished("abandoned");
    }
  }
}
