package io.omniroute.engine.customer;

/**
 * The memory store passes the customer store contract even when every id and identity hashes to
 * the same key: what it finds under a hash is always checked against what it was asked for.
 */
class MemoryCustomerStoreCollisionsTest extends CustomerStoreContract {
  @Override
  protected CustomerStore newStore() {
    return new MemoryCustomerStore(text -> 42L);
  }
}
