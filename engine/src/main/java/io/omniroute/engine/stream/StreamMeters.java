package io.omniroute.engine.stream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The meters of event streams:
 *
 * <ul>
 *   <li>{@code omniroute_stream_connections{transport}}: open connections of this node ({@code sse}, {@code websocket})
 *   <li>{@code omniroute_stream_disconnects_total{reason}}: connections this node closed: {@code slow}
 *       (write queue full), {@code behind} (too much arrived during a replay), {@code gap} (the
 *       node's fan-out was interrupted), {@code store} (the store could not be read)
 *   <li>{@code omniroute_stream_events_lost_total{reason}}: events that could not be appended: {@code
 *       queue-full} (the appender was that far behind), {@code store} (the store failed)
 * </ul>
 *
 * Thread-safe; one per engine.
 */
public final class StreamMeters {
  private final MeterRegistry registry;
  private final Map<String, AtomicInteger> connections = new ConcurrentHashMap<>();
  private final Map<String, Counter> disconnects = new ConcurrentHashMap<>();
  private final Map<String, Counter> lost = new ConcurrentHashMap<>();

  public StreamMeters(MeterRegistry registry) {
    this.registry = registry;
    for (String transport : new String[] {"sse", "websocket"}) {
      gauge(transport);
    }
  }

  void connected(String transport) {
    gauge(transport).incrementAndGet();
  }

  void disconnected(String transport) {
    gauge(transport).decrementAndGet();
  }

  /** This node closed a connection for {@code reason}. */
  void dropped(String reason) {
    disconnects.computeIfAbsent(reason, why -> Counter.builder("omniroute.stream.disconnects")
        .description("Event stream connections this node closed; the client resumes with its last event id")
        .tag("reason", why).register(registry)).increment();
  }

  /** An event could not be appended for {@code reason}. */
  void lost(String reason) {
    lost.computeIfAbsent(reason, why -> Counter.builder("omniroute.stream.events.lost")
        .description("Stream events that could not be appended")
        .tag("reason", why).register(registry)).increment();
  }

  /** Open connections of this node over every transport. */
  public int connections() {
    return connections.values().stream().mapToInt(AtomicInteger::get).sum();
  }

  private AtomicInteger gauge(String transport) {
    return connections.computeIfAbsent(transport, name -> {
      AtomicInteger count = new AtomicInteger();
      Gauge.builder("omniroute.stream.connections", count, AtomicInteger::get)
          .description("Open event stream connections of this node")
          .tag("transport", name).register(registry);
      return count;
    });
  }
}
