package io.omniroute.engine.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.omniroute.engine.support.EngineClient;
import io.omniroute.engine.support.RunningEngine;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A receiver that is down for a while, first refusing every connection and then answering 503, and
 * then recovers, while contacts keep coming: every event arrives, none is lost, and an event that
 * arrives more than once arrives with the same id and the same bytes.
 *
 * <p>By default time is compressed: a 4 s outage, retries from 100 ms doubling up to 1 s. The real
 * thing, a five-minute outage with the production schedule (from 1 s doubling up to an hour), two
 * contacts a second, takes about ten minutes:
 *
 * <pre>
 * mvn -o -q -pl engine -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dfailsafe.failIfNoSpecifiedTests=false -Dit.test=WebhookOutageIT -Dwebhooks.outage=PT5M
 * </pre>
 */
class WebhookOutageIT {
  private static final Duration OUTAGE = Duration.parse(System.getProperty("webhooks.outage", "PT4S"));
  private static final boolean REAL_TIME = OUTAGE.compareTo(Duration.ofMinutes(1)) >= 0;
  private static final Duration PACE = REAL_TIME ? Duration.ofMillis(500) : Duration.ofMillis(100);
  private static final Duration AFTER = REAL_TIME ? Duration.ofSeconds(30) : Duration.ofSeconds(1);

  private static WebhookOptions options() {
    WebhookOptions fast = WebhooksIT.fastPolling();
    return REAL_TIME
        ? fast.withRetries(Duration.ofSeconds(1), Duration.ofHours(1), Duration.ofHours(24))
        : fast.withRetries(Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofHours(1));
  }

  @Test
  void everyEventArrivesAfterTheReceiverRecoversAndRepeatsCarryTheSameIdAndBytes() throws Exception {
    try (WebhookReceiver receiver = WebhookReceiver.start();
        RunningEngine engine = RunningEngine.start(RunningEngine.testOptions().withWebhooks(options()),
            Clock.systemUTC())) {
      engine.put("/v1/webhooks/crm", WebhooksIT.webhook(receiver.url("/crm"), "io.omniroute.contact.received", null));
      EngineClient intake = engine.as("demo-telephony");
      List<String> contacts = new ArrayList<>();
      receiver.refuseConnections();
      long start = System.nanoTime();
      long outage = OUTAGE.toNanos();
      boolean answering503 = false;
      while (System.nanoTime() - start < outage + AFTER.toNanos()) {
        long elapsed = System.nanoTime() - start;
        if (!answering503 && elapsed >= outage / 2) {
          receiver.answer(503);
          receiver.listenAgain();
          answering503 = true;
        }
        if (elapsed >= outage) {
          receiver.answer(200);
        }
        contacts.add(intake.createContact(WebhooksIT.MUNICH_MAIL.replace("anna@", "anna" + contacts.size() + "@"))
            .getString("id"));
        Thread.sleep(PACE.toMillis());
      }
      long recovered = start + outage;

      Duration wait = OUTAGE.multipliedBy(3).plus(Duration.ofMinutes(1));
      receiver.await(all -> all.stream().filter(WebhookReceiver.Request::delivered).map(WebhookReceiver.Request::subject)
          .distinct().count() == contacts.size(), wait, "every contact's event");
      long lastDelivered = System.nanoTime();

      List<WebhookReceiver.Request> all = receiver.requests();
      Map<String, List<WebhookReceiver.Request>> bySubject = all.stream()
          .collect(Collectors.groupingBy(WebhookReceiver.Request::subject));
      assertThat(bySubject.keySet()).containsExactlyInAnyOrderElementsOf(contacts);
      bySubject.forEach((subject, requests) -> {
        assertThat(requests.stream().map(WebhookReceiver.Request::eventId).distinct()).as(subject).hasSize(1);
        assertThat(requests.stream().map(WebhookReceiver.Request::body).distinct()).as(subject).hasSize(1);
      });
      Set<String> deliveredIds = all.stream().filter(WebhookReceiver.Request::delivered)
          .map(WebhookReceiver.Request::eventId).collect(Collectors.toSet());
      assertThat(deliveredIds).hasSize(contacts.size());
      long deliveredRequests = all.stream().filter(WebhookReceiver.Request::delivered).count();
      System.out.printf("webhook outage of %s: %d events, %d requests (%d failed, %d delivered, %d repeats of a"
              + " delivered event), the last delivered %.1f s after the receiver recovered%n",
          OUTAGE, contacts.size(), all.size(), all.size() - deliveredRequests, deliveredRequests,
          deliveredRequests - deliveredIds.size(), (lastDelivered - recovered) / 1e9);
    }
  }
}
