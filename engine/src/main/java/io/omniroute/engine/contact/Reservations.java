package io.omniroute.engine.contact;

import io.omniroute.engine.queue.ContactRecord;
import io.vertx.core.Future;

/**
 * What the contact lifecycle asks of the offer engine: to end the open offer of an {@code OFFERED}
 * contact before the contact escalates, moves or ends, so the agent is told and the contact is
 * queued again. Implementations are thread-safe and do not block.
 */
public interface Reservations {
  /** For an engine without offers: nothing is ever reserved. */
  Reservations NONE = (offered, why) -> Future.succeededFuture(offered);

  /**
   * Withdraws the open offer of {@code offered} ({@code why} says why, for its history) and answers
   * the contact as it is then: queued again, or as another step left it meanwhile.
   */
  Future<ContactRecord> release(ContactRecord offered, String why);
}
