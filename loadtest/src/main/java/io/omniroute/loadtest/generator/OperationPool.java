package io.omniroute.loadtest.generator;

import io.omniroute.loadtest.scenario.Operation;
import io.omniroute.loadtest.scenario.TrafficGenerator;

/**
 * Operations generated ahead of the run and sent in a cycle, each contact with a fresh
 * {@code Idempotency-Key} ({@code <keyPrefix>-<n>}), so that building JSON does not cost the
 * client CPU during the measurement (it was a fifth of the client's time). The bodies are
 * read-only buffers and can be sent any number of times.
 *
 * <p>Not thread-safe: one pool per lane, used on the lane's event loop.
 */
public final class OperationPool {
  private final Operation[] operations;
  private final String keyPrefix;
  private int cursor;
  private long sequence;

  /** Takes {@code size} operations from the generator; keys are {@code keyPrefix-1}, {@code keyPrefix-2}, ... */
  public OperationPool(TrafficGenerator traffic, int size, String keyPrefix) {
    if (size < 1) {
      throw new IllegalArgumentException("pool size must be at least 1");
    }
    this.operations = new Operation[size];
    for (int i = 0; i < size; i++) {
      operations[i] = traffic.next();
    }
    this.keyPrefix = keyPrefix;
  }

  public Operation next() {
    Operation template = operations[cursor];
    cursor = cursor + 1 == operations.length ? 0 : cursor + 1;
    return template.kind() == Operation.Kind.CONTACT ? template.withIdempotencyKey(keyPrefix + "-" + (++sequence)) : template;
  }

  public int size() {
    return operations.length;
  }
}
