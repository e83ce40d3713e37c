package io.omniroute.engine.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.omniroute.engine.StoreOptions;
import io.omniroute.engine.customer.RedisCustomerStore;
import io.omniroute.engine.delivery.RedisAgentStore;
import io.omniroute.engine.queue.redis.RedisQueueStore;
import io.omniroute.engine.rules.RedisRuleStore;
import io.omniroute.engine.stream.RedisEventStreams;
import io.omniroute.engine.support.EngineClient;
import io.omniroute.engine.support.RedisForTests;
import io.omniroute.engine.support.RoundTripCounter;
import io.omniroute.engine.delivery.OfferSettings;
import io.omniroute.engine.support.RunningEngine;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * On Redis, an intake takes at most two round trips, follow-ups included: the sender's
 * identification and the read of the conversation it follows up go out together, then one script
 * stores the contact with its conversation. Counted by a proxy that holds every Redis answer back
 * for 50 ms, so commands sent together count once and a command that waited for an answer counts
 * again. Every script is used once before the measurement, as a running engine has. The event
 * streams append the contact's events on a connection of their own, after intake has answered
 * (straight to Redis here, past the counter): they add no round trip to an intake.
 */
class RedisRoundTripsIT {
  private static final String ANNA = "{\"identities\":{\"phones\":[\"+49891234567\"]},\"ownerDealerId\":\"DE-MUC-001\","
      + "\"country\":\"DE\"}";
  private static final String CALL = "{\"channel\":\"voice\",\"from\":{\"phone\":\"+49891234567\"},"
      + "\"references\":{\"vin\":\"WNW12345678901234\"},\"text\":\"Is my car ready?\"}";

  private RoundTripCounter redis;
  private RunningEngine engine;
  private EngineClient intake;

  @BeforeEach
  void start() throws Exception {
    redis = RoundTripCounter.start(RedisForTests.url(), 50);
    String namespace = "round-trips-" + UUID.randomUUID();
    RedisConnection connection = RedisConnection.open(redis.url(), Duration.ofSeconds(5));
    StoreOptions.Stores stores = new StoreOptions.Stores(RedisQueueStore.open(connection, namespace, 1, Duration.ofHours(1)),
        new RedisRuleStore(connection, namespace), RedisCustomerStore.open(connection, namespace),
        RedisAgentStore.open(connection, namespace),
        RedisEventStreams.open(RedisForTests.url(), Duration.ofSeconds(5), namespace));
    engine = RunningEngine.start(RunningEngine.testOptions().withEscalationInterval(Duration.ofHours(1))
        .withOffers(OfferSettings.DEFAULTS.withSweepInterval(Duration.ofHours(1))), stores, Clock.systemUTC());
    intake = engine.as("demo-telephony");
    engine.as("demo-admin").put("/v1/customers/C-1001", ANNA);
    loadEveryScript();
  }

  /**
   * Takes every intake path once, so that Redis has each script cached: the first use of a script
   * on a Redis server costs one more round trip (EVALSHA answers NOSCRIPT, then EVAL), once.
   */
  private void loadEveryScript() {
    String conversation = intake.createContact(CALL).getString("conversationId");
    intake.createContact(new JsonObject(CALL).put("conversationId", conversation).encode());
    intake.createContact(new JsonObject(CALL).put("thread", new JsonObject().put("key", "warm-up")).encode());
    engine.as("demo-admin").post("/v1/contacts/" + conversation + "/abandon", "{}");
    intake.createContact(new JsonObject(CALL).put("conversationId", conversation).encode());
  }

  @AfterEach
  void stop() {
    engine.close();
    redis.close();
  }

  @Test
  void aNewContactFromAKnownCustomerTakesTwoRoundTrips() {
    redis.reset();

    intake.createContact(CALL);

    assertThat(redis.roundTrips()).isEqualTo(2);
    assertThat(redis.commands()).as("the identification, the accept script").isEqualTo(2);
  }

  @Test
  void aFollowUpThatJoinsItsOpenConversationTakesTwoRoundTrips() {
    String conversation = intake.createContact(CALL).getString("conversationId");
    redis.reset();

    JsonObject joined = intake.createContact(new JsonObject(CALL).put("conversationId", conversation).encode());

    assertThat(joined.getString("status")).isEqualTo("JOINED");
    assertThat(redis.roundTrips()).isEqualTo(2);
    assertThat(redis.commands()).as("the identification and the conversation's read together, then the accept script")
        .isEqualTo(3);
  }

  @Test
  void anUrgentFollowUpThatRaisesItsConversationTakesTwoRoundTrips() {
    String conversation = intake.createContact(CALL).getString("conversationId");
    redis.reset();

    JsonObject raised = intake.createContact(new JsonObject(CALL).put("conversationId", conversation)
        .put("text", "I had an accident, the car is stranded").encode());

    assertThat(raised.getJsonObject("conversation").getString("queue")).isEqualTo("central");
    assertThat(redis.roundTrips()).isEqualTo(2);
  }

  @Test
  void aFollowUpByThreadKeyTakesTwoRoundTrips() {
    String threaded = new JsonObject(CALL).put("thread", new JsonObject().put("key", "call-thread-1")).encode();
    intake.createContact(threaded);
    redis.reset();

    JsonObject joined = intake.createContact(threaded.replace("Is my car ready?", "Any news?"));

    assertThat(joined.getString("status")).isEqualTo("JOINED");
    assertThat(redis.roundTrips()).isEqualTo(2);
  }

  @Test
  void aFollowUpThatReopensItsClosedConversationTakesTwoRoundTrips() {
    String conversation = intake.createContact(CALL).getString("conversationId");
    EngineClient admin = engine.as("demo-admin");
    admin.post("/v1/contacts/" + conversation + "/abandon", "{}");
    redis.reset();

    JsonObject reopened = intake.createContact(new JsonObject(CALL).put("conversationId", conversation).encode());

    assertThat(reopened.getString("status")).isEqualTo("QUEUED");
    assertThat(redis.roundTrips()).isEqualTo(2);
  }
}
