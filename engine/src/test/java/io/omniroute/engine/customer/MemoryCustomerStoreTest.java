package io.omniroute.engine.customer;

/** The memory store passes the customer store contract. */
class MemoryCustomerStoreTest extends CustomerStoreContract {
  @Override
  protected CustomerStore newStore() {
    return new MemoryCustomerStore();
  }
}
