package io.omniroute.engine.contact;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The in-process publisher of {@link ContactEvent}s: every subscriber gets every event, on the
 * thread that publishes it (an event loop), in the order of publication. Subscribers must be quick
 * and must not block; one that throws is logged and does not keep the others from the event.
 *
 * <p>Thread-safe; one per engine. Subscribe while the engine starts.
 */
public final class ContactEvents {
  private static final Logger LOG = LoggerFactory.getLogger(ContactEvents.class);
  private final List<Consumer<ContactEvent>> subscribers = new CopyOnWriteArrayList<>();

  /** Adds a subscriber for every event published from now on. */
  public void subscribe(Consumer<ContactEvent> subscriber) {
    subscribers.add(subscriber);
  }

  /** Hands {@code event} to every subscriber, on this thread. */
  public void publish(ContactEvent event) {
    for (Consumer<ContactEvent> subscriber : subscribers) {
      try {
        subscriber.accept(event);
      } catch (RuntimeException e) {
        LOG.error("a subscriber failed on {} of contact {}", event.getClass().getSimpleName(), event.contact().id(), e);
      }
    }
  }
}
