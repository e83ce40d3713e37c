package io.omniroute.adapters.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** Twilio's SMS and call webhooks as contacts, and the TwiML answers. */
class TwilioMessageTest {
  private static final String SMS = "ToCountry=DE&ToState=&SmsMessageSid=SM0123456789abcdef0123456789abcdef"
      + "&NumMedia=0&ToCity=&FromZip=&SmsSid=SM0123456789abcdef0123456789abcdef&FromState=&SmsStatus=received"
      + "&FromCity=&Body=Ist+mein+Auto+fertig%3F+Gr%C3%BC%C3%9Fe%2C+J%C3%BCrgen&FromCountry=AT&To=%2B498912345000"
      + "&ToZip=&NumSegments=1&MessageSid=SM0123456789abcdef0123456789abcdef&AccountSid=AC0123456789abcdef0123456789abcdef"
      + "&From=%2B436641234567&ApiVersion=2010-04-01";
  private static final String CALL = "AccountSid=AC0123456789abcdef0123456789abcdef&ApiVersion=2010-04-01"
      + "&CallSid=CA0123456789abcdef0123456789abcdef&CallStatus=ringing&Called=%2B498912345000&CallerCountry=US"
      + "&Caller=%2B12025550123&Direction=inbound&From=%2B12025550123&FromCountry=US&To=%2B498912345000&ToCountry=DE";

  @Test
  void anSmsBecomesAContactOfItsSenderThreadedWithTheirEarlierMessagesToTheSameNumber() throws Exception {
    TwilioMessage sms = TwilioMessage.sms(FormBody.parse(SMS));

    assertThat(new ObjectMapper().readTree(sms.toContact("DE-MUC-001").toString())).isEqualTo(new ObjectMapper().readTree("""
        {"channel": "sms", "from": {"phone": "+436641234567"}, "country": "AT", "dealerId": "DE-MUC-001",
         "text": "Ist mein Auto fertig? Grüße, Jürgen",
         "references": {"twilioSid": "SM0123456789abcdef0123456789abcdef", "calledNumber": "+498912345000"},
         "thread": {"key": "twilio:+436641234567>+498912345000"}}"""));
    assertThat(sms.idempotencyKey()).isEqualTo("twilio:SM0123456789abcdef0123456789abcdef");
  }

  @Test
  void aCallFromAForeignNumberBecomesAVoiceContactWithoutText() {
    TwilioMessage call = TwilioMessage.call(FormBody.parse(CALL));

    assertThat(call.channel()).isEqualTo("voice");
    assertThat(call.from()).isEqualTo("+12025550123");
    assertThat(call.country()).isEqualTo("US");
    assertThat(call.toContact(null).has("text")).isFalse();
    assertThat(call.toContact(null).has("dealerId")).isFalse();
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
    assertThat(catchThrowableOfType(InvalidTwilioRequestException.class, () -> FormBody.parse("Body=%E4%ZZ")).problems())
        .containsExactly("the form body has a malformed escape in '%E4%ZZ'");
  }

  @Test
  void answersInTwiMLWithEveryValueEscaped() {
    assertThat(TwiML.empty()).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>");
    assertThat(TwiML.enqueue("dealer:DE-MUC-001", "c-1", "https://omniroute.example/v1/channels/twilio/voice/status"))
        .isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Enqueue action=\""
            + "https://omniroute.example/v1/channels/twilio/voice/status?contactId=c-1\">dealer:DE-MUC-001</Enqueue></Response>");
    assertThat(TwiML.dial("+49<script>&\"")).contains("<Dial>+49&lt;script&gt;&amp;&quot;</Dial>");
  }
}
