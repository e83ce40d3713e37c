package io.omniroute.engine.queue;

/** No contact with the given id. */
public class ContactNotFoundException extends QueueStoreException {
  public ContactNotFoundException(String id) {
    super("no contact with id '" + id + "'");
  }
}
