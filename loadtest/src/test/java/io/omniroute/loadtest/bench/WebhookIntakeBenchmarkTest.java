package io.omniroute.loadtest.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.omniroute.engine.queue.Accepted;
import io.omniroute.engine.queue.ContactStatus;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The webhook intake benchmark measures what it says: contacts are accepted, and no webhook matches them. */
class WebhookIntakeBenchmarkTest {
  @Test
  void acceptsContactsThatNoneOfTheDealersWebhooksWants() {
    for (String webhooks : new String[] {"unsubscribed", "none", "elsewhere"}) {
      WebhookIntakeBenchmark benchmark = new WebhookIntakeBenchmark();
      benchmark.webhooks = webhooks;
      benchmark.setUp();

      Accepted accepted = benchmark.intake();

      assertThat(accepted.record().status()).isEqualTo(ContactStatus.QUEUED);
      Set<String> queues = Set.of(accepted.record().route().queue());
      assertThat(benchmark.registry.current()).noneMatch(webhook -> webhook.wants("io.omniroute.contact.queued", queues));
      assertThat(benchmark.registry.current()).hasSize(webhooks.equals("elsewhere") ? WebhookIntakeBenchmark.DEALER_WEBHOOKS : 0);
    }
  }
}
