package io.omniroute.engine.escalation;

import io.omniroute.engine.metrics.EngineMetrics;
import io.omniroute.engine.queue.ContactRecord;
import io.omniroute.engine.queue.QueueStore;
import io.omniroute.rules.model.Route;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves contacts that are still queued at their deadline one step up their ladder (DESIGN.md
 * section 2) with a higher priority and a fresh deadline of the same response target.
 *
 * <p>{@link #runOnce()} does one pass and is what tests drive with a controllable clock; the
 * engine calls it from a periodic timer. A pass never overlaps itself. Safe to run on several
 * nodes at once: the store escalates each due contact only once.
 */
public final class EscalationScheduler {
  /** Most contacts escalated in one pass; the next pass takes the rest. */
  public static final int BATCH = 500;
  private static final Logger LOG = LoggerFactory.getLogger(EscalationScheduler.class);

  private final QueueStore store;
  private final EngineMetrics metrics;
  private final Clock clock;
  private boolean running;

  public EscalationScheduler(QueueStore store, EngineMetrics metrics, Clock clock) {
    this.store = store;
    this.metrics = metrics;
    this.clock = clock;
  }

  /** Escalates every contact due now (up to {@link #BATCH}); answers how many escalated. */
  public synchronized Future<Integer> runOnce() {
    if (running) {
      return Future.succeededFuture(0);
    }
    running = true;
    Instant now = clock.instant();
    return store.dueForEscalation(now, BATCH)
        .compose(due -> escalateAll(due, now))
        .onComplete(done -> finished())
        .onFailure(e -> LOG.warn("escalation pass failed: {}", e.toString()));
  }

  private synchronized void finished() {
    running = false;
  }

  private Future<Integer> escalateAll(List<ContactRecord> due, Instant now) {
    List<Future<Boolean>> steps = new ArrayList<>(due.size());
    for (ContactRecord contact : due) {
      Route next = contact.route().escalated(contact.country());
      if (next == null) {
        continue;
      }
      Instant deadline = now.plus(contact.decision().responseTarget());
      steps.add(store.escalate(contact.id(), contact.route().queue(), next, deadline, now)
          .map(done -> {
            done.ifPresent(moved -> metrics.escalated(contact.route().level(), next.level()));
            return done.isPresent();
          }));
    }
    return Future.all(steps).map(all -> (int) steps.stream().filter(f -> f.result()).count());
  }
}
