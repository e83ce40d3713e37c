package io.omniroute.engine.api;

import static io.omniroute.engine.support.StreamFixtures.BERT;
import static io.omniroute.engine.support.StreamFixtures.MUNICH_MAIL;
import static io.omniroute.engine.support.StreamFixtures.SEPP;
import static io.omniroute.engine.support.StreamFixtures.contact;
import static io.omniroute.engine.support.StreamFixtures.end;
import static io.omniroute.engine.support.StreamFixtures.offer;
import static org.assertj.core.api.Assertions.assertThat;

import io.omniroute.engine.contact.ContactEvent;
import io.omniroute.engine.delivery.Offer;
import io.omniroute.engine.delivery.OfferOutcome;
import io.omniroute.engine.http.Problem;
import io.omniroute.engine.queue.ContactRecord;
import io.omniroute.engine.stream.Retention;
import io.omniroute.engine.stream.StreamSettings;
import io.omniroute.engine.support.EngineClient;
import io.omniroute.engine.support.RunningEngine;
import io.omniroute.engine.support.SseStream;
import io.omniroute.engine.support.SseStream.Event;
import io.omniroute.engine.support.StreamFixtures;
import io.omniroute.engine.support.WebSocketStream;
import io.vertx.core.json.JsonObject;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The event streams of agents and queues on a running engine: what an agent and a queue see of a
 * contact's life, resuming with the last event id (exactly the missed events, nothing twice), a
 * reset for a client too far behind, who may read which stream, and the same streams over a
 * WebSocket. Offers are published as the offer engine will publish them ({@link
 * ContactEvent.Offered}, {@link ContactEvent.OfferEnded}); queueing, claiming and completing go
 * through the API.
 */
class EventStreamsIT {


  static final String MUNICH_QUEUE = "/v1/queues/dealer:DE-MUC-001/events";

  private static RunningEngine engine;
  private static EngineClient munich;
  private static EngineClient sepp;

  @BeforeAll
  static void start() {
    engine = RunningEngine.start();
    munich = engine.as("demo-dealer-de-muc-001");
    sepp = engine.as("demo-agent-sepp");
    assertThat(munich.put("/v1/agents/sepp", SEPP).statusCode()).isEqualTo(201);
    assertThat(engine.as("demo-dealer-de-ber-001").put("/v1/agents/bert", BERT).statusCode()).isEqualTo(201);
  }

  @AfterAll
  static void stop() {
    engine.close();
  }

  @Test
  void aDealersAgentReceivesTheOffersOfItsQueueTheirOutcomesAndItsAssignments() {
    try (SseStream stream = sepp.events("/v1/agents/sepp/events")) {
      assertThat(stream.status()).isEqualTo(200);
      assertThat(stream.response().headers().firstValue("Content-Type")).hasValue("text/event-stream");
      ContactRecord contact = contact(engine, munich.as("demo-telephony").createContact(MUNICH_MAIL).getString("id"));
      Offer offer = offer(engine.engine(), contact, "sepp");

      Event offered = stream.next();
      end(engine.engine(), contact, offer, OfferOutcome.WITHDRAWN, null);
      Event withdrawn = stream.next();
      String claimed = new JsonObject(munich.post("/v1/queues/dealer:DE-MUC-001/claim", "{\"agent\":\"sepp\"}").body())
          .getString("id");
      Event assigned = stream.next();

      assertThat(stream.retry()).isEqualTo("2000");
      assertThat(offered.type()).isEqualTo("offer.offered");
      assertThat(offered.id()).matches("[0-9]+-[0-9]+");
      assertThat(offered.json().getMap()).containsEntry("offerId", offer.id()).containsEntry("contactId", contact.id())
          .containsEntry("conversationId", contact.conversationId()).containsEntry("queue", "dealer:DE-MUC-001")
          .containsEntry("channel", "email").containsEntry("agentId", "sepp")
          .containsEntry("expiresAt", offer.expiresAt().toString()).containsEntry("offeredAt", offer.offeredAt().toString());
      assertThat(withdrawn.type()).isEqualTo("offer.withdrawn");
      assertThat(withdrawn.json().getMap()).containsEntry("offerId", offer.id()).containsEntry("outcome", "withdrawn");
      assertThat(assigned.type()).isEqualTo("contact.assigned");
      assertThat(assigned.json().getMap()).containsEntry("agent", "sepp").containsEntry("queue", "dealer:DE-MUC-001")
          .containsEntry("status", "ASSIGNED").containsEntry("contactId", claimed);
      assertThat(List.of(offered.id(), withdrawn.id(), assigned.id())).isSortedAccordingTo(StreamFixtures::byId);
    }
  }

