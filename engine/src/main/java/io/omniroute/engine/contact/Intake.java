package io.omniroute.engine.contact;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.omniroute.engine.queue.Accepted;
import io.omniroute.engine.queue.ContactCustomer;
import io.omniroute.engine.queue.ContactPayload;
import io.omniroute.engine.queue.ContactRecord;
import io.omniroute.engine.queue.ContactStatus;
import io.omniroute.engine.queue.ConversationChangedException;
import io.omniroute.engine.queue.ConversationState;
import io.omniroute.engine.queue.Message;
import io.omniroute.engine.queue.QueueStore;
import io.omniroute.engine.queue.ThreadKey;
import io.omniroute.engine.queue.Threading;
import io.omniroute.engine.rules.RecentContacts;
import io.omniroute.rules.Decision;
import io.omniroute.rules.RuleBook;
import io.omniroute.rules.ServiceLevels;
import io.omniroute.rules.directory.ContactResolver;
import io.omniroute.rules.directory.Directory;
import io.omniroute.rules.model.Contact;
import io.omniroute.rules.model.Route;
import io.omniroute.rules.model.Urgency;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The first step of a contact's life: takes a validated contact request through the sender's
 * identification ({@link SenderIdentification}: the customer profile it comes from) and the
 * conversation it follows up, resolution against the directory, the routing decision and the
 * store, atomically and idempotently, and publishes {@link ContactEvent.Received}, {@link
 * ContactEvent.Routed} and then {@link ContactEvent.Queued} for a contact that waits, or {@link
 * ContactEvent.Joined} (and {@link ContactEvent.Raised}) for a follow-up that joined its open
 * conversation.
 *
 * <p>Thread-safe and shared by all verticles. The decision runs on the calling thread, with the
 * rule book in force when it starts: it takes a few microseconds (see BENCHMARKS.md), so event
 * loops may call {@link #submit}. Accepted contacts are remembered in {@link RecentContacts} for
 * simulations.
 */
final class Intake {
  private static final ObjectMapper PAYLOADS = new ObjectMapper();
  /** How often intake plans again when the conversation changed while it planned. */
  private static final int PLAN_ATTEMPTS = 3;
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
   * <p>The sender's identification and the read of the conversation the request follows up run
   * at once; the contact is then stored with its conversation in one step: it opens a new one,
   * joins the open one it follows up ({@code JOINED}, raising it when more urgent), or reopens the
   * closed one with a fresh decision that sees where it was last answered.
   *
   * @param caller who sends the contact (the token's name)
   * @param idempotencyKey the {@code Idempotency-Key} header, or {@code null}
   */
  Future<Accepted> submit(JsonNode body, String caller, String idempotencyKey) {
    Contact raw = ContactRequests.toContact(body);
    FollowUp followUp = FollowUp.of(body);
    Future<Optional<SenderIdentification.Sender>> sender = senders.identify(raw);
    Future<FollowUp.Candidates> candidates = followUp.read(store);
    String storageKey = idempotencyKey == null ? null : scopedKey(caller, idempotencyKey);
    return Future.all(sender, candidates).compose(both -> decideAndStore(
        new Request(body, raw, sender.result().orElse(null), followUp, storageKey), candidates.result(), 1));
  }

  /** One contact request with what intake learnt about its sender. */
  private record Request(
      JsonNode body, Contact raw, SenderIdentification.Sender sender, FollowUp followUp, String storageKey) {
    String customerId() {
      return sender == null ? null : sender.customerId();
    }
  }

  private Future<Accepted> decideAndStore(Request request, FollowUp.Candidates candidates, int attempt) {
    Contact raw = request.raw();
    String channel = raw.getChannel().wireName();
    Optional<ConversationState> conversation;
    try {
      conversation = request.followUp().pick(candidates, request.customerId(), channel);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
    Contact contact = withConversation(
        resolver.resolve(request.sender() == null ? raw : withSender(raw, request.sender())), conversation);
    long start = System.nanoTime();
    Decision decision = rules.get().decide(contact, directory, serviceLevels);
    long decisionNanos = System.nanoTime() - start;
    Instant now = clock.instant();
    SenderIdentification.Sender sender = request.sender();
    ContactCustomer customer = sender == null
        ? ContactCustomer.unidentified(raw.getDealerId())
        : new ContactCustomer(sender.customerId(), sender.relationship(), sender.ownerDealerId());
    String id = store.newContactId(request.followUp().anchor(conversation, request.storageKey()));
    Message message = Message.inbound(id, now, channel, raw.getSubject(), raw.getText());
    ThreadKey thread = request.followUp().scoped(request.customerId(), channel);
    ContactPayload payload = ContactPayload.of(request.body());
    Plan plan = conversation.map(found -> found.isOpen()
            ? join(found, id, now, payload, channel, contact, decision, customer, thread, message)
            : reopen(found, id, now, payload, channel, contact, decision, customer, thread, message))
        .orElseGet(() -> new Plan(
            ContactRecord.queued(id, now, payload, channel, contact.getCountry(), decision, customer, null, null),
            new Threading.Start(thread, message)));
    return store.accept(plan.record(), request.storageKey(), plan.threading())
        .compose(accepted -> {
          if (accepted.created()) {
            recent.add(plan.record().id(), contact);
            publish(accepted, plan.threading(), decision, decisionNanos, now);
            return Future.succeededFuture(accepted);
          }
          if (!sameBody(accepted.record().request(), request.body())) {
            return Future.failedFuture(new IdempotencyKeyReusedException(accepted.record().id()));
          }
          return withCarrier(accepted);
        })
        .recover(failure -> failure instanceof ConversationChangedException && attempt < PLAN_ATTEMPTS
            ? request.followUp().read(store).compose(again -> decideAndStore(request, again, attempt + 1))
            : Future.failedFuture(failure));
  }

  /** The contact as the rules see it when it reopens a closed conversation: with where that was last answered. */
  private static Contact withConversation(Contact contact, Optional<ConversationState> conversation) {
    if (conversation.isEmpty() || conversation.get().isOpen()) {
      return contact;
    }
    ConversationState closed = conversation.get();
    return contact.toBuilder().previousQueue(closed.queue()).previousAgent(closed.agent()).build();
  }

  /** A contact and how it belongs to its conversation. */
  private record Plan(ContactRecord record, Threading threading) {}

  private static Plan join(
      ConversationState open, String id, Instant now, ContactPayload payload, String channel, Contact contact,
      Decision decision, ContactCustomer customer, ThreadKey thread, Message message) {
    ContactRecord carrier = open.open();
    Threading.Reroute reroute = null;
    Urgency urgency = decision.classification().urgency();
    if (urgency.compareTo(open.urgency()) > 0 && carrier.status() == ContactStatus.QUEUED) {
      reroute = new Threading.Reroute(decision.route(), now.plus(decision.responseTarget()),
          "to " + urgency + " by follow-up " + id + ": from " + carrier.route().queue() + " to " + decision.route().queue());
    }
    Route route = reroute == null ? carrier.route() : reroute.to();
    String where = carrier.status() == ContactStatus.ASSIGNED
        ? "assigned to " + carrier.agent() + " in " + route.queue()
        : "waiting in " + route.queue();
    ContactRecord record = ContactRecord.joined(
        id, now, payload, channel, contact.getCountry(), decision, customer, open.id(), route, where);
    return new Plan(record, new Threading.Join(open, reroute, thread, message));
  }

  private static Plan reopen(
      ConversationState closed, String id, Instant now, ContactPayload payload, String channel, Contact contact,
      Decision decision, ContactCustomer customer, ThreadKey thread, Message message) {
    String reopened = "conversation " + closed.id() + ", last answered in " + closed.queue()
        + (closed.agent() == null ? "" : " by " + closed.agent());
    ContactRecord record = ContactRecord.queued(
        id, now, payload, channel, contact.getCountry(), decision, customer, closed.id(), reopened);
    return new Plan(record, new Threading.Reopen(closed, thread, message));
  }

  private void publish(Accepted accepted, Threading threading, Decision decision, long decisionNanos, Instant now) {
    ContactRecord record = accepted.record();
    events.publish(new ContactEvent.Received(record, now));
    events.publish(new ContactEvent.Routed(record, decision, decisionNanos, now));
    if (threading instanceof Threading.Join join) {
      events.publish(new ContactEvent.Joined(record, accepted.carrier(), now));
      if (join.reroute() != null) {
        events.publish(new ContactEvent.Raised(accepted.carrier(), join.conversation().open().route(), join.reroute().to(), now));
      }
    } else {
      events.publish(new ContactEvent.Queued(record, now));
    }
  }

  /** A repeated request's answer with the contact that carries its conversation now. */
  private Future<Accepted> withCarrier(Accepted repeated) {
    if (repeated.carrier() != null) {
      return Future.succeededFuture(repeated);
    }
    return store.conversationState(repeated.record().conversationId())
        .map(state -> new Accepted(repeated.record(), false, state.map(ConversationState::open).orElse(null)));
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
