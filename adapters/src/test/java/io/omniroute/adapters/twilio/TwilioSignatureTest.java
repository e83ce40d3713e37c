package io.omniroute.adapters.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Twilio's request signature, against the example in Twilio's own documentation. */
class TwilioSignatureTest {
  private static final String TOKEN = "12345";
  private static final String URL = "https://mycompany.com/myapp.php?foo=1&bar=2";
  private static final Map<String, List<String>> PARAMS = Map.of(
      "CallSid", List.of("CA1234567890ABCDE"), "Caller", List.of("+14158675309"), "Digits", List.of("1234"),
      "From", List.of("+14158675309"), "To", List.of("+18005551212"));
  private static final String DOCUMENTED = "RSOYDt4T1cUTdK1PDd93/VVr8B8=";

  @Test
  void signsAsTwilioDocumentsWhateverTheOrderOfTheParameters() {
    assertThat(TwilioSignature.sign(TOKEN, URL, PARAMS)).isEqualTo(DOCUMENTED);
    assertThat(TwilioSignature.sign(TOKEN, URL, FormBody.parse(
        "To=%2B18005551212&Digits=1234&From=%2B14158675309&CallSid=CA1234567890ABCDE&Caller=%2B14158675309").params()))
        .isEqualTo(DOCUMENTED);
  }

  @Test
  void acceptsTheGenuineSignatureOnly() {
    assertThat(TwilioSignature.verify(TOKEN, URL, PARAMS, DOCUMENTED)).isTrue();
    assertThat(TwilioSignature.verify("another token", URL, PARAMS, DOCUMENTED)).isFalse();
    assertThat(TwilioSignature.verify(TOKEN, URL + "&extra=1", PARAMS, DOCUMENTED)).isFalse();
    assertThat(TwilioSignature.verify(TOKEN, URL, Map.of("Digits", List.of("9999")), DOCUMENTED)).isFalse();
    assertThat(TwilioSignature.verify(TOKEN, URL, PARAMS, "RSOYDt4T1cUTdK1PDd93/VVr8B8")).isFalse();
    assertThat(TwilioSignature.verify(TOKEN, URL, PARAMS, null)).as("no header").isFalse();
    assertThat(TwilioSignature.verify("", URL, PARAMS, DOCUMENTED)).as("no token configured").isFalse();
  }
}
