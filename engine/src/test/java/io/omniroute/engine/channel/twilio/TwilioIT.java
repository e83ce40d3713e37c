package io.omniroute.engine.channel.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import io.omniroute.adapters.twilio.FormBody;
import io.omniroute.adapters.twilio.TwilioSignature;
import io.omniroute.engine.EngineOptions;
import io.omniroute.engine.queue.ContactRecord;
import io.omniroute.engine.queue.ContactStatus;
import io.omniroute.engine.support.EngineClient;
import io.omniroute.engine.support.RunningEngine;
import io.omniroute.engine.support.TestClock;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Twilio's voice, status and SMS webhooks against a running engine, signed as Twilio signs them. */
class TwilioIT {
  private static final String TOKEN = "twilio-test-auth-token";
  private static final String PUBLIC_URL = "https://omniroute.example.com";
  private static final String MUNICH_HOTLINE = "+498912340000";
  private static final String CENTRAL_DESK = "+498920000001";
  private static final String CALLER = "+4915112345678";
  private static final String CALL_SID = "CA00000000000000000000000000000001";
  private static final Pattern CONTACT_ID = Pattern.compile("contactId=([0-9a-f-]+)");

  private final TestClock clock = new TestClock(Instant.parse("2026-12-06T09:00:00Z"));

  private RunningEngine start() {
    EngineOptions options = RunningEngine.testOptions().withTwilio(TwilioOptions.off().withAuthToken(TOKEN)
        .withPublicUrl(URI.create(PUBLIC_URL)).withDialNumbers(Map.of("central", CENTRAL_DESK)));
    return RunningEngine.start(options, clock);
  }

  @Test
  void aCallOfAnOwnedCustomerWaitsInTheOwnerDealersQueueAndIsAbandonedByItsStatusCallback() {
    try (RunningEngine engine = start()) {
      ownedCustomer(engine);

      HttpResponse<String> answer = signed(engine, "/v1/channels/twilio/voice", call(CALL_SID, "Wann ist mein Auto fertig?"));

      assertThat(answer.statusCode()).isEqualTo(200);
      assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/xml"));
      String contactId = contactIdIn(answer.body());
      assertThat(answer.body()).contains("<Enqueue action=\"" + PUBLIC_URL + "/v1/channels/twilio/voice/status?contactId="
          + contactId + "\">dealer:DE-BER-001</Enqueue>");
      ContactRecord contact = submitted(engine, CALL_SID);
      assertThat(contact.id()).isEqualTo(contactId);
      assertThat(contact.channel()).isEqualTo("voice");
      assertThat(contact.customer().id()).isEqualTo("C-TWILIO");

      HttpResponse<String> hungUp = signed(engine, "/v1/channels/twilio/voice/status", status(CALL_SID, "CallStatus=completed"));
      HttpResponse<String> again = signed(engine, "/v1/channels/twilio/voice/status", status(CALL_SID, "CallStatus=completed"));

      assertThat(hungUp.statusCode()).isEqualTo(200);
      assertThat(again.statusCode()).isEqualTo(200);
      assertThat(submitted(engine, CALL_SID).status()).isEqualTo(ContactStatus.ABANDONED);
    }
  }

  @Test
  void twiliosRetryOfACallGetsTheSameAnswerAndMakesNoTwin() {
    try (RunningEngine engine = start()) {
      String first = signed(engine, "/v1/channels/twilio/voice", call(CALL_SID, null)).body();
      String retry = signed(engine, "/v1/channels/twilio/voice", call(CALL_SID, null)).body();

      assertThat(retry).isEqualTo(first);
      assertThat(depth(engine, "country:DE")).isEqualTo(1);
    }
  }

  @Test
  void aCallAnAgentTookIsCompletedWhenItEnds() {
    try (RunningEngine engine = start()) {
      signed(engine, "/v1/channels/twilio/voice", call(CALL_SID, null));
      assertThat(engine.as("demo-supervisor").post("/v1/queues/country:DE/claim", "{\"agent\":\"anna\"}").statusCode())
          .isEqualTo(200);

      signed(engine, "/v1/channels/twilio/voice/status", status(CALL_SID, "CallStatus=completed"));

      assertThat(submitted(engine, CALL_SID).status()).isEqualTo(ContactStatus.COMPLETED);
    }
  }