  @Test
  void theQueueStreamShowsAContactQueuedAssignedAndCompletedAndTheQueuesDepth() {
    try (SseStream stream = munich.events(MUNICH_QUEUE)) {
      Event initial = stream.next();
      long before = initial.json().getLong("depth");
      String id = engine.as("demo-telephony").createContact(MUNICH_MAIL).getString("id");

      Event queued = stream.nextMatching(event -> event.type().equals("contact.queued") && id.equals(contactIdOf(event)));
      Event deeper = stream.nextMatching(event -> event.type().equals("queue.depth"));
      String claimed = new JsonObject(munich.post("/v1/queues/dealer:DE-MUC-001/claim", "{\"agent\":\"sepp\"}").body())
          .getString("id");
      Event assigned = stream.nextMatching(event -> event.type().equals("contact.assigned"));
      munich.post("/v1/contacts/" + claimed + "/complete", "{}");
      Event completed = stream.nextMatching(event -> event.type().equals("contact.completed"));

      assertThat(initial.type()).isEqualTo("queue.depth");
      assertThat(initial.id()).isNull();
      assertThat(initial.json().getString("queue")).isEqualTo("dealer:DE-MUC-001");
      assertThat(queued.json().getMap()).containsEntry("queue", "dealer:DE-MUC-001").containsEntry("channel", "email")
          .containsEntry("status", "QUEUED").containsEntry("level", "DEALER").containsKeys("conversationId", "priority", "at");
      assertThat(deeper.id()).isNull();
      assertThat(deeper.json().getLong("depth")).isEqualTo(before + 1);
      assertThat(deeper.json().getLong("oldestWaitSeconds")).isNotNull();
      assertThat(assigned.json().getMap()).containsEntry("contactId", claimed).containsEntry("agent", "sepp");
      assertThat(completed.json().getMap()).containsEntry("contactId", claimed).containsEntry("status", "COMPLETED");
    }
  }

  @Test
  void aTransferShowsInTheQueueItLeftAndTheQueueItEntered() {
    try (SseStream munichStream = munich.events(MUNICH_QUEUE);
        SseStream centralStream = engine.as("demo-supervisor").events("/v1/queues/central/events")) {
      String id = engine.as("demo-telephony").createContact(MUNICH_MAIL).getString("id");
      munichStream.nextMatching(event -> event.type().equals("contact.queued") && id.equals(contactIdOf(event)));

      engine.as("demo-supervisor").post("/v1/contacts/" + id + "/transfer", "{\"queue\":\"central\",\"reason\":\"urgent\"}");

      Event left = munichStream.nextMatching(event -> event.type().equals("contact.transferred"));
      Event entered = centralStream.nextMatching(event -> event.type().equals("contact.transferred"));
      assertThat(left.json().getMap()).containsEntry("contactId", id).containsEntry("from", "dealer:DE-MUC-001")
          .containsEntry("to", "central").containsEntry("reason", "urgent");
      assertThat(entered.data()).isEqualTo(left.data());
    }
  }

  @Test
  void aClientThatReconnectsWithItsLastEventIdGetsExactlyTheEventsItMissedAndThenTheLiveOnes() {
    ContactRecord contact = contact(engine, engine.as("demo-telephony").createContact(MUNICH_MAIL).getString("id"));
    String lastSeen;
    try (SseStream stream = sepp.events("/v1/agents/sepp/events")) {
      offer(engine.engine(), contact, "sepp");
      offer(engine.engine(), contact, "sepp");
      lastSeen = stream.next(2).get(1).id();
    }
    List<String> missed = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      missed.add(offer(engine.engine(), contact, "sepp").id());
    }

