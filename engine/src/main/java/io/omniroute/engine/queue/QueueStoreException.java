package io.omniroute.engine.queue;

/** Root of the store's domain failures, delivered as failed futures. */
public class QueueStoreException extends RuntimeException {
  public QueueStoreException(String message) {
    super(message, null, false, false);
  }
}
