package io.omniroute.engine.webhook;

/** The memory store passes the webhook store contract. */
class MemoryWebhookStoreTest extends WebhookStoreContract {
  @Override
  protected WebhookStore newStore() {
    return new MemoryWebhookStore();
  }
}
