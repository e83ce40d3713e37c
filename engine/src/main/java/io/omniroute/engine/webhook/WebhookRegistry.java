package io.omniroute.engine.webhook;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The webhooks this node matches events against: a copy of the store's, replaced as a whole, so
 * that matching an event costs one volatile read, and nothing more when there are none. Changes
 * made through this node apply at once; {@link #refresh()} rereads the store (for other nodes'
 * changes) and is ignored when a change of this node's happened while it read, so a slow read never
 * undoes a newer change. Thread-safe.
 */
public final class WebhookRegistry {
  private final WebhookStore store;
  private volatile List<Webhook> webhooks = List.of();
  private long changes;

  public WebhookRegistry(WebhookStore store) {
    this.store = store;
  }

  /** The webhooks, ordered by id; an immutable list. */
  public List<Webhook> current() {
    return webhooks;
  }

  public boolean isEmpty() {
    return webhooks.isEmpty();
  }

  /** Rereads every webhook from the store. */
  public Future<Void> refresh() {
    long before = changesSoFar();
    return store.list().map(read -> {
      synchronized (this) {
        if (changes == before) {
          webhooks = List.copyOf(read);
        }
      }
      return null;
    });
  }

  /** This node stored {@code webhook}. */
  public synchronized void saved(Webhook webhook) {
    List<Webhook> next = new ArrayList<>(webhooks);
    next.removeIf(existing -> existing.id().equals(webhook.id()));
    next.add(webhook);
    next.sort(Comparator.comparing(Webhook::id));
    webhooks = List.copyOf(next);
    changes++;
  }

  /** This node deleted the webhook {@code id}. */
  public synchronized void deleted(String id) {
    List<Webhook> next = new ArrayList<>(webhooks);
    next.removeIf(existing -> existing.id().equals(id));
    webhooks = List.copyOf(next);
    changes++;
  }

  private synchronized long changesSoFar() {
    return changes;
  }
}
