package io.omniroute.adapters.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Twilio's SMS and call webhooks as contacts, call progress, and the TwiML answers; on recorded fixtures. */
class TwilioMessageTest {
  static String fixture(String name) {
    try (InputStream in = TwilioMessageTest.class.getResourceAsStream("/twilio/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void anSmsBecomesAContactOfItsSenderWithUmlautsIntact() throws Exception {
    TwilioMessage sms = TwilioMessage.sms(FormBody.parse(fixture("sms-german.form")));

    assertThat(new ObjectMapper().readTree(sms.toContact("DE-MUC-001", null).toString())).isEqualTo(new ObjectMapper().readTree("""
        {"channel": "sms", "from": {"phone": "+436641234567"}, "country": "AT", "dealerId": "DE-MUC-001",
         "text": "Ist mein Auto fertig? Grüße, Jürgen",
         "references": {"twilioSid": "SM0123456789abcdef0123456789abcdef", "calledNumber": "+498912340000"}}"""));
    assertThat(sms.idempotencyKey()).isEqualTo("twilio:SM0123456789abcdef0123456789abcdef");
    assertThat(sms.threadKey()).isEqualTo("twilio:+436641234567>+498912340000");
  }

  @Test
  void aCallFromAForeignNumberBecomesAVoiceContactOfTheCalledCountry() {
    TwilioMessage call = TwilioMessage.call(FormBody.parse(fixture("call-foreign-number.form")));

    assertThat(call.channel()).isEqualTo("voice");
    assertThat(call.from()).isEqualTo("+12025550123");
    assertThat(call.country()).isEqualTo("US");
    assertThat(call.toContact(null, null).get("country").asText()).isEqualTo("US");
    assertThat(call.toContact("DE-MUC-001", "DE").get("country").asText()).isEqualTo("DE");
    assertThat(call.toContact(null, null).has("text")).isFalse();
    assertThat(call.toContact(null, null).has("dealerId")).isFalse();
  }

  @Test
  void aCallAfterASpeechGatherCarriesWhatTheCallerSaid() {
    TwilioMessage call = TwilioMessage.call(FormBody.parse(fixture("call-speech-accident.form")));

    assertThat(call.text()).isEqualTo("Ich hatte einen Unfall auf der A9");
  }

  @Test
  void namesEveryMissingOrMalformedParameter() {
    InvalidTwilioRequestException invalid = catchThrowableOfType(InvalidTwilioRequestException.class,
        () -> TwilioMessage.sms(FormBody.parse("From=0891234&FromCountry=Austria")));

    assertThat(invalid.problems()).hasSize(5).anySatisfy(problem -> assertThat(problem).startsWith("MessageSid is missing"))
        .anySatisfy(problem -> assertThat(problem).startsWith("From is '0891234'"))
        .anySatisfy(problem -> assertThat(problem).startsWith("To is missing"))
        .anySatisfy(problem -> assertThat(problem).startsWith("Body is missing"))
        .anySatisfy(problem -> assertThat(problem).startsWith("FromCountry is 'Austria'"));
    assertThat(catchThrowableOfType(InvalidTwilioRequestException.class,
        () -> FormBody.parse(fixture("hostile-malformed-escape.form"))).problems())
        .containsExactly("the form body has a malformed escape in '%E4%ZZ'");
  }

  @Test
  void readsTheStepOfACallFromStatusCallbacksAndVerbActions() {
    assertThat(CallProgress.of(FormBody.parse(fixture("status-completed.form"))))
        .isEqualTo(new CallProgress("CA0123456789abcdef0123456789abcdef", CallProgress.Step.ENDED));
    assertThat(CallProgress.of(FormBody.parse(fixture("enqueue-hangup.form"))).step()).isEqualTo(CallProgress.Step.LEFT_WAITING);
    assertThat(step("CallStatus=busy")).isEqualTo(CallProgress.Step.NOT_REACHED);
    assertThat(step("CallStatus=canceled")).isEqualTo(CallProgress.Step.NOT_REACHED);
    assertThat(step("CallStatus=ringing")).isEqualTo(CallProgress.Step.NONE);
    assertThat(step("QueueResult=bridged")).isEqualTo(CallProgress.Step.NONE);
    assertThat(step("DialCallStatus=completed")).isEqualTo(CallProgress.Step.DIAL_ANSWERED);
    assertThat(step("DialCallStatus=no-answer")).isEqualTo(CallProgress.Step.DIAL_FAILED);
    assertThat(catchThrowableOfType(InvalidTwilioRequestException.class, () -> CallProgress.of(FormBody.parse("CallStatus=completed")))
        .problems()).containsExactly("CallSid is missing: Twilio's id of 34 characters, two letters and 32 hex digits");
  }

  private static CallProgress.Step step(String form) {
    return CallProgress.of(FormBody.parse("CallSid=CA0123456789abcdef0123456789abcdef&" + form)).step();
  }

  @Test
  void answersInTwiMLWithEveryValueEscaped() {
    assertThat(TwiML.empty()).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>");
    assertThat(TwiML.enqueue("dealer:DE-MUC-001", "c-1", "https://omniroute.example/v1/channels/twilio/voice/status"))
        .isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Enqueue action=\""
            + "https://omniroute.example/v1/channels/twilio/voice/status?contactId=c-1\">dealer:DE-MUC-001</Enqueue></Response>");
    assertThat(TwiML.dial("+49<script>&\"", "c-1", "https://omniroute.example/s"))
        .contains("<Dial action=\"https://omniroute.example/s?contactId=c-1\">+49&lt;script&gt;&amp;&quot;</Dial>");
  }
}
