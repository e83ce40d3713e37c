package io.omniroute.engine.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.omniroute.engine.queue.QueueStats;
import io.omniroute.rules.model.Level;
import io.omniroute.rules.model.QueueNames;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The engine's meters, named per DESIGN.md section 4 and scraped from {@code /metrics}:
 *
 * <ul>
 *   <li>{@code omniroute_contacts_received_total{channel,level,identification,relationship}}
 *   <li>{@code omniroute_routing_decision_duration_seconds} (histogram)
 *   <li>{@code omniroute_queue_depth{queue,level}} and {@code omniroute_queue_oldest_wait_seconds{queue,level}}
 *   <li>{@code omniroute_escalations_total{from,to}}
 *   <li>{@code omniroute_queue_wait_seconds{level}} (histogram: received until claimed)
 *   <li>{@code omniroute_contacts_finished_total{outcome}} (completed, abandoned)
 *   <li>{@code omniroute_routing_fallbacks_total{reason=incomplete|firing-limit}} (decisions sent to the central desk)
 *   <li>{@code omniroute_rules_active_version{scope}} and {@code omniroute_rules_reload_failures_total}
 * </ul>
 *
 * Thread-safe; one instance per engine, shared by all verticles.
 */
public final class EngineMetrics {
  private static final Duration[] SLO_BUCKETS = {
    Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(30),
    Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofHours(1),
    Duration.ofHours(4), Duration.ofHours(24)
  };

  private final PrometheusMeterRegistry registry;
  private final Timer decisionDuration;
  private final Counter fallbacks;
  private final Counter firingLimits;
  private final Map<String, AtomicLong> depths = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> oldestWaits = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> rulesVersions = new ConcurrentHashMap<>();

