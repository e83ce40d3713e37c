package io.omniroute.engine.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.omniroute.engine.EngineOptions;
import io.omniroute.engine.contact.ContactEvent;
import io.omniroute.engine.support.EngineClient;
import io.omniroute.engine.support.Eventually;
import io.omniroute.engine.support.RunningEngine;
import io.omniroute.engine.support.TestClock;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Offers through the running engine (memory stores; {@link RedisOffersIT} runs them on Redis): who gets a contact, and what accepting, rejecting, timing out and escalating do. */
class OffersIT {
  private static final Instant START = Instant.parse("2026-01-05T08:00:00Z");
  private static final String MUNICH = "dealer:DE-MUC-001";
  private static final String MUNICH_CHAT = "{\"channel\":\"chat\",\"dealerId\":\"DE-MUC-001\",\"text\":\"Is my quote still valid?\"}";

  private final TestClock clock = new TestClock(START);
  private final List<ContactEvent> events = new CopyOnWriteArrayList<>();
  private RunningEngine engine;
  private EngineClient admin;

  @BeforeEach
  void start() {
    startWith(RunningEngine.testOptions());
  }

  private void startWith(EngineOptions options) {
    if (engine != null) {
      engine.close();
    }
    engine = startEngine(options, clock);
    engine.engine().events().subscribe(events::add);
    admin = engine.as("demo-admin");
  }

  /** Starts the engine under test; the memory stores here, Redis in {@link RedisOffersIT}. */
  RunningEngine startEngine(EngineOptions options, java.time.Clock clock) {
    return RunningEngine.start(options, clock);
  }

  @AfterEach
  void stop() {
    engine.close();
  }

  @Test
  void aQueuedContactIsOfferedToAnEligibleAgentAndReservedForThem() {
    register("sepp", MUNICH, "{\"chat\": 1}", 0);
    available("sepp");

    String contact = admin.createContact(MUNICH_CHAT).getString("id");

    JsonObject offer = onlyOffer("sepp");
    assertThat(offer.getString("contactId")).isEqualTo(contact);
    assertThat(offer.getString("conversationId")).isEqualTo(contact);
    assertThat(offer.getString("queue")).isEqualTo(MUNICH);
    assertThat(offer.getString("channel")).isEqualTo("chat");
    assertThat(offer.getString("agentId")).isEqualTo("sepp");
    assertThat(Instant.parse(offer.getString("expiresAt"))).isEqualTo(START.plusSeconds(60));
    assertThat(agent("sepp").getJsonObject("load").getInteger("chat")).isEqualTo(1);
    assertThat(contact(contact).getString("status")).isEqualTo("OFFERED");
    assertThat(admin.post("/v1/queues/" + MUNICH + "/claim", "{\"agent\":\"walk-in\"}").statusCode()).isEqualTo(204);
    ContactEvent.Offered event = (ContactEvent.Offered) events.stream()
        .filter(ContactEvent.Offered.class::isInstance).findFirst().orElseThrow();
    assertThat(event.offer().id()).isEqualTo(offer.getString("offerId"));
  }

  @Test
  void onlyAnAvailableAgentServingTheQueueAndTheChannelBelowCapacityIsOffered() {
    register("offline", MUNICH, "{\"chat\": 1}", 0);
    register("berlin", "dealer:DE-BER-001", "{\"chat\": 1}", 0);
    available("berlin");
    register("voice-only", MUNICH, "{\"voice\": 1}", 0);
    available("voice-only");
    register("sepp", MUNICH, "{\"chat\": 1}", 0);
    available("sepp");

    String first = admin.createContact(MUNICH_CHAT).getString("id");
    String second = admin.createContact(MUNICH_CHAT).getString("id");

    assertThat(onlyOffer("sepp").getString("contactId")).isEqualTo(first);
    assertThat(contact(second).getString("status")).isEqualTo("QUEUED");
    assertThat(agent("offline").getJsonArray("offers")).isEmpty();
    assertThat(agent("berlin").getJsonArray("offers")).isEmpty();
    assertThat(agent("voice-only").getJsonArray("offers")).isEmpty();
  }

