package io.omniroute.engine.webhook;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The webhook meters, with labels of bounded cardinality only (no webhook, contact or agent id):
 *
 * <ul>
 *   <li>{@code omniroute_webhook_deliveries_total{outcome}}: {@code delivered} (an attempt got a
 *       2xx), {@code retried} (an attempt failed and the delivery waits for its next one), {@code
 *       dead-lettered} (it failed after the whole retry period), {@code dropped} (the store could
 *       not take it for too long)
 *   <li>{@code omniroute_webhook_delivery_duration_seconds{outcome}} (histogram): one attempt, from
 *       resolving the receiver to its answer's status, by {@code success} and {@code failure}
 *   <li>{@code omniroute_webhook_attempt_failures_total{reason}}: failed attempts by {@link
 *       AttemptFailedException#reason()}
 *   <li>{@code omniroute_webhook_deliveries_pending}: deliveries waiting in the store (on every
 *       node: the store's count as this node last saw it)
 * </ul>
 *
 * Thread-safe; one per engine.
 */
public final class WebhookMetrics {
  private final MeterRegistry registry;
  private final Map<String, Counter> outcomes = new ConcurrentHashMap<>();
  private final Map<String, Counter> failures = new ConcurrentHashMap<>();
  private final Timer success;
  private final Timer failure;
  private final AtomicLong pending = new AtomicLong();

  public WebhookMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.success = attemptTimer("success");
    this.failure = attemptTimer("failure");
    Gauge.builder("omniroute.webhook.deliveries.pending", pending, AtomicLong::doubleValue)
        .description("Webhook deliveries waiting in the store for their next attempt")
        .register(registry);
    for (String outcome : new String[] {"delivered", "retried", "dead-lettered"}) {
      outcome(outcome);
    }
  }

  /** An attempt that got a 2xx after {@code nanos}. */
  public void delivered(long nanos) {
    success.record(nanos, TimeUnit.NANOSECONDS);
    outcome("delivered").increment();
  }

  /** An attempt that failed after {@code nanos}, for {@code reason}. */
  public void failed(long nanos, String reason) {
    failure.record(nanos, TimeUnit.NANOSECONDS);
    failures.computeIfAbsent(reason, r -> Counter.builder("omniroute.webhook.attempt.failures")
        .description("Failed webhook delivery attempts, by reason")
        .tag("reason", r)
        .register(registry)).increment();
  }

  /** A delivery whose attempt failed waits for its next attempt. */
  public void retried() {
    outcome("retried").increment();
  }

  /** A delivery went to the dead letters. */
  public void deadLettered() {
    outcome("dead-lettered").increment();
  }

  /** Deliveries the store could not take for too long were dropped. */
  public void dropped(int count) {
    outcome("dropped").increment(count);
  }

  /** The store holds {@code count} pending deliveries. */
  public void pending(long count) {
    pending.set(count);
  }

  private Counter outcome(String outcome) {
    return outcomes.computeIfAbsent(outcome, o -> Counter.builder("omniroute.webhook.deliveries")
        .description("Webhook deliveries by what became of an attempt: delivered, retried, dead-lettered, dropped")
        .tag("outcome", o)
        .register(registry));
  }

  private Timer attemptTimer(String outcome) {
    return Timer.builder("omniroute.webhook.delivery.duration")
        .description("One webhook delivery attempt, from resolving the receiver to the status of its answer")
        .tag("outcome", outcome)
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(1))
        .maximumExpectedValue(Duration.ofSeconds(30))
        .register(registry);
  }
}
