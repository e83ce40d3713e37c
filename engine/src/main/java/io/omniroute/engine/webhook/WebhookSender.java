package io.omniroute.engine.webhook;

import io.netty.channel.ConnectTimeoutException;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.codec.BodyCodec;
import java.net.ConnectException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * Makes one attempt of one delivery: checks the webhook's URL, resolves its host on a worker thread
 * and checks every address ({@link WebhookAddresses}), then POSTs the event to the first address,
 * the very one that was checked, with the URL's host as {@code Host} (and for TLS, as the name to
 * verify), signed ({@link WebhookSignature}) with the time of this attempt. Redirects are not
 * followed and the answer's body is not read. The attempt succeeds on a 2xx and fails with an
 * {@link AttemptFailedException} on any other status, on a refused or reset connection, on a
 * refused address, or when it takes longer than the timeout.
 *
 * <p>Uses one {@link WebClient}; call it on the context that owns the client. Not thread-safe.
 */
final class WebhookSender {
  /** The User-Agent of every attempt. */
  static final String USER_AGENT = "Omniroute-Webhooks/1";

  private final Vertx vertx;
  private final WebClient client;
  private final WebhookAddresses addresses;
  private final long timeoutMillis;
  private final Clock clock;

  WebhookSender(Vertx vertx, WebClient client, WebhookAddresses addresses, Duration timeout, Clock clock) {
    this.vertx = vertx;
    this.client = client;
    this.addresses = addresses;
    this.timeoutMillis = timeout.toMillis();
    this.clock = clock;
  }

  /** Sends {@code delivery}'s event to {@code webhook}; completes when a 2xx arrived. */
  Future<Void> send(Webhook webhook, Delivery delivery) {
    WebhookAddresses.Target target;
    try {
      target = WebhookAddresses.parse(webhook.url());
    } catch (WebhookAddresses.RefusedException e) {
      return Future.failedFuture(new AttemptFailedException("refused-address", "the url " + e.getMessage()));
    }
    Promise<Void> attempt = Promise.promise();
    long timer = vertx.setTimer(timeoutMillis, id -> attempt.tryFail(new AttemptFailedException("timeout",
        "no answer within " + timeoutMillis + " ms")));
    vertx.<List<InetAddress>>executeBlocking(() -> addresses.resolve(target.host()), false)
        .recover(failure -> Future.failedFuture(failure instanceof WebhookAddresses.RefusedException refused
            ? new AttemptFailedException(refused.unresolved() ? "unresolved" : "refused-address",
                "the url " + refused.getMessage())
            : failure))
        .compose(resolved -> post(target, resolved.get(0), webhook, delivery))
        .onComplete(done -> {
          vertx.cancelTimer(timer);
          if (done.succeeded()) {
            attempt.tryComplete();
          } else {
            attempt.tryFail(classified(done.cause()));
          }
        });
    return attempt.future();
  }

  private Future<Void> post(WebhookAddresses.Target target, InetAddress address, Webhook webhook, Delivery delivery) {
    RequestOptions options = new RequestOptions()
        .setHost(target.host())
        .setPort(target.port())
        .setSsl(target.https())
        .setURI(target.pathAndQuery());
    String signature = WebhookSignature.header(webhook.secret(), clock.instant().getEpochSecond(), delivery.event());
    return client.request(HttpMethod.POST, SocketAddress.inetSocketAddress(target.port(), address.getHostAddress()), options)
        .putHeader("Content-Type", CloudEventJson.CONTENT_TYPE)
        .putHeader(WebhookSignature.HEADER, signature)
        .putHeader("Omniroute-Webhook", webhook.id())
        .putHeader("Omniroute-Delivery-Attempt", Integer.toString(delivery.attempts() + 1))
        .followRedirects(false)
        .connectTimeout(timeoutMillis)
        .idleTimeout(timeoutMillis)
        .as(BodyCodec.none())
        .sendBuffer(Buffer.buffer(delivery.event()))
        .compose(response -> response.statusCode() >= 200 && response.statusCode() < 300
            ? Future.succeededFuture()
            : Future.failedFuture(AttemptFailedException.status(response.statusCode())));
  }

  private static AttemptFailedException classified(Throwable failure) {
    if (failure instanceof AttemptFailedException known) {
      return known;
    }
    if (failure instanceof TimeoutException || failure instanceof ConnectTimeoutException
        || failure.getClass().getSimpleName().contains("Timeout")) {
      return new AttemptFailedException("timeout", "timed out: " + failure.getMessage());
    }
    String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    if (failure instanceof ConnectException || failure.getCause() instanceof ConnectException) {
      return new AttemptFailedException("connection", "cannot connect: " + message);
    }
    return new AttemptFailedException("connection", "the connection failed: " + message);
  }
}
