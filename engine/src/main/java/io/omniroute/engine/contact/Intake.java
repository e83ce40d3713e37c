package io.omniroute.engine.contact;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omniroute.engine.queue.Accepted;
import io.omniroute.engine.queue.ContactCustomer;
import io.omniroute.engine.queue.ContactPayload;
import io.omniroute.engine.queue.ContactRecord;
import io.omniroute.engine.queue.QueueStore;
import io.omniroute.engine.rules.RecentContacts;
import io.omniroute.rules.Decision;
import io.omniroute.rules.RuleBook;
import io.omniroute.rules.ServiceLevels;
import io.omniroute.rules.directory.ContactResolver;
import io.omniroute.rules.directory.Directory;
import io.omniroute.rules.model.Contact;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * The first step of a contact's life: takes a validated contact request through the sender's
 * identification ({@link SenderIdentification}: the customer profile it comes from), resolution
 * against the directory, the routing decision and the store, atomically and idempotently, and publishes
 * {@link ContactEvent.Received}, {@link ContactEvent.Routed} and {@link ContactEvent.Queued} for a
 * new contact.
 *
 * <p>Thread-safe and shared by all verticles. The decision runs on the calling thread, with the
 * rule book in force when it starts: it takes a few microseconds (see BENCHMARKS.md), so event
 * loops may call {@link #submit}. Accepted contacts are remembered in {@link RecentContacts} for
 * simulations.
 */
final class Intake {
  private static final ObjectMapper PAYLOADS = new ObjectMapper();
  private final QueueStore store;
  private final Supplier<RuleBook> rules;
  private final RecentContacts recent;
  private final Directory directory;
  private final ContactResolver resolver;
  private final ServiceLevels serviceLevels;
  private final ContactEvents events;
  private final SenderIdentification senders;
  private final Clock clock;

  Intake(
      QueueStore store,
      Supplier<RuleBook> rules,
      RecentContacts recent,
      Directory directory,
      ServiceLevels serviceLevels,
      ContactEvents events,
      SenderIdentification senders,
      Clock clock) {
    this.store = store;
    this.rules = rules;
    this.recent = recent;
    this.directory = directory;
    this.resolver = new ContactResolver(directory);
    this.serviceLevels = serviceLevels;
    this.events = events;
    this.senders = senders;
    this.clock = clock;
  }

  /**
   * Decides and stores a contact. An idempotency key belongs to its caller: with a key this caller
   * used before for the same body, answers the first record and stores nothing ({@link
   * Accepted#created()} is false); with the same key and another body, fails with {@link
   * IdempotencyKeyReusedException}. Another caller's use of the same key is unrelated.
   *
   * @param caller who sends the contact (the token's name)
   * @param idempotencyKey the {@code Idempotency-Key} header, or {@code null}
   */
  Future<Accepted> submit(JsonNode body, String caller, String idempotencyKey) {
    Contact raw = ContactRequests.toContact(body);
    return senders.identify(raw).compose(sender -> decideAndStore(body, raw, sender.orElse(null), caller, idempotencyKey));
  }

  private Future<Accepted> decideAndStore(
      JsonNode body, Contact raw, SenderIdentification.Sender sender, String caller, String idempotencyKey) {
    String storageKey = idempotencyKey == null ? null : scopedKey(caller, idempotencyKey);
    Contact contact = resolver.resolve(sender == null ? raw : withSender(raw, sender));
    long start = System.nanoTime();
    Decision decision = rules.get().decide(contact, directory, serviceLevels);
    long decisionNanos = System.nanoTime() - start;
    Instant now = clock.instant();
    ContactCustomer customer = sender == null
        ? ContactCustomer.unidentified(raw.getDealerId())
        : new ContactCustomer(sender.customerId(), sender.relationship(), sender.ownerDealerId());
    ContactRecord record =
        ContactRecord.queued(
            store.newContactId(storageKey), now, ContactPayload.of(body), contact.getChannel().wireName(),
            contact.getCountry(), decision, customer);
    return store.accept(record, storageKey).compose(accepted -> {
      if (accepted.created()) {
        recent.add(record.id(), contact);
        events.publish(new ContactEvent.Received(record, now));
        events.publish(new ContactEvent.Routed(record, decision, decisionNanos, now));
        events.publish(new ContactEvent.Queued(record, now));
      } else if (!sameBody(accepted.record().request(), body)) {
        return Future.failedFuture(new IdempotencyKeyReusedException(accepted.record().id()));
      }
      return Future.succeededFuture(accepted);
    });
  }

  /** The contact as the rules see it with its sender's profile: the contact's own country and language first. */
  private static Contact withSender(Contact raw, SenderIdentification.Sender sender) {
    return raw.toBuilder()
        .customerId(sender.customerId())
        .ownerDealerId(sender.ownerDealerId())
        .relationship(sender.relationship())
        .segment(sender.segment())
        .country(raw.getCountry() != null ? raw.getCountry() : sender.country())
        .language(raw.getLanguage() != null ? raw.getLanguage() : sender.language())
        .build();
  }

  /**
   * The key under which the store remembers {@code key} of {@code caller}: the caller's name and
   * the key, joined so that no two pairs give the same text.
   */
  static String scopedKey(String caller, String key) {
    return caller.length() + ":" + caller + ":" + key;
  }

  /** Whether a repeated request carries the body of the first, key order aside. */
  private static boolean sameBody(ContactPayload first, JsonNode body) {
    try {
      return PAYLOADS.readTree(first.json()).equals(PAYLOADS.readTree(ContactPayload.of(body).json()));
    } catch (JsonProcessingException e) {
      return false;
    }
  }
}
