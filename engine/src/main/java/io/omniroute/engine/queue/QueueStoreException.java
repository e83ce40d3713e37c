package io.omniroute.engine.queue;

import io.omniroute.engine.EngineException;

/** Root of the store's domain failures, delivered as failed futures. */
public class QueueStoreException extends EngineException {
  public QueueStoreException(String message) {
    super(message);
  }
}
