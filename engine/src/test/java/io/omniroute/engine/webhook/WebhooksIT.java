package io.omniroute.engine.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.omniroute.engine.contact.ContactEvent;
import io.omniroute.engine.delivery.Offer;
import io.omniroute.engine.delivery.OfferOutcome;
import io.omniroute.engine.queue.ContactRecord;
import io.omniroute.engine.support.EngineClient;
import io.omniroute.engine.support.RunningEngine;
import io.omniroute.engine.support.TestClock;
import io.omniroute.rules.model.Route;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Webhooks end to end on a running engine (memory store, a test clock) with a real HTTP receiver:
 * registration and its scope, signing, the CloudEvents shape, filters, dealer isolation, retries
 * with backoff, dead letters and their replay, and the metrics.
 */
class WebhooksIT {
  static final String SECRET = "3f6c0d2e9a8b4c7d1e5f6a7b8c9d0e1f";
  static final String MUNICH_MAIL = "{\"channel\":\"email\",\"from\":{\"email\":\"anna@example.com\"},"
      + "\"dealerId\":\"DE-MUC-001\",\"references\":{\"vin\":\"WNW12345678901234\"},\"text\":\"Wann ist mein Auto fertig?\"}";
  static final String BERLIN_MAIL = "{\"channel\":\"email\",\"from\":{\"email\":\"bert@example.com\"},"
      + "\"dealerId\":\"DE-BER-001\",\"references\":{\"vin\":\"WNW98765432109876\"},\"text\":\"Is my car ready?\"}";
  static final String ACCIDENT = "{\"channel\":\"voice\",\"from\":{\"phone\":\"+498912345678\"},"
      + "\"text\":\"I had an accident on the A9, the engine is smoking\"}";
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final Instant START = Instant.parse("2026-01-05T08:00:00Z");

  private final TestClock clock = new TestClock(START);
  private RunningEngine engine;
  private WebhookReceiver receiver;
  private EngineClient admin;
  private EngineClient munich;
  private EngineClient berlin;

