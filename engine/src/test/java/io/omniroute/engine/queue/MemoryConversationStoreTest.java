package io.omniroute.engine.queue;

import io.omniroute.engine.queue.memory.MemoryQueueStore;

/** The memory store passes the conversation contract. */
class MemoryConversationStoreTest extends ConversationStoreContract {
  @Override
  protected QueueStore newStore() {
    return new MemoryQueueStore();
  }
}
