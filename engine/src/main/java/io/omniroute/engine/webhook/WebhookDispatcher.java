package io.omniroute.engine.webhook;

import io.omniroute.engine.contact.ContactEvent;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers webhook events from one node, on its own event loop: turns each matched contact event
 * into a {@link WebhookEvent} (its id made here, once), writes it as a CloudEvent and enqueues one
 * {@link Delivery} per webhook in the {@link WebhookStore}; then polls the store for due
 * deliveries, claims them with a lease, makes each attempt ({@link WebhookSender}) and records the
 * outcome: delivered (removed), retried later with exponential backoff and jitter ({@link
 * Backoff}), or, once retried for the whole retry period, a dead letter. A delivery whose attempt
 * outlives its lease, because this node died or stalled, is due again for any node: delivery is at
 * least once, in no guaranteed order.
 *
 * <p>While there are no webhooks it neither polls nor enqueues. When the store cannot take new
 * deliveries (Redis down), they wait in memory and are offered again every second, up to {@value
 * #MAX_BACKLOG} deliveries; beyond that they are dropped and counted.
 *
 * <p>Lifecycle: deployed once per engine before the HTTP verticles, undeployed when the engine's
 * Vert.x closes. {@link #submit} may be called from any thread; everything else runs on this
 * verticle's context.
 */
public final class WebhookDispatcher extends VerticleBase {
  /** The most deliveries held in memory while the store cannot take them. */
  static final int MAX_BACKLOG = 100_000;
  private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);
  private static final long STORE_RETRY_MILLIS = 1_000;
  private static final long WARNING_INTERVAL_NANOS = Duration.ofSeconds(10).toNanos();

  private final WebhookStore store;
  private final WebhookRegistry registry;
  private final WebhookOptions options;
  private final WebhookMetrics metrics;
  private final Clock clock;
  private final Backoff backoff;
  private volatile Context home;
  private WebClient client;
  private WebhookSender sender;
  private boolean polling;
  private boolean pollAgain;
  private boolean saturated;
  private int inFlight;
  private int backlog;
  private long lastWarning = System.nanoTime() - WARNING_INTERVAL_NANOS;

  public WebhookDispatcher(
      WebhookStore store, WebhookRegistry registry, WebhookOptions options, WebhookMetrics metrics, Clock clock) {
    this.store = store;
    this.registry = registry;
    this.options = options;
    this.metrics = metrics;
    this.clock = clock;
    this.backoff = new Backoff(options.firstRetry(), options.maxRetryInterval());
  }

  @Override
  public Future<?> start() {
    home = context;
    client = WebClient.create(vertx, new WebClientOptions()
            .setUserAgent(WebhookSender.USER_AGENT)
            .setFollowRedirects(false)
            .setKeepAlive(true)
            .setConnectTimeout((int) options.requestTimeout().toMillis()),
        new PoolOptions().setHttp1MaxSize(8));
    sender = new WebhookSender(vertx, client, new WebhookAddresses(options.allowPrivateAddresses()),
        options.requestTimeout(), clock);
    vertx.setPeriodic(options.pollInterval().toMillis(), id -> poll());
    vertx.setPeriodic(options.refreshInterval().toMillis(), id -> registry.refresh()
        .onFailure(failure -> warn("cannot reread the webhooks from the store: {}", failure.getMessage())));
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    client.close();
    return Future.succeededFuture();
  }

  /**
   * Hands {@code event}, matched to {@code webhooks}, to this dispatcher; returns at once. Callable
   * from any thread (the event loop that published the event).
   */
  public void submit(ContactEvent event, List<Webhook> webhooks) {
    Context target = home;
    if (target == null) {
      throw new IllegalStateException("the webhook dispatcher is not deployed yet");
    }
    target.runOnContext(nothing -> enqueue(event, webhooks));
  }

  private void enqueue(ContactEvent event, List<Webhook> webhooks) {
    WebhookEvent webhookEvent = WebhookEvent.of(event, UUID.randomUUID().toString());
    String json = CloudEventJson.write(webhookEvent);
    Instant now = clock.instant();
    List<Delivery> deliveries = new ArrayList<>(webhooks.size());
    webhooks.forEach(webhook -> deliveries.add(Delivery.of(webhook.id(), webhookEvent, json, now)));
    offer(deliveries, now);
  }

  private void offer(List<Delivery> deliveries, Instant due) {
    store.enqueue(deliveries, due).onComplete(stored -> {
      if (stored.succeeded()) {
        pollNow();
        return;
      }
      if (backlog + deliveries.size() > MAX_BACKLOG) {
        metrics.dropped(deliveries.size());
        LOG.error("dropped {} webhook deliveries: the store has not taken new deliveries for a while ({} wait): {}",
            deliveries.size(), backlog, stored.cause().getMessage());
        return;
      }
      warn("the store cannot take webhook deliveries now, retrying in 1 s: {}", stored.cause().getMessage());
      backlog += deliveries.size();
      vertx.setTimer(STORE_RETRY_MILLIS, id -> {
        backlog -= deliveries.size();
        offer(deliveries, due);
      });
    });
  }

  /** Polls now, or right after the poll in progress. */
  private void pollNow() {
    if (polling) {
      pollAgain = true;
    } else {
      poll();
    }
  }

  private void poll() {
    int free = options.maxInFlight() - inFlight;
    if (polling || free <= 0 || registry.isEmpty()) {
      return;
    }
    polling = true;
    String token = UUID.randomUUID().toString();
    Instant now = clock.instant();
    store.claim(now, now.plus(options.lease()), free, token).onComplete(claimed -> {
      polling = false;
      if (claimed.failed()) {
        warn("cannot claim due webhook deliveries: {}", claimed.cause().getMessage());
        return;
      }
      metrics.pending(claimed.result().pending());
      saturated = claimed.result().claimed().size() == free;
      claimed.result().claimed().forEach(claim -> attempt(claim, token));
      if (pollAgain || saturated) {
        pollAgain = false;
        poll();
      }
    });
  }

  private void attempt(WebhookStore.Claimed claim, String token) {
    inFlight++;
    long started = System.nanoTime();
    Delivery delivery = claim.delivery();
    sender.send(claim.webhook(), delivery).onComplete(sent -> {
      inFlight--;
      long took = System.nanoTime() - started;
      if (sent.succeeded()) {
        metrics.delivered(took);
        store.complete(delivery, token)
            .onFailure(failure -> warn("cannot record a webhook delivery (it will be sent again): {}", failure.getMessage()));
      } else {
        AttemptFailedException failure = sent.cause() instanceof AttemptFailedException known
            ? known
            : new AttemptFailedException("connection", String.valueOf(sent.cause().getMessage()));
        metrics.failed(took, failure.reason());
        failed(delivery, token, failure);
      }
      if (saturated) {
        pollNow();
      }
    });
  }

  private void failed(Delivery delivery, String token, AttemptFailedException failure) {
    Instant now = clock.instant();
    Delivery failed = delivery.failed(now, failure.getMessage());
    if (now.isBefore(delivery.createdAt().plus(options.retryPeriod()))) {
      Duration delay = backoff.after(failed.attempts(), ThreadLocalRandom.current().nextDouble());
      store.retry(failed, token, now.plus(delay)).onComplete(kept -> {
        if (kept.succeeded()) {
          metrics.retried();
        } else {
          warn("cannot record a failed webhook attempt (it is retried when its lease ends): {}", kept.cause().getMessage());
        }
      });
      return;
    }
    store.deadLetter(failed.dead(now), token).onComplete(dead -> {
      if (dead.succeeded() && dead.result()) {
        metrics.deadLettered();
        LOG.warn("webhook {}: event {} ({}) is a dead letter after {} attempts since {}; last error: {}",
            delivery.webhookId(), delivery.eventId(), delivery.type(), failed.attempts(), delivery.createdAt(),
            failure.getMessage());
      } else if (dead.failed()) {
        warn("cannot record a webhook dead letter (it is retried when its lease ends): {}", dead.cause().getMessage());
      }
    });
  }

  /** Logs a warning at most every ten seconds, so an outage does not flood the log. */
  private void warn(String message, Object argument) {
    long now = System.nanoTime();
    if (now - lastWarning >= WARNING_INTERVAL_NANOS) {
      lastWarning = now;
      LOG.warn(message, argument);
    }
  }
}
