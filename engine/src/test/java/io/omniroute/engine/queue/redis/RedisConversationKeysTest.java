package io.omniroute.engine.queue.redis;

import static io.omniroute.engine.queue.QueueStoreContract.at;
import static io.omniroute.engine.queue.QueueStoreContract.await;
import static io.omniroute.engine.queue.QueueStoreContract.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.omniroute.engine.queue.Accepted;
import io.omniroute.engine.queue.ContactCustomer;
import io.omniroute.engine.queue.ContactPayload;
import io.omniroute.engine.queue.ContactRecord;
import io.omniroute.engine.queue.ConversationChangedException;
import io.omniroute.engine.queue.ConversationState;
import io.omniroute.engine.queue.Message;
import io.omniroute.engine.queue.ThreadKey;
import io.omniroute.engine.queue.Threading;
import io.omniroute.engine.redis.RedisConnection;
import io.omniroute.engine.support.RedisForTests;
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
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What the Redis store keeps of a conversation beyond the store contract: which keys expire and
 * when, the conversation's version across the open contact's changes, the carrier of a repeated
 * request, and partitions (four here).
 */
@Timeout(60)
class RedisConversationKeysTest {
  private static final Route COUNTRY = Route.country("DE", 20);
  private static final String COUNTRY_QUEUE = "country:DE";
  private static final String CUSTOMER = "C-1001";
  private static final Duration RETENTION = Duration.ofHours(1);
  private static final Duration CONVERSATION_RETENTION = Duration.ofDays(2);

  private final String namespace = "conversation-keys-" + UUID.randomUUID();
  private final RedisKeys keys = new RedisKeys(namespace, 4);
  private final RedisConnection raw = RedisConnection.open(RedisForTests.url(), Duration.ofSeconds(2));
  private final RedisClusterAsyncCommands<String, String> redis = raw.commands();
  private final RedisQueueStore store = RedisQueueStore.open(
      RedisConnection.open(RedisForTests.url(), Duration.ofSeconds(2)), namespace, 4, RETENTION, CONVERSATION_RETENTION);

  @AfterEach
  void close() {
    store.close();
    raw.close();
  }

  @Test
  void aClosedConversationExpiresAndAReopenedOneDoesNot() {
    ContactRecord first = start(null, at(0));
    assertThat(ttl(conversation(first.id()))).isEqualTo(-1);

    await(store.claim(COUNTRY_QUEUE, "agent-7", at(10)));
    await(store.complete(first.id(), at(20)));

    for (String key : conversationKeys(first.id())) {
      assertThat(ttl(key)).as(key).isBetween(CONVERSATION_RETENTION.toSeconds() - 5, CONVERSATION_RETENTION.toSeconds());
    }
    ConversationState closed = await(store.conversationState(first.id())).orElseThrow();
    ContactRecord again = queued(store.newContactId(first.id()), first.id(), at(100));
    await(store.accept(again, null, new Threading.Reopen(closed, null, message(again))));

    for (String key : conversationKeys(first.id())) {
      assertThat(ttl(key)).as(key).isEqualTo(-1);
    }
  }

  @Test
  void anAnswerKeepsAClosedConversationForTheRetentionAgain() {
    ContactRecord first = start(null, at(0));
    await(store.abandon(first.id(), at(20)));
    done(redis.expire(conversation(first.id()), 50));

    await(store.addMessage(first.id(), Message.outbound(at(30), "email", "agent-7", "Still there?")));

    assertThat(ttl(conversation(first.id()))).isGreaterThan(CONVERSATION_RETENTION.toSeconds() - 5);
  }

  @Test
  void aFollowUpExpiresLikeAFinishedContactWithItsKey() {
    ContactRecord first = start(null, at(0));
    ConversationState state = await(store.conversationState(first.id())).orElseThrow();
    ContactRecord followUp = joined(store.newContactId(first.id()), first.id(), at(10), Urgency.NORMAL);

    await(store.accept(followUp, "follow-up-key", new Threading.Join(state, null, null, message(followUp))));

    int p = keys.partitionOfContact(first.id());
    assertThat(ttl(keys.contact(p, followUp.id()))).isBetween(RETENTION.toSeconds() - 5, RETENTION.toSeconds());
    assertThat(ttl(keys.idempotencyKey(p, "follow-up-key"))).isBetween(RETENTION.toSeconds() - 5, RETENTION.toSeconds());
    assertThat(ttl(conversation(first.id()))).isEqualTo(-1);
    assertThat(done(redis.zcard(keys.queue(p, COUNTRY_QUEUE)))).isEqualTo(1);
  }

  @Test
  void aRepeatedRequestAnswersTheContactThatCarriesTheConversation() {
    ContactRecord first = start(null, at(0));
    ConversationState state = await(store.conversationState(first.id())).orElseThrow();
    ContactRecord followUp = joined(store.newContactId(first.id()), first.id(), at(10), Urgency.NORMAL);
    await(store.accept(followUp, "retry", new Threading.Join(state, null, null, message(followUp))));
    ContactRecord claimed = await(store.claim(COUNTRY_QUEUE, "agent-7", at(20))).orElseThrow();

    ContactRecord retried = joined(store.newContactId(first.id()), first.id(), at(30), Urgency.NORMAL);
    Accepted again = await(store.accept(retried, "retry", new Threading.Join(state, null, null, message(retried))));

    assertThat(again.created()).isFalse();
    assertThat(again.record()).isEqualTo(followUp);
    assertThat(again.carrier()).isEqualTo(claimed);
  }

