package io.omniroute.engine.queue;

import io.omniroute.engine.queue.memory.MemoryQueueStore;

/** The in-memory store passes the store contract. */
class MemoryQueueStoreTest extends QueueStoreContract {
  @Override
  protected QueueStore newStore() {
    return new MemoryQueueStore();
  }
}
