package io.omniroute.engine.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The signature header and the retry schedule. */
class WebhookSignatureTest {
  @Test
  void signsWithTheLowerCaseHexHmacSha256OfTheSecondsADotAndTheBody() {
    assertThat(WebhookSignature.hmac("key", "The quick brown fox jumps over the lazy dog"))
        .isEqualTo("f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
    assertThat(WebhookSignature.header("key", 1767600000L, "{\"a\":1}"))
        .isEqualTo("t=1767600000,v1=" + WebhookSignature.hmac("key", "1767600000.{\"a\":1}"));
  }

  @Test
  void retriesFirstAfterAboutASecondThenTwiceAsLongUpToAnHourWithJitter() {
    Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofHours(1));

    assertThat(backoff.after(1, 0.5)).isEqualTo(Duration.ofSeconds(1));
    assertThat(backoff.after(2, 0.5)).isEqualTo(Duration.ofSeconds(2));
    assertThat(backoff.after(3, 0.5)).isEqualTo(Duration.ofSeconds(4));
    assertThat(backoff.after(12, 0.5)).isEqualTo(Duration.ofSeconds(2048));
    assertThat(backoff.after(13, 0.5)).isEqualTo(Duration.ofHours(1));
    assertThat(backoff.after(1000, 0.5)).isEqualTo(Duration.ofHours(1));
    assertThat(backoff.after(1, 0.0)).isEqualTo(Duration.ofMillis(800));
    assertThat(backoff.after(1, 0.999_999)).isBetween(Duration.ofMillis(1199), Duration.ofMillis(1200));
    assertThat(backoff.after(1000, 0.0)).isEqualTo(Duration.ofMinutes(48));
  }
}