  @Test
  void acceptingAssignsTheContactAndTheAgentWrapsUpAfterCompletingIt() {
    register("sepp", MUNICH, "{\"chat\": 1}", 30);
    available("sepp");
    String first = admin.createContact(MUNICH_CHAT).getString("id");
    String offerId = onlyOffer("sepp").getString("offerId");
    clock.advance(Duration.ofSeconds(5));

    HttpResponse<String> accepted = engine.as("demo-agent-sepp").post("/v1/offers/" + offerId + "/accept", "");

    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
    JsonObject assigned = new JsonObject(accepted.body());
    assertThat(assigned.getString("status")).isEqualTo("ASSIGNED");
    assertThat(assigned.getString("agent")).isEqualTo("sepp");
    assertThat(historyTypes(assigned)).endsWith("offered", "accepted", "assigned");
    JsonObject sepp = agent("sepp");
    assertThat(sepp.getJsonArray("offers")).isEmpty();
    assertThat(sepp.getJsonArray("assignments").getJsonObject(0).getString("contactId")).isEqualTo(first);
    assertThat(engine.as("demo-agent-sepp").post("/v1/offers/" + offerId + "/accept", "").statusCode()).isEqualTo(404);

    String second = admin.createContact(MUNICH_CHAT).getString("id");
    assertThat(agent("sepp").getJsonArray("offers")).as("at capacity").isEmpty();
    clock.advance(Duration.ofSeconds(10));
    assertThat(admin.post("/v1/contacts/" + first + "/complete", "").statusCode()).isEqualTo(200);
    Eventually.until(() -> agent("sepp").getString("wrapUpUntil"), START.plusSeconds(45).toString()::equals);
    await(engine.engine().offers().sweep());
    assertThat(agent("sepp").getJsonArray("offers")).as("wrapping up").isEmpty();

    clock.advance(Duration.ofSeconds(30));
    await(engine.engine().offers().sweep());

    assertThat(onlyOffer("sepp").getString("contactId")).isEqualTo(second);
  }

  @Test
  void aRejectedOfferGoesToTheNextAgentAndNeverBackToTheOneWhoRejectedIt() {
    register("sepp", MUNICH, "{\"chat\": 2}", 0);
    available("sepp");
    clock.advance(Duration.ofSeconds(1));
    register("vroni", MUNICH, "{\"chat\": 2}", 0);
    available("vroni");
    String contact = admin.createContact(MUNICH_CHAT).getString("id");
    String offerId = onlyOffer("sepp").getString("offerId");

    HttpResponse<String> rejected = engine.as("demo-dealer-de-muc-001")
        .post("/v1/offers/" + offerId + "/reject", "{\"reason\":\"on another call\"}");

    assertThat(rejected.statusCode()).as(rejected.body()).isEqualTo(200);
    assertThat(onlyOffer("vroni").getString("contactId")).isEqualTo(contact);
    JsonObject history = lastOf(contact(contact).getJsonArray("history"), "rejected");
    assertThat(history.getString("detail")).isEqualTo("sepp: on another call");
    assertThat(agent("sepp").getJsonArray("offers")).isEmpty();
    ContactEvent.OfferEnded ended = (ContactEvent.OfferEnded) events.stream()
        .filter(ContactEvent.OfferEnded.class::isInstance).findFirst().orElseThrow();
    assertThat(ended.outcome()).isEqualTo(OfferOutcome.REJECTED);
    assertThat(ended.reason()).isEqualTo("on another call");
  }

  @Test
  void anUnansweredOfferTimesOutAndIsOfferedToTheNextAgent() {
    register("sepp", MUNICH, "{\"chat\": 1}", 0);
    available("sepp");
    clock.advance(Duration.ofSeconds(1));
    register("vroni", MUNICH, "{\"chat\": 1}", 0);
    available("vroni");
    String contact = admin.createContact(MUNICH_CHAT).getString("id");
    String offerId = onlyOffer("sepp").getString("offerId");
    clock.advance(Duration.ofSeconds(59));
    await(engine.engine().offers().sweep());
    assertThat(onlyOffer("sepp").getString("offerId")).as("not expired yet").isEqualTo(offerId);

    clock.advance(Duration.ofSeconds(1));
    await(engine.engine().offers().sweep());

    assertThat(onlyOffer("vroni").getString("contactId")).isEqualTo(contact);
    assertThat(agent("sepp").getJsonArray("offers")).isEmpty();
    assertThat(lastOf(contact(contact).getJsonArray("history"), "timedout").getString("detail"))
        .isEqualTo("no answer from sepp within 60 s");
    assertThat(engine.as("demo-agent-sepp").post("/v1/offers/" + offerId + "/accept", "").statusCode()).isEqualTo(404);
  }

  @Test
  void anAgentWhoLetsThreeOffersInARowTimeOutIsSetAway() {
    register("sepp", MUNICH, "{\"chat\": 3}", 0);
    available("sepp");
    for (int i = 0; i < 3; i++) {
      admin.createContact(MUNICH_CHAT);
    }
    Eventually.until(() -> agent("sepp").getJsonArray("offers").size(), open -> open == 3);

    clock.advance(Duration.ofSeconds(61));
    await(engine.engine().offers().sweep());

    JsonObject sepp = agent("sepp");
    assertThat(sepp.getString("presence")).isEqualTo("away");
    assertThat(sepp.getJsonArray("offers")).isEmpty();
    assertThat(new JsonObject(admin.get("/v1/queues/" + MUNICH).body()).getInteger("depth")).isEqualTo(3);
  }

