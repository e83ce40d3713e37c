package io.omniroute.engine.channel.social;

/** The memory store passes the partner channel store contract. */
class MemoryPartnerChannelStoreTest extends PartnerChannelStoreContract {
  @Override
  protected PartnerChannelStore newStore() {
    return new MemoryPartnerChannelStore();
  }
}