  public EngineMetrics() {
    this(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
  }

  public EngineMetrics(PrometheusMeterRegistry registry) {
    this.registry = registry;
    this.decisionDuration =
        Timer.builder("omniroute.routing.decision.duration")
            .description("Time to classify and route one contact with the active rules")
            .publishPercentileHistogram()
            .minimumExpectedValue(Duration.ofNanos(1_000))
            .maximumExpectedValue(Duration.ofMillis(100))
            .register(registry);
    this.fallbacks = fallbackCounter("incomplete");
    this.firingLimits = fallbackCounter("firing-limit");
  }

  public MeterRegistry registry() {
    return registry;
  }

  /** The Prometheus text exposition of every meter. */
  public String scrape() {
    return registry.scrape();
  }

  /**
   * A contact accepted through {@code channel}, routed to {@code level}, from a sender in one of the
   * four relationship sectors ({@code identification} IDENTIFIED or UNIDENTIFIED, {@code
   * relationship} direct or indirect).
   */
  public void contactReceived(String channel, Level level, String identification, String relationship) {
    Counter.builder("omniroute.contacts.received")
        .description("Contacts accepted, by channel, by the level they were routed to and by relationship sector")
        .tags("channel", channel, "level", level.name(), "identification", identification, "relationship", relationship)
        .register(registry)
        .increment();
  }

  public void decisionTook(long nanos) {
    decisionDuration.record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
  }

  private Counter fallbackCounter(String reason) {
    return Counter.builder("omniroute.routing.fallbacks")
        .description("Decisions routed to the central desk because the rules left them incomplete or looped "
            + "until the firing limit stopped them")
        .tag("reason", reason)
        .register(registry);
  }

  /** A decision that fell back to the central desk; {@code firingLimit} when a looping rule was stopped. */
  public void fallbackUsed(boolean firingLimit) {
    (firingLimit ? firingLimits : fallbacks).increment();
  }

  /** The rules of {@code scope} now in force on this node are version {@code version}. */
  public void rulesActive(String scope, int version) {
    rulesVersions.computeIfAbsent(scope, s -> {
      AtomicLong value = new AtomicLong();
      Gauge.builder("omniroute.rules.active.version", value, AtomicLong::doubleValue)
          .description("The version of each rule scope this node decides with")
          .tag("scope", s)
          .register(registry);
      return value;
    }).set(version);
  }

  /** This node could not load the active rules (it keeps deciding with the rules it had). */
  public void rulesReloadFailed() {
    Counter.builder("omniroute.rules.reload.failures")
        .description("Failed attempts to load newly activated rules on this node; it kept its previous rules")
        .register(registry)
        .increment();
  }

  public void escalated(Level from, Level to) {
    Counter.builder("omniroute.escalations")
        .description("Contacts moved up their ladder at their deadline")
        .tags("from", from.name(), "to", to.name())
        .register(registry)
        .increment();
  }

  /** A follow-up reached its conversation: {@code joined} an open one, {@code raised} it, or {@code reopened} a closed one. */
  public void followUp(String outcome) {
    Counter.builder("omniroute.conversation.followups")
        .description("Contacts that followed up an existing conversation, by what they did to it")
        .tags("outcome", outcome)
        .register(registry)
        .increment();
  }

  /** A contact was handed from one level's queue to another's. */
  public void transferred(Level from, Level to) {
    Counter.builder("omniroute.transfers")
        .description("Contacts handed to another queue by an agent or supervisor")
        .tags("from", from.name(), "to", to.name())
        .register(registry)
        .increment();
  }

  public void claimed(Level level, Duration waited) {
    Timer.builder("omniroute.queue.wait")
        .description("Time from receipt until an agent claimed the contact")
        .tags("level", level.name())
        .serviceLevelObjectives(SLO_BUCKETS)
        .register(registry)
        .record(waited.isNegative() ? Duration.ZERO : waited);
  }

  public void finished(String outcome) {
    Counter.builder("omniroute.contacts.finished")
        .description("Contacts that left the engine, by outcome")
        .tags("outcome", outcome)
        .register(registry)
        .increment();
  }

  /** A contact was offered to an agent; {@code sinceArrival} is how long it waited for its first offer (null for a later one). */
  public void offered(String channel, Duration sinceArrival) {
    Counter.builder("omniroute.offers")
        .description("Offers of contacts to agents")
        .tags("channel", channel)
        .register(registry)
        .increment();
    if (sinceArrival != null) {
      Timer.builder("omniroute.offer.time.to.offer")
          .description("Time from a contact's receipt to its first offer to an agent")
          .tags("channel", channel)
          .serviceLevelObjectives(SLO_BUCKETS)
          .register(registry)
          .record(sinceArrival.isNegative() ? Duration.ZERO : sinceArrival);
    }
  }

  /** An offer ended with {@code outcome} ({@code accepted}, {@code rejected}, {@code timedout}, {@code withdrawn}) after {@code open}. */
  public void offerEnded(String channel, String outcome, Duration open) {
    Counter.builder("omniroute.offer.outcomes")
        .description("Ended offers by outcome")
        .tags("channel", channel, "outcome", outcome)
        .register(registry)
        .increment();
    if ("accepted".equals(outcome)) {
      Timer.builder("omniroute.offer.time.to.accept")
          .description("Time from an offer to the agent's acceptance")
          .tags("channel", channel)
          .serviceLevelObjectives(SLO_BUCKETS)
          .register(registry)
          .record(open.isNegative() ? Duration.ZERO : open);
    }
  }

  /** An assigned contact was completed {@code handled} after its assignment. */
  public void handled(String channel, Duration handled) {
    Timer.builder("omniroute.handle.time")
        .description("Time from a contact's assignment to an agent to its completion")
        .tags("channel", channel)
        .serviceLevelObjectives(SLO_BUCKETS)
        .register(registry)
        .record(handled.isNegative() ? Duration.ZERO : handled);
  }

  /**
   * Registers the agent gauges: occupancy per channel (the contacts agents have, assigned or
   * offered, over the capacity of the agents who are available or busy) and agents per presence,
   * read from {@code agents} at each scrape.
   */
  public void agentGauges(AgentFigures agents) {
    for (String channel : List.of("voice", "chat", "email", "sms", "social")) {
      Gauge.builder("omniroute.agent.occupancy", agents, figures -> figures.occupancy(channel))
          .description("Contacts agents have on the channel over their capacity for it (available and busy agents)")
          .baseUnit("ratio")
          .tags("channel", channel)
          .register(registry);
    }
    for (String presence : List.of("available", "busy", "away", "offline")) {
      Gauge.builder("omniroute.agents", agents, figures -> figures.withPresence(presence))
          .description("Registered agents by presence")
          .tags("presence", presence)
          .register(registry);
    }
  }

  /** What the agent gauges read; implemented by the offer engine from its roster. */
  public interface AgentFigures {
    /** Load over capacity on a channel (wire name) of the agents available or busy; 0 when none. */
    double occupancy(String channel);

    /** How many agents have a presence (wire name). */
    long withPresence(String presence);
  }

  /** Updates the depth and oldest-wait gauges from a snapshot of the store. */
  public void queueSnapshot(Iterable<QueueStats> stats, java.time.Instant now) {
    for (QueueStats queue : stats) {
      gauge(depths, "omniroute.queue.depth", "Contacts waiting in the queue", queue.queue())
          .set(queue.depth());
      long oldest =
          queue.oldestReceivedAt() == null ? 0 : Math.max(0, Duration.between(queue.oldestReceivedAt(), now).toSeconds());
      gauge(oldestWaits, "omniroute.queue.oldest.wait", "Seconds the oldest waiting contact has waited", queue.queue())
          .set(oldest);
    }
  }

  /** Registers a zero depth gauge for a queue known from the directory. */
  public void knownQueue(String queue) {
    gauge(depths, "omniroute.queue.depth", "Contacts waiting in the queue", queue);
    gauge(oldestWaits, "omniroute.queue.oldest.wait", "Seconds the oldest waiting contact has waited", queue);
  }

  private AtomicLong gauge(Map<String, AtomicLong> values, String name, String description, String queue) {
    return values.computeIfAbsent(queue, q -> {
      AtomicLong value = new AtomicLong();
      Level level = QueueNames.levelOf(q);
      Gauge.builder(name, value, AtomicLong::doubleValue)
          .description(description)
          .baseUnit(name.endsWith("wait") ? "seconds" : null)
          .tags(Tags.of("queue", q, "level", level == null ? "UNKNOWN" : level.name()))
          .register(registry);
      return value;
    });
  }
}
