package io.omniroute.engine.intake;

import io.omniroute.engine.metrics.EngineMetrics;
import io.omniroute.engine.queue.Accepted;
import io.omniroute.engine.queue.ContactPayload;
import io.omniroute.engine.queue.ContactRecord;
import io.omniroute.engine.queue.QueueStore;
import io.omniroute.rules.Decision;
import io.omniroute.rules.RuleSet;
import io.omniroute.rules.ServiceLevels;
import io.omniroute.rules.directory.ContactResolver;
import io.omniroute.rules.directory.Directory;
import io.omniroute.rules.model.Contact;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;

/**
 * Takes a validated contact request through resolution against the directory, the routing
 * decision and the store, atomically and idempotently.
 *
 * <p>Thread-safe and shared by all verticles. The decision runs on the calling thread: it takes a
 * few microseconds (see BENCHMARKS.md), so event loops may call {@link #submit}.
 */
public final class IntakeService {
  private final QueueStore store;
  private final RuleSet rules;
  private final Directory directory;
  private final ContactResolver resolver;
  private final ServiceLevels serviceLevels;
  private final EngineMetrics metrics;
  private final Clock clock;

  public IntakeService(
      QueueStore store,
      RuleSet rules,
      Directory directory,
      ServiceLevels serviceLevels,
      EngineMetrics metrics,
      Clock clock) {
    this.store = store;
    this.rules = rules;
    this.directory = directory;
    this.resolver = new ContactResolver(directory);
    this.serviceLevels = serviceLevels;
    this.metrics = metrics;
    this.clock = clock;
  }

  /**
   * Decides and stores a contact. With an idempotency key seen before, answers the first record
   * and stores nothing ({@link Accepted#created()} is false).
   */
  public Future<Accepted> submit(JsonObject body, String idempotencyKey) {
    Contact contact = resolver.resolve(ContactRequests.toContact(body));
    long start = System.nanoTime();
    Decision decision = rules.decide(contact, directory, serviceLevels);
    metrics.decisionTook(System.nanoTime() - start);
    if (decision.fallback()) {
      metrics.fallbackUsed(decision.stoppedAtFiringLimit());
    }
    Instant now = clock.instant();
    ContactRecord record =
        ContactRecord.queued(
            store.newContactId(idempotencyKey), now, ContactPayload.of(body), contact.getChannel().wireName(),
            contact.getCountry(), decision);
    return store.accept(record, idempotencyKey).onSuccess(accepted -> {
      if (accepted.created()) {
        metrics.contactReceived(record.channel(), decision.route().level());
      }
    });
  }
}
