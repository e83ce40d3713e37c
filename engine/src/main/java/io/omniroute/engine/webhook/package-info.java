/**
 * Signed webhooks for the contact lifecycle: each published {@link
 * io.omniroute.engine.contact.ContactEvent} step becomes a CloudEvent ({@link
 * io.omniroute.engine.webhook.WebhookEvent}, {@link io.omniroute.engine.webhook.CloudEventJson})
 * that is delivered, at least once and signed ({@link io.omniroute.engine.webhook.WebhookSignature}),
 * to every registered {@link io.omniroute.engine.webhook.Webhook} it matches.
 *
 * <p>{@link io.omniroute.engine.webhook.WebhookService} checks and authorizes registrations (URLs
 * through {@link io.omniroute.engine.webhook.WebhookAddresses}); the {@link
 * io.omniroute.engine.webhook.WebhookPublisher} matches events on the publishing event loop against
 * the cached {@link io.omniroute.engine.webhook.WebhookRegistry}; the {@link
 * io.omniroute.engine.webhook.WebhookDispatcher} enqueues, polls, sends, retries and dead-letters
 * through a {@link io.omniroute.engine.webhook.WebhookStore} kept in memory or in Redis.
 * {@link io.omniroute.engine.webhook.Webhooks} wires them for an engine.
 */
package io.omniroute.engine.webhook;
