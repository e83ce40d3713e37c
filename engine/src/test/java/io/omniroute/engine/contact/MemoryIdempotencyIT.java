package io.omniroute.engine.contact;

import io.omniroute.engine.support.RunningEngine;

/** {@link IdempotencyContract} on the in-memory store. */
class MemoryIdempotencyIT extends IdempotencyContract {
  @Override
  protected RunningEngine startEngine() {
    return RunningEngine.start();
  }
}