  @Test
  void anOpenOfferIsWithdrawnWhenItsContactEscalates() {
    startWith(RunningEngine.testOptions().withOffers(OfferSettings.DEFAULTS.withTimeout("chat", Duration.ofMinutes(10))));
    register("sepp", MUNICH, "{\"chat\": 1}", 0);
    available("sepp");
    String contact = admin.createContact(MUNICH_CHAT).getString("id");
    onlyOffer("sepp");
    clock.advance(Duration.ofSeconds(61));

    await(engine.engine().escalation().runOnce());

    JsonObject escalated = Eventually.until(() -> contact(contact),
        current -> "country:DE".equals(current.getJsonObject("current").getString("queue")));
    assertThat(escalated.getString("status")).as(escalated.encodePrettily()).isEqualTo("QUEUED");
    assertThat(escalated.getJsonObject("current").getString("queue")).isEqualTo("country:DE");
    assertThat(historyTypes(escalated)).endsWith("offered", "withdrawn", "escalated");
    Eventually.until(() -> agent("sepp").getJsonArray("offers"), JsonArray::isEmpty);
    assertThat(events.stream().filter(ContactEvent.OfferEnded.class::isInstance)
        .map(event -> ((ContactEvent.OfferEnded) event).outcome()).toList()).containsExactly(OfferOutcome.WITHDRAWN);
  }

  @Test
  void aContactWaitsUntilAnAgentBecomesAvailable() {
    register("sepp", MUNICH, "{\"chat\": 1}", 0);
    String contact = admin.createContact(MUNICH_CHAT).getString("id");
    assertThat(contact(contact).getString("status")).isEqualTo("QUEUED");

    available("sepp");

    assertThat(onlyOffer("sepp").getString("contactId")).isEqualTo(contact);
  }

  @Test
  void aReopenedConversationIsOfferedFirstToTheAgentWhoAnsweredIt() {
    register("sepp", MUNICH, "{\"chat\": 1}", 0);
    available("sepp");
    String first = admin.createContact(MUNICH_CHAT).getString("id");
    admin.post("/v1/offers/" + onlyOffer("sepp").getString("offerId") + "/accept", "");
    admin.post("/v1/contacts/" + first + "/complete", "");
    register("vroni", MUNICH, "{\"chat\": 1}", 0);
    available("vroni");
    clock.advance(Duration.ofMinutes(5));
    await(engine.engine().offers().sweep());

    String followUp = admin.createContact(new JsonObject(MUNICH_CHAT).put("conversationId", first)
        .put("references", new JsonObject().put("orderId", "A-77")).put("text", "Where is my order?").encode())
        .getString("id");

    assertThat(onlyOffer("sepp").getString("contactId")).isEqualTo(followUp);
    assertThat(agent("vroni").getJsonArray("offers")).isEmpty();
  }

  @Test
  void aContactOfAnOwnedCustomerIsOfferedFirstToTheOwnerDealersAgents() {
    admin.put("/v1/customers/C-1001", "{\"name\":\"Anna Berger\",\"identities\":{\"emails\":[\"anna@example.com\"]},"
        + "\"country\":\"DE\",\"ownerDealerId\":\"DE-MUC-001\"}");
    register("hq", "country:DE", "{\"email\": 5}", 0);
    available("hq");
    clock.advance(Duration.ofSeconds(1));
    register("sepp", List.of(MUNICH, "country:DE"), "{\"email\": 5}", 0);
    available("sepp");

    String anonymous = admin.createContact("{\"channel\":\"email\",\"country\":\"DE\",\"subject\":\"Hours\","
        + "\"text\":\"When are you open?\"}").getString("id");
    String owned = admin.createContact("{\"channel\":\"email\",\"country\":\"DE\",\"from\":{\"email\":"
        + "\"anna@example.com\"},\"subject\":\"Hours\",\"text\":\"When are you open?\"}").getString("id");

    assertThat(contact(owned).getJsonObject("current").getString("queue")).isEqualTo("country:DE");
    assertThat(onlyOffer("hq").getString("contactId")).as("longest idle").isEqualTo(anonymous);
    assertThat(onlyOffer("sepp").getString("contactId")).as("the owner's agent").isEqualTo(owned);
  }