  @Test
  void theVersionChangesWithEveryChangeOfTheOpenContact() {
    ContactRecord first = start(null, at(0));
    long version = version(first.id());

    assertThat(await(store.escalate(first.id(), COUNTRY_QUEUE, Route.central(90), at(200), at(100)))).isPresent();
    assertThat(version(first.id())).isGreaterThan(version);
    version = version(first.id());

    assertThat(await(store.erase(first.id(), at(110)))).isPresent();
    assertThat(version(first.id())).isGreaterThan(version);
    version = version(first.id());

    await(store.transfer(first.id(), COUNTRY, at(300), "back", at(120)));
    assertThat(version(first.id())).isGreaterThan(version);
  }

  @Test
  void aFollowUpOutsideItsConversationsPartitionIsRefused() {
    ContactRecord first = start(null, at(0));
    ConversationState state = await(store.conversationState(first.id())).orElseThrow();
    String elsewhere;
    do {
      elsewhere = store.newContactId(null);
    } while (keys.partitionOfContact(elsewhere) == keys.partitionOfContact(first.id()));
    ContactRecord followUp = joined(elsewhere, first.id(), at(10), Urgency.NORMAL);

    assertThat(failureOf(store.accept(followUp, null, new Threading.Join(state, null, null, message(followUp)))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aThreadKeyAFollowUpRegisteredLeadsToItsConversationInAnyPartition() {
    ContactRecord first = start(null, at(0));
    String key;
    int n = 0;
    do {
      key = "session-" + n++;
    } while (keys.partitionOfContact(key) == keys.partitionOfContact(first.id()));
    ThreadKey thread = ThreadKey.ofChannel(key, "chat");
    ConversationState state = await(store.conversationState(first.id())).orElseThrow();
    ContactRecord followUp = joined(store.newContactId(first.id()), first.id(), at(10), Urgency.NORMAL);

    await(store.accept(followUp, null, new Threading.Join(state, null, thread, message(followUp))));

    assertThat(await(store.threadStates(key))).containsOnlyKeys(thread.scope());
    assertThat(await(store.threadStates(key)).get(thread.scope()).id()).isEqualTo(first.id());
  }

  @Test
  void aThreadKeyWhoseConversationIsGoneCanStartANewOne() {
    ThreadKey thread = ThreadKey.ofChannel("session-7", "chat");
    ContactRecord first = start(thread, at(0));
    ContactRecord rival = queued(store.newContactId("session-7"), null, at(1));
    assertThat(failureOf(store.accept(rival, null, new Threading.Start(thread, message(rival)))))
        .isInstanceOf(ConversationChangedException.class);

    done(redis.del(conversationKeys(first.id()).toArray(String[]::new)));

    await(store.accept(rival, null, new Threading.Start(thread, message(rival))));
    assertThat(await(store.threadStates("session-7")).get(thread.scope()).id()).isEqualTo(rival.id());
  }

  @Test
  void erasureKeepsWhatIsNotPersonalOfEachMessage() {
    ContactRecord first = start(null, at(0));
    Message answer = Message.outbound(at(5), "e/mail ✉", "agent \"Jörg\"", "Grüße, see https://example.com/a");
    await(store.addMessage(first.id(), answer));

    await(store.eraseConversationsOf(CUSTOMER, at(10)));

    List<Message> messages = await(store.conversation(first.id())).orElseThrow().messages();
    assertThat(messages).containsExactly(message(first).withoutPersonalData(), answer.withoutPersonalData());
  }

  @Test
  void erasureForgetsTheCustomersConversationsInEveryPartition() {
    for (int i = 0; i < 12; i++) {
      start(null, at(i));
    }

    assertThat(await(store.eraseConversationsOf(CUSTOMER, at(100)))).isEqualTo(12);
    assertThat(await(store.conversationsOf(CUSTOMER, 20))).isEmpty();
    assertThat(await(store.eraseConversationsOf(CUSTOMER, at(101)))).isZero();
  }

  private ContactRecord start(ThreadKey thread, Instant at) {
    ContactRecord contact = queued(store.newContactId(thread == null ? null : thread.key()), null, at);
    await(store.accept(contact, null, new Threading.Start(thread, message(contact))));
    return contact;
  }

  private long version(String conversationId) {
    return await(store.conversationState(conversationId)).orElseThrow().version();
  }

  private String conversation(String id) {
    return keys.conversation(keys.partitionOfContact(id), id);
  }

  private List<String> conversationKeys(String id) {
    return List.of(conversation(id), conversation(id) + ":messages");
  }

  private long ttl(String key) {
    return done(redis.ttl(key));
  }

  private static <T> T done(CompletionStage<T> stage) {
    return stage.toCompletableFuture().join();
  }

  private static ContactRecord queued(String id, String conversationId, Instant at) {
    return ContactRecord.queued(id, at, payload(), "email", "DE", decision(Urgency.NORMAL), customer(), conversationId,
        conversationId == null ? null : "conversation " + conversationId);
  }

  private static ContactRecord joined(String id, String conversationId, Instant at, Urgency urgency) {
    return ContactRecord.joined(id, at, payload(), "chat", "DE", decision(urgency), customer(), conversationId, COUNTRY,
        "waiting in " + COUNTRY_QUEUE);
  }

  private static Message message(ContactRecord contact) {
    return Message.inbound(contact.id(), contact.receivedAt(), contact.channel(), null, "hello");
  }

  private static ContactPayload payload() {
    return ContactPayload.of(new JsonObject().put("channel", "email").put("text", "hello"));
  }

  private static ContactCustomer customer() {
    return new ContactCustomer(CUSTOMER, Relationship.INDIRECT, "DE-MUC-001");
  }

  private static Decision decision(Urgency urgency) {
    return new Decision(
        new Classification(Knowledge.SPECIFICATION, urgency, Classification.GENERAL_TOPIC), COUNTRY, null,
        Duration.ofSeconds(60), List.of("keys-test"), "keys-1", false);
  }
}
