package io.omniroute.engine.channel.social;

/** The memory store passes the social post store contract. */
class MemorySocialPostStoreTest extends SocialPostStoreContract {
  @Override
  protected SocialPostStore newStore() {
    return new MemorySocialPostStore();
  }
}