  @Test
  void callsThatNeverConnectOrHangUpInTheQueueAreAbandoned() {
    try (RunningEngine engine = start()) {
      String busy = "CA00000000000000000000000000000002";
      String hangUp = "CA00000000000000000000000000000003";
      signed(engine, "/v1/channels/twilio/voice", call(busy, null));
      signed(engine, "/v1/channels/twilio/voice", call(hangUp, null));

      signed(engine, "/v1/channels/twilio/voice/status", status(busy, "CallStatus=busy"));
      signed(engine, "/v1/channels/twilio/voice/status", status(hangUp, "QueueResult=hangup&QueueTime=12"));

      assertThat(submitted(engine, busy).status()).isEqualTo(ContactStatus.ABANDONED);
      assertThat(submitted(engine, hangUp).status()).isEqualTo(ContactStatus.ABANDONED);
    }
  }

  @Test
  void aCriticalCallIsDialledToTheCentralDeskWhichTakesItWhenItAnswers() {
    try (RunningEngine engine = start()) {
      HttpResponse<String> answer = signed(engine, "/v1/channels/twilio/voice",
          call(CALL_SID, "Ich hatte einen Unfall auf der A9"));

      assertThat(answer.body()).contains("<Dial action=\"" + PUBLIC_URL + "/v1/channels/twilio/voice/status?contactId=")
          .contains(">" + CENTRAL_DESK + "</Dial>");

      signed(engine, "/v1/channels/twilio/voice/status", status(CALL_SID, "DialCallStatus=completed"));
      ContactRecord taken = submitted(engine, CALL_SID);
      signed(engine, "/v1/channels/twilio/voice/status", status(CALL_SID, "CallStatus=completed"));

      assertThat(taken.status()).isEqualTo(ContactStatus.ASSIGNED);
      assertThat(taken.agent()).isEqualTo("dialled:" + CENTRAL_DESK);
      assertThat(submitted(engine, CALL_SID).status()).isEqualTo(ContactStatus.COMPLETED);
    }
  }

  @Test
  void whenTheDialledDeskDoesNotAnswerTheCallWaitsInTheQueue() {
    try (RunningEngine engine = start()) {
      signed(engine, "/v1/channels/twilio/voice", call(CALL_SID, "Unfall, bitte schnell"));

      HttpResponse<String> noAnswer = signed(engine, "/v1/channels/twilio/voice/status",
          status(CALL_SID, "DialCallStatus=no-answer"));

      assertThat(noAnswer.body()).contains(">central</Enqueue>");
      assertThat(submitted(engine, CALL_SID).status()).isEqualTo(ContactStatus.QUEUED);
    }
  }

