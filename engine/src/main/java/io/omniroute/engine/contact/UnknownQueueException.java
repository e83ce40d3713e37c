package io.omniroute.engine.contact;

import io.omniroute.engine.EngineException;

/** No queue of that name: neither the directory's nor one the store holds contacts in. */
public final class UnknownQueueException extends EngineException {
  private final String queue;

  UnknownQueueException(String queue) {
    super("no queue named '" + queue + "'");
    this.queue = queue;
  }

  public String queue() {
    return queue;
  }
}