  @Test
  void onlyTheAgentTheOfferIsMadeToOrItsDealerMayAnswerIt() {
    register("vroni", MUNICH, "{\"chat\": 1}", 0);
    available("vroni");
    admin.createContact(MUNICH_CHAT);
    String offerId = onlyOffer("vroni").getString("offerId");

    HttpResponse<String> sepp = engine.as("demo-agent-sepp").post("/v1/offers/" + offerId + "/accept", "");
    HttpResponse<String> berlin = engine.as("demo-dealer-de-ber-001").post("/v1/offers/" + offerId + "/reject", "");
    HttpResponse<String> unknown = admin.post("/v1/offers/of-unknown/accept", "");

    assertThat(sepp.statusCode()).isEqualTo(404);
    assertThat(sepp.headers().firstValue("Content-Type")).contains("application/problem+json");
    assertThat(berlin.statusCode()).isEqualTo(404);
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(new JsonObject(unknown.body()).getString("detail")).contains("No open offer of-unknown");
    assertThat(engine.as("demo-dealer-de-muc-001").post("/v1/offers/" + offerId + "/accept", "").statusCode())
        .isEqualTo(200);
  }

  @Test
  void offersAndTheirOutcomesAreMeasured() {
    register("sepp", MUNICH, "{\"chat\": 1}", 0);
    available("sepp");
    String contact = admin.createContact(MUNICH_CHAT).getString("id");
    String offerId = onlyOffer("sepp").getString("offerId");
    clock.advance(Duration.ofSeconds(3));
    admin.post("/v1/offers/" + offerId + "/accept", "");
    clock.advance(Duration.ofSeconds(120));
    admin.post("/v1/contacts/" + contact + "/complete", "");

    List<String> expected = List.of(
        "omniroute_offers_total{channel=\"chat\"} 1.0",
        "omniroute_offer_outcomes_total{channel=\"chat\",outcome=\"accepted\"} 1.0",
        "omniroute_offer_time_to_accept_seconds_sum{channel=\"chat\"} 3.0",
        "omniroute_handle_time_seconds_sum{channel=\"chat\"} 120.0",
        "omniroute_offer_time_to_offer_seconds_count{channel=\"chat\"} 1",
        "omniroute_agents{presence=\"available\"} 1.0",
        "omniroute_agent_occupancy_ratio{channel=\"chat\"} 0.0");

    String metrics = Eventually.until(() -> engine.as("demo-ops").scrape(),
        scraped -> expected.stream().allMatch(scraped::contains));

    assertThat(metrics).contains(expected);
  }

  private void register(String id, String queue, String capacity, int wrapUpSeconds) {
    register(id, List.of(queue), capacity, wrapUpSeconds);
  }

  private void register(String id, List<String> queues, String capacity, int wrapUpSeconds) {
    HttpResponse<String> put = admin.put("/v1/agents/" + id, "{\"name\":\"Agent " + id + "\",\"queues\":"
        + new JsonArray(queues).encode() + ",\"capacity\":" + capacity + ",\"wrapUpSeconds\":" + wrapUpSeconds + "}");
    assertThat(put.statusCode()).as(put.body()).isIn(200, 201);
  }

  private void available(String id) {
    HttpResponse<String> set = admin.put("/v1/agents/" + id + "/presence", "{\"presence\":\"available\"}");
    assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
  }

  private JsonObject agent(String id) {
    return new JsonObject(admin.get("/v1/agents/" + id).body());
  }

  private JsonObject contact(String id) {
    return new JsonObject(admin.get("/v1/contacts/" + id).body());
  }

  /** The one open offer of agent {@code id}, waiting for it to be made. */
  private JsonObject onlyOffer(String id) {
    JsonArray offers = Eventually.until(() -> agent(id).getJsonArray("offers"), open -> !open.isEmpty(), Duration.ofSeconds(3));
    assertThat(offers).hasSize(1);
    return offers.getJsonObject(0);
  }

  private static List<String> historyTypes(JsonObject contact) {
    return contact.getJsonArray("history").stream().map(step -> ((JsonObject) step).getString("type")).toList();
  }

  private static JsonObject lastOf(JsonArray history, String type) {
    JsonObject found = null;
    for (Object step : history) {
      if (type.equals(((JsonObject) step).getString("type"))) {
        found = (JsonObject) step;
      }
    }
    assertThat(found).as("a %s step in %s", type, history).isNotNull();
    return found;
  }

  private static <T> T await(io.vertx.core.Future<T> future) {
    return future.toCompletionStage().toCompletableFuture().orTimeout(10, java.util.concurrent.TimeUnit.SECONDS).join();
  }
}