  /** Test engine options with fast polling; retries after 1 s, doubling, for 24 h. */
  static WebhookOptions fastPolling() {
    return WebhookOptions.defaults().withAllowPrivateAddresses(true)
        .withPolling(Duration.ofMillis(20), Duration.ofMillis(200))
        .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(60));
  }

  @BeforeEach
  void start() {
    engine = RunningEngine.start(RunningEngine.testOptions().withWebhooks(fastPolling()), clock);
    receiver = WebhookReceiver.start();
    admin = engine.as("demo-admin");
    munich = engine.as("demo-dealer-de-muc-001");
    berlin = engine.as("demo-dealer-de-ber-001");
  }

  @AfterEach
  void stop() {
    engine.close();
    receiver.close();
  }

  static String webhook(String url, String events, String queues) {
    JsonObject body = new JsonObject().put("url", url).put("secret", SECRET);
    if (events != null) {
      body.put("events", new JsonArray(List.of(events.split(","))));
    }
    if (queues != null) {
      body.put("queues", new JsonArray(List.of(queues.split(","))));
    }
    return body.encode();
  }

  private void register(EngineClient client, String id, String body) {
    HttpResponse<String> created = client.put("/v1/webhooks/" + id, body);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
  }

  /**
   * The receiver-side check of docs/webhooks.md: the signature of {@code body} under {@code secret}, and
   * a time no more than five minutes from {@code nowSeconds}.
   */
  static boolean verified(String header, String body, String secret, long nowSeconds) throws Exception {
    Map<String, String> parts = new HashMap<>();
    for (String part : header.split(",")) {
      String[] pair = part.split("=", 2);
      parts.put(pair[0].strip(), pair.length > 1 ? pair[1].strip() : "");
    }
    long t = Long.parseLong(parts.get("t"));
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String expected = HexFormat.of().formatHex(mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8)));
    return Math.abs(nowSeconds - t) <= 300
        && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), parts.get("v1").getBytes(StandardCharsets.UTF_8));
  }

  private static Set<String> types(List<WebhookReceiver.Request> requests, String subject) {
    return requests.stream().filter(request -> subject.equals(request.subject()))
        .map(WebhookReceiver.Request::type).collect(Collectors.toSet());
  }

  @Test
  void registersAWebhookAndNeverShowsItsSecret() {
    HttpResponse<String> created = admin.put("/v1/webhooks/crm", webhook(receiver.url("/crm"),
        "io.omniroute.contact.queued", "dealer:DE-MUC-001"));

    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonObject shown = new JsonObject(created.body());
    assertThat(shown.getString("id")).isEqualTo("crm");
    assertThat(shown.getBoolean("secretSet")).isTrue();
    assertThat(shown.containsKey("secret")).isFalse();
    assertThat(created.body()).doesNotContain(SECRET);
    assertThat(shown.getJsonArray("events")).containsExactly("io.omniroute.contact.queued");
    assertThat(shown.getJsonArray("queues")).containsExactly("dealer:DE-MUC-001");
    assertThat(shown.getJsonArray("restrictedTo")).isEmpty();
    assertThat(shown.getString("createdBy")).isEqualTo("demo-admin");
    clock.advance(Duration.ofMinutes(1));

    HttpResponse<String> replaced = admin.put("/v1/webhooks/crm", webhook(receiver.url("/crm2"), null, null));

    assertThat(replaced.statusCode()).isEqualTo(200);
    JsonObject read = new JsonObject(admin.get("/v1/webhooks/crm").body());
    assertThat(read.getString("url")).isEqualTo(receiver.url("/crm2"));
    assertThat(read.getString("createdAt")).isEqualTo(START.toString());
    assertThat(read.getString("updatedAt")).isEqualTo(START.plusSeconds(60).toString());
    assertThat(admin.get("/v1/webhooks").body()).doesNotContain(SECRET).contains("\"id\":\"crm\"");
  }

  @Test
  void signsEveryRequestSoThatTheReceiverCanCheckItAndRefuseReplays() throws Exception {
    register(admin, "crm", webhook(receiver.url("/crm"), "io.omniroute.contact.queued", null));

    String contact = admin.as("demo-telephony").createContact(MUNICH_MAIL).getString("id");

    WebhookReceiver.Request request = receiver.awaitDelivered(1, WAIT).get(0);
    String signature = request.header("Omniroute-Signature");
    assertThat(signature).matches("t=\\d+,v1=[0-9a-f]{64}");
    assertThat(signature).startsWith("t=" + START.getEpochSecond() + ",");
    assertThat(verified(signature, request.body(), SECRET, START.getEpochSecond())).isTrue();
    assertThat(verified(signature, request.body(), "another secret of some length", START.getEpochSecond())).isFalse();
    assertThat(verified(signature, request.body().replace(contact, "someone-else"), SECRET, START.getEpochSecond()))
        .isFalse();
    assertThat(verified(signature, request.body(), SECRET, START.getEpochSecond() + 301)).as("a replay").isFalse();
    assertThat(request.header("Content-Type")).isEqualTo("application/cloudevents+json");
    assertThat(request.header("Omniroute-Webhook")).isEqualTo("crm");
    assertThat(request.header("User-Agent")).isEqualTo("Omniroute-Webhooks/1");
  }

  @Test
  void sendsEachStepOfAContactAsAStructuredCloudEvent() {
    register(admin, "crm", webhook(receiver.url("/crm"), null, null));

    String contact = admin.as("demo-telephony").createContact(MUNICH_MAIL).getString("id");
    assertThat(munich.post("/v1/queues/dealer:DE-MUC-001/claim", "{\"agent\":\"sepp\"}").statusCode()).isEqualTo(200);
    assertThat(munich.post("/v1/contacts/" + contact + "/complete", "{}").statusCode()).isEqualTo(200);

    List<WebhookReceiver.Request> requests = receiver.await(all -> types(all, contact).size() == 4, WAIT, "four steps");
    assertThat(types(requests, contact)).containsExactlyInAnyOrder("io.omniroute.contact.received",
        "io.omniroute.contact.queued", "io.omniroute.contact.assigned", "io.omniroute.contact.completed");
    JsonObject queued = requests.stream().filter(r -> r.type().equals("io.omniroute.contact.queued")).findFirst()
        .orElseThrow().json();
    assertThat(queued.getString("specversion")).isEqualTo("1.0");
    assertThat(queued.getString("id")).matches("[0-9a-f-]{36}");
    assertThat(queued.getString("source")).isEqualTo("/omniroute");
    assertThat(queued.getString("subject")).isEqualTo(contact);
    assertThat(Instant.parse(queued.getString("time"))).isEqualTo(START);
    assertThat(queued.getString("datacontenttype")).isEqualTo("application/json");
    JsonObject data = queued.getJsonObject("data");
    assertThat(data.getString("contactId")).isEqualTo(contact);
    assertThat(data.getString("conversationId")).isEqualTo(contact);
    assertThat(data.getString("queue")).isEqualTo("dealer:DE-MUC-001");
    assertThat(data.getString("level")).isEqualTo("DEALER");
    assertThat(data.getString("channel")).isEqualTo("email");
    assertThat(data.getString("status")).isEqualTo("QUEUED");
    JsonObject assigned = requests.stream().filter(r -> r.type().equals("io.omniroute.contact.assigned")).findFirst()
        .orElseThrow().json().getJsonObject("data");
    assertThat(assigned.getString("agent")).isEqualTo("sepp");
    assertThat(assigned.getString("status")).isEqualTo("ASSIGNED");
    assertThat(requests).extracting(WebhookReceiver.Request::eventId).doesNotHaveDuplicates();
  }

  @Test
  void aDealersCrmIsToldOfEachOfferToItsAgentsAndHowItEnded() {
    register(munich, "crm", webhook(receiver.url("/crm"), null, null));
    assertThat(munich.put("/v1/agents/sepp", "{\"name\":\"Sepp\",\"queues\":[\"dealer:DE-MUC-001\"],"
        + "\"capacity\":{\"email\":2}}").statusCode()).isEqualTo(201);
    assertThat(munich.put("/v1/agents/sepp/presence", "{\"presence\":\"available\"}").statusCode()).isEqualTo(200);

    String contact = admin.as("demo-telephony").createContact(MUNICH_MAIL).getString("id");
    JsonObject offered = receiver.await(all -> types(all, contact).contains("io.omniroute.contact.offered"), WAIT,
        "the offer").stream().filter(r -> r.type().equals("io.omniroute.contact.offered")).findFirst().orElseThrow()
        .json().getJsonObject("data");
    assertThat(engine.as("demo-agent-sepp").post("/v1/offers/" + offered.getString("offerId") + "/accept", "")
        .statusCode()).isEqualTo(200);

    List<WebhookReceiver.Request> requests = receiver.await(all -> types(all, contact).contains(
        "io.omniroute.contact.assigned"), WAIT, "the assignment");
    assertThat(types(requests, contact)).contains("io.omniroute.contact.queued", "io.omniroute.contact.offered",
        "io.omniroute.offer.accepted", "io.omniroute.contact.assigned");
    assertThat(offered.getString("contactId")).isEqualTo(contact);
    assertThat(offered.getString("conversationId")).isEqualTo(contact);
    assertThat(offered.getString("queue")).isEqualTo("dealer:DE-MUC-001");
    assertThat(offered.getString("channel")).isEqualTo("email");
    assertThat(offered.getString("agentId")).isEqualTo("sepp");
    assertThat(Instant.parse(offered.getString("expiresAt"))).isEqualTo(START.plus(Duration.ofMinutes(5)));
  }

  @Test
  void filtersByEventTypeAndByQueue() {
    register(admin, "completions", webhook(receiver.url("/completions"), "io.omniroute.contact.completed", null));
    register(admin, "berlin", webhook(receiver.url("/berlin"), null, "dealer:DE-BER-001"));
    register(admin, "everything", webhook(receiver.url("/everything"), null, null));
    EngineClient intake = admin.as("demo-telephony");

    String inMunich = intake.createContact(MUNICH_MAIL).getString("id");
    String inBerlin = intake.createContact(BERLIN_MAIL).getString("id");
    munich.post("/v1/queues/dealer:DE-MUC-001/claim", "{\"agent\":\"sepp\"}");
    munich.post("/v1/contacts/" + inMunich + "/complete", "{}");

    List<WebhookReceiver.Request> all = receiver.await(requests -> count(requests, "/everything") == 6
        && count(requests, "/completions") >= 1 && count(requests, "/berlin") >= 2, WAIT,
        "six events of two contacts, and what the filtered webhooks get of them (each webhook is delivered on its own)");
    assertThat(all.stream().filter(r -> r.path().equals("/completions")))
        .extracting(WebhookReceiver.Request::type, WebhookReceiver.Request::subject)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("io.omniroute.contact.completed", inMunich));
    assertThat(all.stream().filter(r -> r.path().equals("/berlin")).map(WebhookReceiver.Request::subject))
        .containsOnly(inBerlin).hasSize(2);
  }

  private static long count(List<WebhookReceiver.Request> requests, String path) {
    return requests.stream().filter(r -> r.path().equals(path)).count();
  }

  @Test
  void aDealerRegistersWebhooksForItsOwnQueueOnlyAndSeesOnlyItsOwn() {
    HttpResponse<String> foreign = munich.put("/v1/webhooks/crm", webhook(receiver.url("/crm"), null, "dealer:DE-BER-001"));
    HttpResponse<String> country = munich.put("/v1/webhooks/crm", webhook(receiver.url("/crm"), null, "country:DE"));

    assertThat(foreign.statusCode()).as(foreign.body()).isEqualTo(403);
    assertThat(foreign.body()).contains("dealer:DE-BER-001").contains("dealer:DE-MUC-001");
    assertThat(country.statusCode()).isEqualTo(403);
    HttpResponse<String> own = munich.put("/v1/webhooks/crm", webhook(receiver.url("/crm"), null, null));
    assertThat(own.statusCode()).as(own.body()).isEqualTo(201);
    assertThat(new JsonObject(own.body()).getJsonArray("restrictedTo")).containsExactly("dealer:DE-MUC-001");

    assertThat(berlin.get("/v1/webhooks/crm").statusCode()).isEqualTo(404);
    assertThat(new JsonObject(berlin.get("/v1/webhooks").body()).getJsonArray("webhooks")).isEmpty();
    assertThat(berlin.put("/v1/webhooks/crm", webhook(receiver.url("/stolen"), null, null)).statusCode()).isEqualTo(403);
    assertThat(berlin.delete("/v1/webhooks/crm").statusCode()).isEqualTo(404);
    assertThat(berlin.get("/v1/webhooks/crm/dead-letters").statusCode()).isEqualTo(404);
    assertThat(munich.get("/v1/webhooks/crm").statusCode()).isEqualTo(200);
    assertThat(engine.as("demo-ops").get("/v1/webhooks/crm").statusCode()).isEqualTo(200);
    HttpResponse<String> adminReplaced = admin.put("/v1/webhooks/crm", webhook(receiver.url("/crm"), null, null));
    assertThat(new JsonObject(adminReplaced.body()).getJsonArray("restrictedTo"))
        .as("an administrator's replacement keeps a dealer's webhook to the dealer's events").containsExactly("dealer:DE-MUC-001");
    assertThat(engine.as("demo-ops").put("/v1/webhooks/ops", webhook(receiver.url("/ops"), null, null)).statusCode())
        .isEqualTo(403);
  }

  @Test
  void aDealersWebhookNeverReceivesAnotherDealersEventsButSeesItsContactTransferredAway() {
    register(munich, "munich", webhook(receiver.url("/munich"), null, null));
    register(admin, "control", webhook(receiver.url("/control"), null, null));
    EngineClient intake = admin.as("demo-telephony");

    String inBerlin = intake.createContact(BERLIN_MAIL).getString("id");
    String atTheDesk = intake.createContact(ACCIDENT).getString("id");
    String inMunich = intake.createContact(MUNICH_MAIL).getString("id");
    HttpResponse<String> moved = engine.as("demo-supervisor").post("/v1/contacts/" + inMunich + "/transfer",
        "{\"queue\":\"country:DE\",\"reason\":\"needs the country team\"}");
    assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
    engine.as("demo-supervisor").post("/v1/contacts/" + inBerlin + "/transfer", "{\"queue\":\"country:DE\"}");

    receiver.await(all -> all.stream().filter(r -> r.path().equals("/control")).count() == 8, WAIT,
        "every event at the control webhook");
    String marker = intake.createContact(MUNICH_MAIL.replace("anna@", "marker@")).getString("id");
    List<WebhookReceiver.Request> all = receiver.await(requests -> requests.stream()
        .anyMatch(r -> r.path().equals("/munich") && marker.equals(r.subject())), WAIT, "the marker at Munich");

    List<WebhookReceiver.Request> toMunich = all.stream().filter(r -> r.path().equals("/munich")).toList();
    assertThat(toMunich).extracting(WebhookReceiver.Request::subject).doesNotContain(inBerlin, atTheDesk);
    assertThat(types(toMunich, inMunich)).containsExactlyInAnyOrder("io.omniroute.contact.received",
        "io.omniroute.contact.queued", "io.omniroute.contact.transferred");
    JsonObject transferred = toMunich.stream().filter(r -> r.type().equals("io.omniroute.contact.transferred"))
        .findFirst().orElseThrow().json().getJsonObject("data");
    assertThat(transferred.getString("from")).isEqualTo("dealer:DE-MUC-001");
    assertThat(transferred.getString("to")).isEqualTo("country:DE");
    assertThat(transferred.getString("queue")).isEqualTo("country:DE");
    assertThat(transferred.getString("reason")).isEqualTo("needs the country team");
  }

  @Test
  void publishesOffersOfADealersQueueToItsWebhookByOutcome() {
    register(munich, "munich", webhook(receiver.url("/munich"),
        "io.omniroute.contact.offered,io.omniroute.offer.timedout,io.omniroute.offer.rejected", null));
    register(berlin, "berlin", webhook(receiver.url("/berlin"), null, null));
    register(admin, "control", webhook(receiver.url("/control"), null, null));
    ContactRecord contact = WebhookEventTest.contact("c-offered", Route.dealer("DE-MUC-001", 5));
    Offer offer = new Offer("offer-7", contact.id(), contact.conversationId(), "dealer:DE-MUC-001", "email", "sepp",
        START, START.plusSeconds(30));

    engine.publish(new ContactEvent.Offered(contact, offer, START));
    engine.publish(new ContactEvent.OfferEnded(contact, offer, OfferOutcome.TIMED_OUT, null, START.plusSeconds(30)));
    engine.publish(new ContactEvent.OfferEnded(contact, offer, OfferOutcome.WITHDRAWN, null, START.plusSeconds(30)));

    receiver.await(all -> all.stream().filter(r -> r.path().equals("/control")).count() == 3, WAIT, "three offer events");
    List<WebhookReceiver.Request> all = receiver.await(requests -> requests.stream()
        .filter(r -> r.path().equals("/munich")).count() == 2, WAIT, "two offer events at Munich");
    List<WebhookReceiver.Request> toMunich = all.stream().filter(r -> r.path().equals("/munich")).toList();
    assertThat(toMunich).extracting(WebhookReceiver.Request::type)
        .containsExactlyInAnyOrder("io.omniroute.contact.offered", "io.omniroute.offer.timedout");
    JsonObject ended = toMunich.stream().filter(r -> r.type().equals("io.omniroute.offer.timedout")).findFirst()
        .orElseThrow().json().getJsonObject("data");
    assertThat(ended.getString("offerId")).isEqualTo("offer-7");
    assertThat(ended.getString("agentId")).isEqualTo("sepp");
    assertThat(ended.getString("expiresAt")).isEqualTo(START.plusSeconds(30).toString());
    assertThat(ended.getString("outcome")).isEqualTo("timedout");
    assertThat(all.stream().filter(r -> r.path().equals("/berlin"))).isEmpty();
  }

  @Test
  void retriesAFailedDeliveryWithBackoffThenDeliversItWithTheSameEventId() throws Exception {
    register(admin, "crm", webhook(receiver.url("/crm"), "io.omniroute.contact.queued", null));
    receiver.answer(503);

    admin.as("demo-telephony").createContact(MUNICH_MAIL);

    receiver.await(all -> all.size() == 1, WAIT, "the first attempt");
    awaitMetric("omniroute_webhook_deliveries_total{outcome=\"retried\"} 1.0");
    clock.advance(Duration.ofMillis(700));
    Thread.sleep(300);
    assertThat(receiver.requests()).as("not before the first backoff of 0.8 to 1.2 s").hasSize(1);
    clock.advance(Duration.ofMillis(600));
    receiver.await(all -> all.size() == 2, WAIT, "the first retry");
    awaitMetric("omniroute_webhook_deliveries_total{outcome=\"retried\"} 2.0");
    clock.advance(Duration.ofMillis(1500));
    Thread.sleep(300);
    assertThat(receiver.requests()).as("not before the second backoff of 1.6 to 2.4 s").hasSize(2);
    receiver.answer(200);
    clock.advance(Duration.ofMillis(1000));

    List<WebhookReceiver.Request> attempts = receiver.awaitDelivered(1, WAIT);
    List<WebhookReceiver.Request> all = receiver.requests();
    assertThat(all).hasSize(3);
    assertThat(all).extracting(WebhookReceiver.Request::answered).containsExactly(503, 503, 200);
    assertThat(all).extracting(WebhookReceiver.Request::eventId).containsOnly(attempts.get(0).eventId());
    assertThat(all).extracting(WebhookReceiver.Request::body).containsOnly(attempts.get(0).body());
    assertThat(all).extracting(request -> request.header("Omniroute-Delivery-Attempt")).containsExactly("1", "2", "3");
    assertThat(all.get(2).header("Omniroute-Signature")).startsWith("t=" + (START.getEpochSecond() + 3) + ",");
    assertThat(verified(all.get(2).header("Omniroute-Signature"), all.get(2).body(), SECRET, START.getEpochSecond() + 3))
        .isTrue();
    String metrics = awaitMetric("omniroute_webhook_deliveries_total{outcome=\"delivered\"} 1.0");
    assertThat(metrics).contains("omniroute_webhook_deliveries_total{outcome=\"retried\"} 2.0")
        .contains("omniroute_webhook_attempt_failures_total{reason=\"status-5xx\"} 2.0")
        .contains("omniroute_webhook_delivery_duration_seconds_count{outcome=\"success\"} 1")
        .contains("omniroute_webhook_deliveries_pending");
    assertThat(new JsonObject(admin.get("/v1/webhooks/crm/dead-letters").body()).getInteger("total")).isZero();
  }

  @Test
  void aDeliveryFailingForTheWholeRetryPeriodBecomesADeadLetterThatOpsReplay() {
    register(munich, "crm", webhook(receiver.url("/crm"), "io.omniroute.contact.queued", null));
    receiver.answer(503);
    String contact = admin.as("demo-telephony").createContact(MUNICH_MAIL).getString("id");
    receiver.await(all -> all.size() == 1, WAIT, "the first attempt");
    awaitMetric("omniroute_webhook_deliveries_total{outcome=\"retried\"} 1.0");

    clock.advance(Duration.ofHours(25));

    receiver.await(all -> all.size() == 2, WAIT, "the last attempt");
    JsonObject dead = awaitDeadLetters(munich, 1);
    JsonObject letter = dead.getJsonArray("deadLetters").getJsonObject(0);
    String eventId = receiver.requests().get(0).eventId();
    assertThat(letter.getString("eventId")).isEqualTo(eventId);
    assertThat(letter.getString("type")).isEqualTo("io.omniroute.contact.queued");
    assertThat(letter.getString("subject")).isEqualTo(contact);
    assertThat(letter.getInteger("attempts")).isEqualTo(2);
    assertThat(letter.getString("lastError")).isEqualTo("the receiver answered 503");
    assertThat(letter.getString("deadAt")).isEqualTo(START.plus(Duration.ofHours(25)).toString());
    assertThat(letter.getJsonObject("event").getString("id")).isEqualTo(eventId);
    awaitMetric("omniroute_webhook_deliveries_total{outcome=\"dead-lettered\"} 1.0");
    receiver.answer(200);

    HttpResponse<String> replayed = engine.as("demo-ops").post("/v1/webhooks/crm/dead-letters/replay",
        new JsonObject().put("eventIds", new JsonArray().add(eventId).add("no-such-event")).encode());

    assertThat(replayed.statusCode()).as(replayed.body()).isEqualTo(200);
    assertThat(new JsonObject(replayed.body())).isEqualTo(new JsonObject().put("replayed", 1)
        .put("notFound", new JsonArray().add("no-such-event")));
    List<WebhookReceiver.Request> delivered = receiver.awaitDelivered(1, WAIT);
    assertThat(delivered.get(0).eventId()).isEqualTo(eventId);
    assertThat(delivered.get(0).body()).isEqualTo(receiver.requests().get(0).body());
    assertThat(new JsonObject(munich.get("/v1/webhooks/crm/dead-letters").body()).getInteger("total")).isZero();
    HttpResponse<String> nothingLeft = munich.post("/v1/webhooks/crm/dead-letters/replay", "{}");
    assertThat(new JsonObject(nothingLeft.body()).getInteger("replayed")).isZero();
  }

  @Test
  void deletingAWebhookStopsItsDeliveries() {
    register(admin, "gone", webhook(receiver.url("/gone"), null, null));
    register(admin, "control", webhook(receiver.url("/control"), null, null));

    assertThat(admin.delete("/v1/webhooks/gone").statusCode()).isEqualTo(204);
    assertThat(admin.get("/v1/webhooks/gone").statusCode()).isEqualTo(404);
    assertThat(admin.delete("/v1/webhooks/gone").statusCode()).isEqualTo(404);
    String contact = admin.as("demo-telephony").createContact(MUNICH_MAIL).getString("id");

    List<WebhookReceiver.Request> all = receiver.await(requests -> types(requests, contact).size() == 2, WAIT,
        "the control webhook's events");
    assertThat(all).extracting(WebhookReceiver.Request::path).containsOnly("/control");
  }

  @Test
  void refusesAMalformedWebhookNamingTheField() {
    HttpResponse<String> shortSecret = admin.put("/v1/webhooks/crm",
        new JsonObject().put("url", receiver.url("/crm")).put("secret", "short").encode());
    HttpResponse<String> unknownType = admin.put("/v1/webhooks/crm", webhook(receiver.url("/crm"), "io.omniroute.contact.routed", null));
    HttpResponse<String> unknownQueue = admin.put("/v1/webhooks/crm", webhook(receiver.url("/crm"), null, "dealer:NOWHERE"));

    assertThat(shortSecret.statusCode()).isEqualTo(400);
    assertThat(shortSecret.body()).contains("secret");
    assertThat(unknownType.statusCode()).isEqualTo(400);
    assertThat(unknownType.body()).contains("events.0");
    assertThat(unknownQueue.statusCode()).isEqualTo(422);
    assertThat(unknownQueue.body()).contains("queues[0]").contains("dealer:NOWHERE");
    assertThat(admin.get("/v1/webhooks/crm").statusCode()).isEqualTo(404);
  }

  @Test
  void refusesReceiversOnInternalAddressesSayingWhatToFix() {
    try (RunningEngine publicOnly = RunningEngine.start(RunningEngine.testOptions().withWebhooks(WebhookOptions.defaults()),
        clock)) {
      EngineClient client = publicOnly.as("demo-admin");
      Map<String, String> refusals = Map.of(
          receiver.url("/crm"), "127.0.0.1, a loopback address",
          "http://localhost:8080/crm", "a loopback address",
          "http://10.1.2.3/crm", "a private-range address",
          "http://[fd12:3456::1]/crm", "a private-range address",
          "http://169.254.169.254/latest/meta-data/", "a cloud metadata address",
          "http://[::ffff:169.254.169.254]/", "a cloud metadata address",
          "http://2130706433/crm", "four decimal numbers",
          "ftp://crm.example.com/in", "http or https",
          "http://no-such-host.invalid/crm", "does not resolve");
      refusals.forEach((url, reason) -> {
        HttpResponse<String> refused = client.put("/v1/webhooks/crm", webhook(url, null, null));
        assertThat(refused.statusCode()).as(url).isEqualTo(422);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonObject problem = new JsonObject(refused.body());
        assertThat(problem.getString("detail")).as(url).contains(reason).contains("Nothing was stored");
        assertThat(problem.getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("url");
      });
      assertThat(client.put("/v1/webhooks/crm", webhook(receiver.url("/crm"), null, null)).body())
          .contains("OMNIROUTE_WEBHOOKS_ALLOW_PRIVATE=true");
      assertThat(client.get("/v1/webhooks/crm").statusCode()).isEqualTo(404);
    }
    HttpResponse<String> metadata = admin.put("/v1/webhooks/crm", webhook("http://169.254.169.254/", null, null));
    assertThat(metadata.statusCode()).as("never a metadata address, even with private receivers allowed").isEqualTo(422);
    assertThat(admin.put("/v1/webhooks/crm", webhook(receiver.url("/crm"), null, null)).statusCode()).isEqualTo(201);
  }

  private JsonObject awaitDeadLetters(EngineClient client, int count) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    JsonObject dead;
    do {
      dead = new JsonObject(client.get("/v1/webhooks/crm/dead-letters").body());
      if (dead.getInteger("total") == count) {
        return dead;
      }
      pause();
    } while (System.nanoTime() < deadline);
    throw new AssertionError("expected " + count + " dead letters, got " + dead);
  }

  private String awaitMetric(String line) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    String metrics;
    do {
      metrics = engine.scrape();
      if (metrics.contains(line)) {
        return metrics;
      }
      pause();
    } while (System.nanoTime() < deadline);
    throw new AssertionError("no metric line " + line + " in " + metrics.lines().filter(l -> l.contains("webhook")).toList());
  }

  private static void pause() {
    try {
      Thread.sleep(20);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
