package io.omniroute.engine.webhook;

import java.time.Duration;
import java.util.Objects;

/**
 * How webhooks are checked and delivered. Immutable; part of {@link io.omniroute.engine.EngineOptions}.
 * Only {@code allowPrivateAddresses} is meant for operators ({@code OMNIROUTE_WEBHOOKS_ALLOW_PRIVATE},
 * or {@code webhooks.allowPrivateAddresses} in the config file); the periods are there so that tests
 * and soak runs can compress time.
 *
 * @param allowPrivateAddresses whether receivers may be on loopback, private-range or link-local
 *     addresses (a receiver inside the operator's own network); cloud metadata addresses are
 *     refused even then
 * @param firstRetry the delay before the first retry; each further retry waits twice as long
 * @param maxRetryInterval the longest delay between two attempts
 * @param retryPeriod how long a delivery is retried before it goes to the dead letters
 * @param requestTimeout how long one attempt may take, from connecting to the response's status
 * @param pollInterval how often a node looks for deliveries that are due
 * @param lease how long a claimed delivery is reserved for the node that claimed it; after that it
 *     is due again (the node died), so it must be longer than {@code requestTimeout}
 * @param refreshInterval how often a node rereads the webhooks from the store (other nodes' changes)
 * @param maxInFlight how many attempts one node makes at once
 */
public record WebhookOptions(
    boolean allowPrivateAddresses,
    Duration firstRetry,
    Duration maxRetryInterval,
    Duration retryPeriod,
    Duration requestTimeout,
    Duration pollInterval,
    Duration lease,
    Duration refreshInterval,
    int maxInFlight) {
  public WebhookOptions {
    positive(firstRetry, "firstRetry");
    positive(maxRetryInterval, "maxRetryInterval");
    positive(retryPeriod, "retryPeriod");
    positive(requestTimeout, "requestTimeout");
    positive(pollInterval, "pollInterval");
    positive(lease, "lease");
    positive(refreshInterval, "refreshInterval");
    if (maxRetryInterval.compareTo(firstRetry) < 0) {
      throw new IllegalArgumentException("the longest retry interval must not be shorter than the first retry");
    }
    if (lease.compareTo(requestTimeout) <= 0) {
      throw new IllegalArgumentException("the lease of a delivery (" + lease.toMillis()
          + " ms) must be longer than the request timeout (" + requestTimeout.toMillis() + " ms)");
    }
    if (maxInFlight < 1) {
      throw new IllegalArgumentException("maxInFlight must be at least 1, got " + maxInFlight);
    }
  }

  /**
   * Public receivers only; first retry after 1 s, doubling up to 1 h, for 24 h; 10 s per attempt;
   * polled every 500 ms with a 60 s lease; webhooks reread every 5 s; 64 attempts at once.
   */
  public static WebhookOptions defaults() {
    return new WebhookOptions(false, Duration.ofSeconds(1), Duration.ofHours(1), Duration.ofHours(24),
        Duration.ofSeconds(10), Duration.ofMillis(500), Duration.ofSeconds(60), Duration.ofSeconds(5), 64);
  }

  public WebhookOptions withAllowPrivateAddresses(boolean allow) {
    return new WebhookOptions(allow, firstRetry, maxRetryInterval, retryPeriod, requestTimeout, pollInterval, lease,
        refreshInterval, maxInFlight);
  }

  /** The retry schedule: the first delay, the longest delay, and how long to retry before dead-lettering. */
  public WebhookOptions withRetries(Duration first, Duration longest, Duration period) {
    return new WebhookOptions(allowPrivateAddresses, first, longest, period, requestTimeout, pollInterval, lease,
        refreshInterval, maxInFlight);
  }

  /** How long one attempt may take and how long a claimed delivery stays reserved. */
  public WebhookOptions withTimeouts(Duration request, Duration newLease) {
    return new WebhookOptions(allowPrivateAddresses, firstRetry, maxRetryInterval, retryPeriod, request, pollInterval,
        newLease, refreshInterval, maxInFlight);
  }

  /** How often due deliveries are looked for and the webhooks reread. */
  public WebhookOptions withPolling(Duration poll, Duration refresh) {
    return new WebhookOptions(allowPrivateAddresses, firstRetry, maxRetryInterval, retryPeriod, requestTimeout, poll,
        lease, refresh, maxInFlight);
  }

  private static void positive(Duration value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isZero() || value.isNegative()) {
      throw new IllegalArgumentException(name + " must be positive, got " + value);
    }
  }
}