    try (SseStream resumed = sepp.events("/v1/agents/sepp/events", lastSeen)) {
      List<Event> replayed = resumed.next(5);
      String live = offer(engine.engine(), contact, "sepp").id();
      Event next = resumed.next();

      assertThat(replayed).extracting(event -> event.json().getString("offerId")).containsExactlyElementsOf(missed);
      assertThat(replayed).extracting(Event::id).isSortedAccordingTo(StreamFixtures::byId).doesNotHaveDuplicates();
      assertThat(next.json().getString("offerId")).isEqualTo(live);
      assertThat(resumed.drain(Duration.ofMillis(300))).as("nothing twice").isEmpty();
    }
  }

  @Test
  void theLastEventIdQueryParameterResumesForClientsThatCannotSetHeadersAndTheHeaderWins() {
    ContactRecord contact = contact(engine, engine.as("demo-telephony").createContact(MUNICH_MAIL).getString("id"));
    List<String> ids = new ArrayList<>();
    try (SseStream stream = sepp.events("/v1/agents/sepp/events")) {
      for (int i = 0; i < 3; i++) {
        offer(engine.engine(), contact, "sepp");
      }
      stream.next(3).forEach(event -> ids.add(event.id()));
    }

    try (SseStream byQuery = sepp.events("/v1/agents/sepp/events?lastEventId=" + ids.get(0));
        SseStream byHeader = sepp.events("/v1/agents/sepp/events?lastEventId=" + ids.get(0), ids.get(1))) {
      assertThat(byQuery.next(2)).extracting(Event::id).containsExactly(ids.get(1), ids.get(2));
      assertThat(byHeader.next()).extracting(Event::id).isEqualTo(ids.get(2));
    }
  }

  @Test
  void aClientWithAGarbledIdGetsAResetWithTheLatestIdAndThenTheLiveEvents() {
    ContactRecord contact = contact(engine, engine.as("demo-telephony").createContact(MUNICH_MAIL).getString("id"));
    String latest;
    try (SseStream before = sepp.events("/v1/agents/sepp/events")) {
      offer(engine.engine(), contact, "sepp");
      latest = before.next().id();
    }

    try (SseStream stream = sepp.events("/v1/agents/sepp/events", "yesterday")) {
      Event reset = stream.next();
      Offer live = offer(engine.engine(), contact, "sepp");

      assertThat(reset.type()).isEqualTo("reset");
      assertThat(reset.id()).isEqualTo(latest);
      assertThat(reset.json().getString("reason")).isEqualTo("malformed");
      assertThat(stream.next().json().getString("offerId")).isEqualTo(live.id());
    }
  }

  @Test
  void aClientFurtherBehindThanTheStreamKeepsGetsAResetThenTheEventsAfterIt() {
    StreamSettings keepThree = StreamSettings.defaults().withRetention(new Retention(3, Duration.ZERO));
    try (RunningEngine small = RunningEngine.start(RunningEngine.testOptions().withStreams(keepThree), Clock.systemUTC())) {
      small.put("/v1/agents/sepp", SEPP);
      ContactRecord contact = contact(small, small.as("demo-telephony").createContact(MUNICH_MAIL).getString("id"));
      String first;
      List<String> offers = new ArrayList<>();
      try (SseStream stream = small.as("demo-agent-sepp").events("/v1/agents/sepp/events")) {
        offers.add(offer(small.engine(), contact, "sepp").id());
        first = stream.next().id();
        for (int i = 0; i < 9; i++) {
          offers.add(offer(small.engine(), contact, "sepp").id());
        }
        assertThat(stream.next(9)).extracting(event -> event.json().getString("offerId"))
            .containsExactlyElementsOf(offers.subList(1, 10));
      }

      try (SseStream behind = small.as("demo-agent-sepp").events("/v1/agents/sepp/events", first)) {
        Event reset = behind.next();
        String live = offer(small.engine(), contact, "sepp").id();

        assertThat(reset.type()).isEqualTo("reset");
        assertThat(reset.json().getString("reason")).isEqualTo("expired");
        assertThat(reset.id()).isNotNull();
        assertThat(behind.next().json().getString("offerId")).isEqualTo(live);
        assertThat(behind.drain(Duration.ofMillis(300))).isEmpty();
      }
    }
  }

  @Test
  void idleConnectionsGetAHeartbeatSoThatProxiesKeepThem() throws InterruptedException {
    StreamSettings often = StreamSettings.defaults().withHeartbeat(Duration.ofMillis(100));
    try (RunningEngine beating = RunningEngine.start(RunningEngine.testOptions().withStreams(often), Clock.systemUTC());
        SseStream stream = beating.events("/v1/queues/central/events");
        WebSocketStream socket = WebSocketStream.open(beating.port(), "/v1/queues/central/events", "Bearer demo-admin")) {
      waitFor(() -> stream.comments().contains("heartbeat") && socket.pings() > 0);

      assertThat(stream.next().type()).as("only the depth, no event for a heartbeat").isEqualTo("queue.depth");
    }
  }

  @Test
  void anAgentStreamIsReadAsTheAgentIs() {
    assertStatus(engine.as("demo-dealer-de-muc-001").events("/v1/agents/sepp/events"), 200);
    assertStatus(engine.as("demo-agent-sepp").events("/v1/agents/sepp/events"), 200);
    assertStatus(engine.as("demo-supervisor-de").events("/v1/agents/sepp/events"), 200);
    assertStatus(engine.as("demo-ops").events("/v1/agents/bert/events"), 200);
    assertProblem(engine.as("demo-dealer-de-ber-001").events("/v1/agents/sepp/events"), 404);
    assertProblem(engine.as("demo-dealer-de-muc-001").events("/v1/agents/bert/events"), 404);
    assertProblem(engine.as("demo-agent-sepp").events("/v1/agents/bert/events"), 404);
    assertProblem(engine.as("demo-agent-sepp").events("/v1/agents/nobody/events"), 404);
    assertProblem(engine.as("demo-telephony").events("/v1/agents/sepp/events"), 403);
    assertProblem(engine.anonymous().events("/v1/agents/sepp/events"), 401);
  }

  @Test
  void aQueueStreamIsReadAsTheQueueIs() {
    assertStatus(engine.as("demo-dealer-de-muc-001").events(MUNICH_QUEUE), 200);
    assertStatus(engine.as("demo-ops").events("/v1/queues/central/events"), 200);
    assertProblem(engine.as("demo-dealer-de-muc-001").events("/v1/queues/dealer:DE-BER-001/events"), 403);
    assertProblem(engine.as("demo-agent-sepp").events(MUNICH_QUEUE), 403);
    assertProblem(engine.as("demo-admin").events("/v1/queues/dealer:NOWHERE/events"), 404);
    assertProblem(engine.as("demo-admin").events("/v1/queues/central/events", "x".repeat(201)), 400);
  }

  @Test
  void headAnswersTheHeadersOfTheStreamWithoutOpeningIt() throws Exception {
    var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(engine.uri(MUNICH_QUEUE))
        .header("Authorization", "Bearer demo-dealer-de-muc-001").method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody())
        .timeout(Duration.ofSeconds(10)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("text/event-stream");
  }

  @Test
  void theSameStreamsOverAWebSocketWithTheTokenAsSubprotocolAndResumingByQueryParameter() {
    ContactRecord contact = contact(engine, engine.as("demo-telephony").createContact(MUNICH_MAIL).getString("id"));
    String first;
    try (WebSocketStream socket = WebSocketStream.open(engine.port(), "/v1/agents/sepp/events", null,
        "omniroute.events", "bearer.demo-agent-sepp")) {
      assertThat(socket.accepted()).isTrue();
      assertThat(socket.subprotocol()).isEqualTo("omniroute.events");
      Offer offer = offer(engine.engine(), contact, "sepp");

      JsonObject message = socket.next();

      assertThat(message.fieldNames()).containsExactlyInAnyOrder("id", "type", "data");
      assertThat(message.getString("type")).isEqualTo("offer.offered");
      assertThat(message.getJsonObject("data").getString("offerId")).isEqualTo(offer.id());
      assertThat(message.getJsonObject("data").getString("expiresAt")).isEqualTo(offer.expiresAt().toString());
      first = message.getString("id");
    }
    Offer missed = offer(engine.engine(), contact, "sepp");

    try (WebSocketStream resumed = WebSocketStream.open(engine.port(), "/v1/agents/sepp/events?lastEventId=" + first,
        "Bearer demo-dealer-de-muc-001")) {
      assertThat(resumed.next().getJsonObject("data").getString("offerId")).isEqualTo(missed.id());
    }
    try (WebSocketStream depth = WebSocketStream.open(engine.port(), MUNICH_QUEUE, "Bearer demo-dealer-de-muc-001")) {
      JsonObject initial = depth.next();
      assertThat(initial.getValue("id")).isNull();
      assertThat(initial.getString("type")).isEqualTo("queue.depth");
    }
  }

  @Test
  void aWebSocketHandshakeIsRefusedAsTheSseRequestWouldBe() {
    assertThat(refusal("/v1/agents/sepp/events", null)).isEqualTo(401);
    assertThat(refusal("/v1/agents/sepp/events", "Bearer not-a-known-token")).isEqualTo(401);
    assertThat(refusal("/v1/agents/bert/events", "Bearer demo-agent-sepp")).isEqualTo(404);
    assertThat(refusal("/v1/agents/sepp/events", "Bearer demo-dealer-de-ber-001")).isEqualTo(404);
    assertThat(refusal("/v1/queues/dealer:DE-BER-001/events", "Bearer demo-dealer-de-muc-001")).isEqualTo(403);
    assertThat(refusal("/v1/queues/dealer:NOWHERE/events", "Bearer demo-admin")).isEqualTo(404);
    assertThat(refusal("/v1/queues/central/events?lastEventId=" + "x".repeat(201), "Bearer demo-admin")).isEqualTo(400);
    assertThat(refusal("/v1/contacts", "Bearer demo-admin")).isEqualTo(404);
  }

  @Test
  void aClientThatDoesNotReadIsDisconnectedInsteadOfBuffered() throws Exception {
    ContactRecord contact = contact(engine, engine.as("demo-telephony").createContact(MUNICH_MAIL).getString("id"));
    try (Socket client = new Socket()) {
      client.setReceiveBufferSize(4096);
      client.connect(new java.net.InetSocketAddress("127.0.0.1", engine.port()));
      client.getOutputStream().write(("GET /v1/agents/sepp/events HTTP/1.1\r\nHost: x\r\n"
          + "Authorization: Bearer demo-agent-sepp\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      waitFor(() -> engine.scrape().contains("omniroute_stream_connections{transport=\"sse\"} 1.0")
          || engine.scrape().matches("(?s).*omniroute_stream_connections\\{transport=\"sse\"} [1-9].*"));
      String reason = "r".repeat(10_000);
      for (int i = 0; i < 2_000 && (i % 50 != 0 || !engine.scrape().contains("reason=\"slow\"")); i++) {
        Offer offer = offer(engine.engine(), contact, "sepp");
        engine.engine().events().publish(
            new ContactEvent.OfferEnded(contact, offer, OfferOutcome.REJECTED, reason, Instant.now()));
      }

      waitFor(() -> engine.scrape().contains("omniroute_stream_disconnects_total{reason=\"slow\"}"));
      client.setSoTimeout(10_000);
      InputStream in = client.getInputStream();
      byte[] buffer = new byte[65_536];
      long read = 0;
      int n;
      try {
        while ((n = in.read(buffer)) >= 0) {
          read += n;
        }
      } catch (java.net.SocketException reset) {
        // the engine reset the connection
      }
      assertThat(read).as("what the engine had sent before it gave up").isLessThan(100L * 1024 * 1024);
    }
  }

  static void assertStatus(SseStream stream, int status) {
    try (stream) {
      assertThat(stream.status()).as(stream.errorBody()).isEqualTo(status);
    }
  }

  static void assertProblem(SseStream stream, int status) {
    try (stream) {
      assertThat(stream.status()).as(stream.errorBody()).isEqualTo(status);
      assertThat(stream.response().headers().firstValue("Content-Type")).hasValue(Problem.CONTENT_TYPE);
      assertThat(new JsonObject(stream.errorBody()).getString("detail")).isNotBlank();
    }
  }

  private static int refusal(String pathAndQuery, String authorization) {
    try (WebSocketStream socket = WebSocketStream.open(engine.port(), pathAndQuery, authorization)) {
      return socket.refusedStatus();
    }
  }

  static String contactIdOf(Event event) {
    return event.id() == null ? null : event.json().getString("contactId");
  }

  static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within 15 s");
      }
      Thread.sleep(20);
    }
  }
}
