package io.omniroute.engine.webhook;

import io.omniroute.engine.contact.ContactEvent;
import io.omniroute.engine.contact.ContactEvents;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The {@link ContactEvents} subscriber of webhooks: matches each event against the webhooks of the
 * {@link WebhookRegistry} and hands a matched one to the {@link WebhookDispatcher}, which builds,
 * writes and enqueues it on its own event loop. On the publishing event loop it only matches: with
 * no webhooks an event costs one volatile read, with some a type look-up and a comparison of
 * queues per webhook. Thread-safe; subscribe one per engine with {@link #subscribeTo}.
 */
public final class WebhookPublisher implements Consumer<ContactEvent> {
  private final WebhookRegistry registry;
  private final WebhookDispatcher dispatcher;

  private WebhookPublisher(WebhookRegistry registry, WebhookDispatcher dispatcher) {
    this.registry = registry;
    this.dispatcher = dispatcher;
  }

  /** Sends every event published from now on to the webhooks it matches. */
  public static void subscribeTo(ContactEvents events, WebhookRegistry registry, WebhookDispatcher dispatcher) {
    events.subscribe(new WebhookPublisher(registry, dispatcher));
  }

  @Override
  public void accept(ContactEvent event) {
    List<Webhook> webhooks = registry.current();
    if (webhooks.isEmpty()) {
      return;
    }
    String type = WebhookEvent.typeOf(event);
    if (type == null) {
      return;
    }
    Set<String> queues = WebhookEvent.queuesOf(event);
    List<Webhook> matched = null;
    for (Webhook webhook : webhooks) {
      if (webhook.wants(type, queues)) {
        if (matched == null) {
          matched = new ArrayList<>(2);
        }
        matched.add(webhook);
      }
    }
    if (matched != null) {
      dispatcher.submit(event, matched);
    }
  }
}
