package io.omniroute.engine.queue;

import static io.omniroute.engine.queue.QueueStoreContract.at;
import static io.omniroute.engine.queue.QueueStoreContract.await;
import static io.omniroute.engine.queue.QueueStoreContract.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.omniroute.rules.Decision;
import io.omniroute.rules.model.Classification;
import io.omniroute.rules.model.Knowledge;
import io.omniroute.rules.model.Relationship;
import io.omniroute.rules.model.Route;
import io.omniroute.rules.model.Urgency;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The behaviour every {@link QueueStore} must show for conversations, driven only through the
 * interface: a contact opens its conversation, a follow-up joins it without a second queue entry
 * (and raises it when more urgent), a closed conversation reopens, thread keys lead to their
 * conversation in their scope, transfers move contacts, and erasure reaches the messages. Contact
 * ids come from {@link QueueStore#newContactId}, so a partitioned store keeps a follow-up with its
 * conversation. Times are fixed instants.
 */
@Timeout(60)
public abstract class ConversationStoreContract {
  private static final String COUNTRY_QUEUE = "country:DE";
  private static final Route COUNTRY = Route.country("DE", 20);
  private static final Route CENTRAL = Route.central(90);
  private static final String CUSTOMER = "C-1001";

  protected QueueStore store;

  /** A new, empty store; closed by the contract after the test. */
  protected abstract QueueStore newStore();

  @BeforeEach
  void openStore() {
    store = newStore();
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  @Test
  void aNewContactOpensAConversationNamedAfterIt() {
    ContactRecord first = start(null, "email", "My car makes a noise", at(0));

    ConversationState state = await(store.conversationState(first.id())).orElseThrow();
    assertThat(first.conversationId()).isEqualTo(first.id());
    assertThat(state.isOpen()).isTrue();
    assertThat(state.customerId()).isEqualTo(CUSTOMER);
    assertThat(state.urgency()).isEqualTo(Urgency.NORMAL);
    assertThat(state.queue()).isEqualTo(COUNTRY_QUEUE);
    ConversationRecord conversation = await(store.conversation(first.id())).orElseThrow();
    assertThat(conversation.messages()).extracting(Message::text).containsExactly("My car makes a noise");
    assertThat(conversation.contacts()).extracting(ContactRecord::id).containsExactly(first.id());
    assertThat(await(store.conversation("no-such-conversation"))).isEmpty();
    assertThat(await(store.conversationState("no-such-conversation"))).isEmpty();
  }

  @Test
  void aFollowUpJoinsTheOpenConversationWithoutASecondQueueEntry() {
    ContactRecord first = start(null, "email", "My car makes a noise", at(0));
    ConversationState state = await(store.conversationState(first.id())).orElseThrow();

    Accepted joined = join(state, null, "voice", "I am calling about my email", at(60), Urgency.NORMAL, null);

    assertThat(joined.record().status()).isEqualTo(ContactStatus.JOINED);
    assertThat(joined.carrier().id()).isEqualTo(first.id());
    assertThat(await(store.waiting(COUNTRY_QUEUE, 10))).extracting(ContactRecord::id).containsExactly(first.id());
    ConversationRecord conversation = await(store.conversation(first.id())).orElseThrow();
    assertThat(conversation.messages()).extracting(Message::channel).containsExactly("email", "voice");
    assertThat(conversation.messages()).extracting(Message::contactId).containsExactly(first.id(), joined.record().id());
    assertThat(conversation.state().version()).isGreaterThan(state.version());
    assertThat(await(store.find(joined.record().id())).orElseThrow().conversationId()).isEqualTo(first.id());
  }

  @Test
  void aRetriedFollowUpAddsNoSecondMessage() {
    ContactRecord first = start(null, "email", "My car makes a noise", at(0));
    ConversationState state = await(store.conversationState(first.id())).orElseThrow();
    Accepted once = join(state, null, "chat", "any news?", at(60), Urgency.NORMAL, "retry-key");
    ConversationState after = await(store.conversationState(first.id())).orElseThrow();

    Accepted again = join(after, null, "chat", "any news?", at(61), Urgency.NORMAL, "retry-key");

    assertThat(again.created()).isFalse();
    assertThat(again.record().id()).isEqualTo(once.record().id());
    assertThat(await(store.conversation(first.id())).orElseThrow().messages()).hasSize(2);
  }

  @Test
  void aJoinPlannedOnAnOutdatedConversationFails() {
    ContactRecord first = start(null, "email", "My car makes a noise", at(0));
    ConversationState state = await(store.conversationState(first.id())).orElseThrow();
    await(store.claim(COUNTRY_QUEUE, "agent-7", at(30)));

    Throwable failure = failureOf(store.accept(
        followUp(state.id(), "chat", "hello?", at(60), Urgency.NORMAL), null, joinOf(state, null, "chat", "hello?", at(60))));

    assertThat(failure).isInstanceOf(ConversationChangedException.class);
    assertThat(await(store.conversation(first.id())).orElseThrow().messages()).hasSize(1);
  }

  @Test
  void aMoreUrgentFollowUpMovesTheWaitingContact() {
    ContactRecord first = start(null, "email", "My car makes a noise", at(0));
    ConversationState state = await(store.conversationState(first.id())).orElseThrow();
    Threading.Reroute reroute = new Threading.Reroute(CENTRAL, at(65), "to CRITICAL by a follow-up: from country:DE to central");

    Accepted joined = join(state, reroute, "voice", "I had an accident", at(60), Urgency.CRITICAL, null);

    assertThat(joined.carrier().route()).isEqualTo(CENTRAL);
    assertThat(await(store.waiting("central", 10))).extracting(ContactRecord::id).containsExactly(first.id());
    assertThat(await(store.waiting(COUNTRY_QUEUE, 10))).isEmpty();
    ContactRecord raised = await(store.find(first.id())).orElseThrow();
    assertThat(raised.history().get(raised.history().size() - 1).type()).isEqualTo(HistoryEvent.RAISED);
    assertThat(raised.deadline()).isEqualTo(at(65));
    ConversationState after = await(store.conversationState(first.id())).orElseThrow();
    assertThat(after.urgency()).isEqualTo(Urgency.CRITICAL);
    assertThat(after.queue()).isEqualTo("central");
  }

  @Test
  void aClosedConversationReopensWithItsLastQueueAndAgentKnown() {
    ContactRecord first = start(null, "email", "My car makes a noise", at(0));
    await(store.claim(COUNTRY_QUEUE, "agent-7", at(30)));
    await(store.complete(first.id(), at(40)));
    ConversationState closed = await(store.conversationState(first.id())).orElseThrow();
    assertThat(closed.isOpen()).isFalse();
    assertThat(closed.lastQueue()).isEqualTo(COUNTRY_QUEUE);
    assertThat(closed.lastAgent()).isEqualTo("agent-7");

    ContactRecord again = reopen(closed, "chat", "The noise is back", at(100));

    ConversationState reopened = await(store.conversationState(first.id())).orElseThrow();
    assertThat(reopened.isOpen()).isTrue();
    assertThat(reopened.open().id()).isEqualTo(again.id());
    assertThat(await(store.waiting(COUNTRY_QUEUE, 10))).extracting(ContactRecord::id).containsExactly(again.id());
    assertThat(await(store.conversation(first.id())).orElseThrow().messages()).hasSize(2);
  }

  @Test
  void anOpenConversationCannotBeReopenedNorAClosedOneJoined() {
    ContactRecord first = start(null, "email", "My car makes a noise", at(0));
    ConversationState open = await(store.conversationState(first.id())).orElseThrow();
    ContactRecord reopening = reopening(open.id(), "chat", "again", at(10));
    assertThat(failureOf(store.accept(reopening, null, new Threading.Reopen(open, null, message(reopening)))))
        .isInstanceOf(ConversationChangedException.class);

    await(store.abandon(first.id(), at(20)));
    ConversationState closed = await(store.conversationState(first.id())).orElseThrow();
    assertThat(failureOf(store.accept(followUp(closed.id(), "chat", "hi", at(30), Urgency.NORMAL), null,
        joinOf(closed, null, "chat", "hi", at(30))))).isInstanceOf(ConversationChangedException.class);
    assertThat(await(store.waiting(COUNTRY_QUEUE, 10))).isEmpty();
  }

  @Test
  void aThreadKeyLeadsToItsConversationWithinItsScope() {
    ThreadKey chat = ThreadKey.ofChannel("session-42", "chat");
    ContactRecord first = start(chat, "chat", "Hello", at(0));

    assertThat(await(store.threadStates("session-42"))).containsOnlyKeys(chat.scope());
    assertThat(await(store.threadStates("session-42")).get(chat.scope()).id()).isEqualTo(first.id());
    assertThat(await(store.threadStates("session-43"))).isEmpty();

    ContactRecord rival = opening(store.newContactId("session-42"), "chat", "Hello too", at(1));
    assertThat(failureOf(store.accept(rival, null, new Threading.Start(chat, message(rival)))))
        .isInstanceOf(ConversationChangedException.class);
    ContactRecord otherScope = opening(store.newContactId("session-42"), "sms", "Hi", at(2));
    await(store.accept(otherScope, null, new Threading.Start(ThreadKey.ofChannel("session-42", "sms"), message(otherScope))));
    assertThat(await(store.threadStates("session-42"))).hasSize(2);
  }

  @Test
  void aTransferMovesAWaitingOrAssignedContactAndRefusesAFinishedOne() {
    ContactRecord waiting = start(null, "chat", "battery question", at(0));
    ContactRecord assigned = start(null, "chat", "range question", at(1));
    await(store.claim(COUNTRY_QUEUE, "agent-7", at(5)));
    await(store.claim(COUNTRY_QUEUE, "agent-8", at(5)));
    ContactRecord finished = start(null, "chat", "thanks", at(2));
    await(store.abandon(finished.id(), at(6)));
    Route expert = Route.expert("ev-battery", 20);

    ContactRecord moved = await(store.transfer(assigned.id(), expert, at(100), "battery expertise", at(10)));
    await(store.transfer(waiting.id(), expert, at(100), "battery expertise", at(10)));

    assertThat(moved.status()).isEqualTo(ContactStatus.QUEUED);
    assertThat(moved.agent()).isNull();
    assertThat(moved.history().get(moved.history().size() - 1).detail())
        .isEqualTo("from country:DE (agent agent-8) to expert:ev-battery: battery expertise");
    assertThat(await(store.find(assigned.id()))).contains(moved);
    assertThat(await(store.waiting("expert:ev-battery", 10))).extracting(ContactRecord::id)
        .containsExactlyInAnyOrder(waiting.id(), assigned.id());
    assertThat(await(store.waiting(COUNTRY_QUEUE, 10))).isEmpty();
    assertThat(failureOf(store.transfer(finished.id(), expert, at(100), null, at(10))))
        .isInstanceOf(IllegalTransitionException.class);
    assertThat(failureOf(store.transfer("no-such-contact", expert, at(100), null, at(10))))
        .isInstanceOf(ContactNotFoundException.class);
  }

  @Test
  void anAgentsAnswerIsAddedInOrder() {
    ContactRecord first = start(null, "email", "My car makes a noise", at(0));

    ConversationRecord answered = await(store.addMessage(first.id(), Message.outbound(at(50), "email", "agent-7", "Please come by")))
        .orElseThrow();

    assertThat(answered.messages()).extracting(Message::direction)
        .containsExactly(Message.Direction.INBOUND, Message.Direction.OUTBOUND);
    assertThat(answered.messages().get(1).agent()).isEqualTo("agent-7");
    assertThat(await(store.conversation(first.id())).orElseThrow().messages()).hasSize(2);
    assertThat(await(store.addMessage("no-such-conversation", Message.outbound(at(50), "email", "a", "x")))).isEmpty();
  }

  @Test
  void listsACustomersConversationsMostRecentFirst() {
    ContactRecord older = start(null, "email", "one", at(0));
    ContactRecord newer = start(null, "chat", "two", at(10));
    ContactRecord newest = start(null, "sms", "three", at(20));

    assertThat(await(store.conversationsOf(CUSTOMER, 2))).extracting(ConversationRecord::id)
        .containsExactly(newest.id(), newer.id());
    assertThat(await(store.conversationsOf(CUSTOMER, 20))).extracting(ConversationRecord::id)
        .containsExactly(newest.id(), newer.id(), older.id());
    assertThat(await(store.conversationsOf("C-9999", 20))).isEmpty();
  }

  @Test
  void erasureRemovesTheWordsOfTheCustomersMessagesAndTheirThreadKeys() {
    ContactRecord first = start(ThreadKey.ofCustomer("<root@mail>", CUSTOMER), "email", "My VIN is WVW123", at(0));
    await(store.addMessage(first.id(), Message.outbound(at(5), "email", "agent-7", "Thanks")));

    int erased = await(store.eraseConversationsOf(CUSTOMER, at(10)));

    assertThat(erased).isEqualTo(1);
    ConversationRecord conversation = await(store.conversation(first.id())).orElseThrow();
    assertThat(conversation.messages()).allSatisfy(message -> {
      assertThat(message.erased()).isTrue();
      assertThat(message.text()).isNull();
      assertThat(message.subject()).isNull();
    });
    assertThat(conversation.state().customerId()).isNull();
    assertThat(await(store.threadStates("<root@mail>"))).isEmpty();
    assertThat(await(store.conversationsOf(CUSTOMER, 20))).isEmpty();
  }

  // ---------------------------------------------------------------- helpers

  private ContactRecord start(ThreadKey thread, String channel, String text, Instant at) {
    ContactRecord contact = opening(store.newContactId(thread == null ? null : thread.key()), channel, text, at);
    Accepted accepted = await(store.accept(contact, null, new Threading.Start(thread, message(contact, text))));
    assertThat(accepted.created()).isTrue();
    assertThat(accepted.carrier()).isEqualTo(contact);
    return contact;
  }

  private Accepted join(
      ConversationState state, Threading.Reroute reroute, String channel, String text, Instant at, Urgency urgency,
      String key) {
    ContactRecord contact = followUp(state.id(), channel, text, at, urgency);
    return await(store.accept(contact, key, new Threading.Join(state, reroute, null, message(contact, text))));
  }

  private Threading.Join joinOf(ConversationState state, Threading.Reroute reroute, String channel, String text, Instant at) {
    return new Threading.Join(state, reroute, null, Message.inbound("x", at, channel, null, text));
  }

  private ContactRecord reopen(ConversationState closed, String channel, String text, Instant at) {
    ContactRecord contact = reopening(closed.id(), channel, text, at);
    await(store.accept(contact, null, new Threading.Reopen(closed, null, message(contact, text))));
    return contact;
  }

  private ContactRecord opening(String id, String channel, String text, Instant at) {
    return ContactRecord.queued(id, at, payload(channel, text), channel, "DE", decision(COUNTRY, Urgency.NORMAL), customer(),
        null, null);
  }

  private ContactRecord reopening(String conversationId, String channel, String text, Instant at) {
    return ContactRecord.queued(store.newContactId(conversationId), at, payload(channel, text), channel, "DE",
        decision(COUNTRY, Urgency.NORMAL), customer(), conversationId, "conversation " + conversationId);
  }

  private ContactRecord followUp(String conversationId, String channel, String text, Instant at, Urgency urgency) {
    return ContactRecord.joined(store.newContactId(conversationId), at, payload(channel, text), channel, "DE", decision(COUNTRY, urgency), customer(),
        conversationId, COUNTRY, "waiting in " + COUNTRY_QUEUE);
  }

  private static Message message(ContactRecord contact) {
    return message(contact, contact.request().toJson().getString("text"));
  }

  private static Message message(ContactRecord contact, String text) {
    return Message.inbound(contact.id(), contact.receivedAt(), contact.channel(), null, text);
  }

  private static ContactPayload payload(String channel, String text) {
    return ContactPayload.of(new JsonObject().put("channel", channel).put("text", text));
  }

  private static ContactCustomer customer() {
    return new ContactCustomer(CUSTOMER, Relationship.INDIRECT, "DE-MUC-001");
  }

  private static Decision decision(Route route, Urgency urgency) {
    return new Decision(
        new Classification(Knowledge.SPECIFICATION, urgency, Classification.GENERAL_TOPIC), route, null,
        Duration.ofSeconds(60), List.of("contract-test"), "contract-1", false);
  }
}