  @Test
  void aForgedMissingOrReplayedSignatureIs403AndStoresNothing() {
    try (RunningEngine engine = start()) {
      String form = call(CALL_SID, null);
      String forged = TwilioSignature.sign("not-the-account-token", PUBLIC_URL + "/v1/channels/twilio/voice",
          FormBody.parse(form).params());
      String ofAnotherRequest = TwilioSignature.sign(TOKEN, PUBLIC_URL + "/v1/channels/twilio/voice",
          FormBody.parse(call("CA00000000000000000000000000000009", null)).params());

      HttpResponse<String> withForged = post(engine, "/v1/channels/twilio/voice", form, forged);
      HttpResponse<String> without = post(engine, "/v1/channels/twilio/voice", form, null);
      HttpResponse<String> replayed = post(engine, "/v1/channels/twilio/voice", form, ofAnotherRequest);

      assertThat(withForged.statusCode()).isEqualTo(403);
      assertThat(withForged.body()).contains("is not Twilio's signature of this request for " + PUBLIC_URL);
      assertThat(without.statusCode()).isEqualTo(403);
      assertThat(without.body()).contains("has no X-Twilio-Signature header");
      assertThat(replayed.statusCode()).isEqualTo(403);
      assertThat(depth(engine, "country:DE")).isZero();
      assertThat(engine.anonymous().get("/health/ready").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void aSignedButMalformedWebhookIsA400NamingTheParameters() {
    try (RunningEngine engine = start()) {
      HttpResponse<String> answer = signed(engine, "/v1/channels/twilio/sms", "MessageSid=SM1&From=0891234&Body=Hallo");

      assertThat(answer.statusCode()).isEqualTo(400);
      assertThat(answer.headers().firstValue("Content-Type")).contains("application/problem+json");
      assertThat(answer.body()).contains("MessageSid is 'SM1'").contains("From is '0891234'").contains("To is missing");
    }
  }

  @Test
  void smsBetweenTheSameNumbersJoinTheirConversationWithinTheWindowAndOpenANewOneAfterIt() {
    try (RunningEngine engine = start()) {
      String first = smsConversation(engine, "SM00000000000000000000000000000001", "Ist mein Auto fertig?");
      clock.advance(Duration.ofHours(20));
      String second = smsConversation(engine, "SM00000000000000000000000000000002", "Hallo?");
      clock.advance(Duration.ofHours(20));
      String third = smsConversation(engine, "SM00000000000000000000000000000003", "Noch jemand da?");
      clock.advance(Duration.ofHours(25));
      String fourth = smsConversation(engine, "SM00000000000000000000000000000004", "Neue Frage");
      String retried = smsConversation(engine, "SM00000000000000000000000000000004", "Neue Frage");

      assertThat(second).isEqualTo(first);
      assertThat(third).isEqualTo(first);
      assertThat(fourth).isNotEqualTo(first).isEqualTo(retried);
      assertThat(new JsonObject(engine.as("demo-admin").get("/v1/conversations/" + fourth).body())
          .getJsonArray("messages").size()).as("the retry made no twin").isEqualTo(1);
    }
  }

  private String smsConversation(RunningEngine engine, String sid, String text) {
    HttpResponse<String> answer = signed(engine, "/v1/channels/twilio/sms", sms(sid, text));
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body()).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>");
    return submitted(engine, sid).conversationId();
  }

  @Test
  void theEndpointsAreOffWithoutAnAuthToken() {
    try (RunningEngine engine = RunningEngine.start(clock)) {
      HttpResponse<String> answer = post(engine, "/v1/channels/twilio/voice", call(CALL_SID, null), "anything");

      assertThat(answer.statusCode()).isEqualTo(404);
      assertThat(answer.body()).contains("OMNIROUTE_TWILIO_AUTH_TOKEN");
    }
  }

  private static void ownedCustomer(RunningEngine engine) {
    assertThat(engine.as("demo-admin").put("/v1/customers/C-TWILIO", new JsonObject()
        .put("identities", new JsonObject().put("phones", new io.vertx.core.json.JsonArray().add(CALLER)))
        .put("country", "DE").put("ownerDealerId", "DE-BER-001").encode()).statusCode()).isIn(200, 201);
  }

  private static String call(String sid, String speech) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("AccountSid", "AC0123456789abcdef0123456789abcdef");
    form.put("CallSid", sid);
    form.put("CallStatus", "ringing");
    form.put("From", CALLER);
    form.put("To", MUNICH_HOTLINE);
    form.put("CallerCountry", "DE");
    form.put("Direction", "inbound");
    if (speech != null) {
      form.put("SpeechResult", speech);
    }
    return encode(form);
  }

  private static String status(String sid, String what) {
    return "AccountSid=AC0123456789abcdef0123456789abcdef&CallSid=" + sid + "&From=" + enc(CALLER) + "&To="
        + enc(MUNICH_HOTLINE) + "&" + what;
  }

  private static String sms(String sid, String body) {
    return encode(Map.of("MessageSid", sid, "From", "+436641234567", "To", MUNICH_HOTLINE, "Body", body,
        "FromCountry", "AT"));
  }

  private static String encode(Map<String, String> form) {
    StringBuilder body = new StringBuilder();
    form.forEach((name, value) -> body.append(body.length() == 0 ? "" : "&").append(name).append('=').append(enc(value)));
    return body.toString();
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static HttpResponse<String> signed(RunningEngine engine, String path, String form) {
    return post(engine, path, form, TwilioSignature.sign(TOKEN, PUBLIC_URL + path, FormBody.parse(form).params()));
  }

  private static HttpResponse<String> post(RunningEngine engine, String path, String form, String signature) {
    EngineClient client = engine.anonymous();
    HttpRequest.Builder request = HttpRequest.newBuilder(client.uri(path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form));
    if (signature != null) {
      request.header("X-Twilio-Signature", signature);
    }
    return client.send(request);
  }

  private static String contactIdIn(String twiml) {
    Matcher matcher = CONTACT_ID.matcher(twiml);
    assertThat(matcher.find()).as("a contact id in " + twiml).isTrue();
    return matcher.group(1);
  }

  /** The contact of a Twilio id, as the store keeps it under the idempotency key of the caller {@code twilio}. */
  private static ContactRecord submitted(RunningEngine engine, String sid) {
    try {
      return engine.engine().store().findByIdempotencyKey("6:twilio:twilio:" + sid)
          .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS).orElseThrow();
    } catch (Exception e) {
      throw new AssertionError("no contact of " + sid, e);
    }
  }

  private static int depth(RunningEngine engine, String queue) {
    return new JsonObject(engine.as("demo-admin").get("/v1/queues/" + queue).body()).getInteger("depth");
  }
}
