package io.omniroute.engine.escalation;

import io.omniroute.engine.contact.ContactService;
import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the escalation passes of {@link ContactService#escalateDue}: contacts still queued at their
 * deadline move one step up their ladder (DESIGN.md section 2) with a higher priority and a fresh
 * deadline of the same response target.
 *
 * <p>{@link #runOnce()} does one pass and is what tests drive with a controllable clock; the
 * engine calls it from a periodic timer. A pass never overlaps itself. Safe to run on several
 * nodes at once: the store escalates each due contact only once.
 */
public final class EscalationScheduler {
  /** Most contacts escalated in one pass; the next pass takes the rest. */
  public static final int BATCH = 500;
  private static final Logger LOG = LoggerFactory.getLogger(EscalationScheduler.class);

  private final ContactService contacts;
  private boolean running;

  public EscalationScheduler(ContactService contacts) {
    this.contacts = contacts;
  }

  /** Escalates every contact due now (up to {@link #BATCH}); answers how many escalated. */
  public synchronized Future<Integer> runOnce() {
    if (running) {
      return Future.succeededFuture(0);
    }
    running = true;
    return contacts.escalateDue(BATCH)
        .onComplete(done -> finished())
        .onFailure(e -> LOG.warn("escalation pass failed: {}", e.toString()));
  }

  private synchronized void finished() {
    running = false;
  }
}
