package io.omniroute.loadtest.generator;

import io.omniroute.loadtest.scenario.Scenario;
import io.omniroute.rules.directory.Directory;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything a load run needs, already parsed and checked. Immutable.
 *
 * @param target the server
 * @param mode open model (fixed arrival rate) or max (closed loop)
 * @param rate requests per second, open model only
 * @param duration the measured time, after the warm-up
 * @param warmup time before the measurement whose results are discarded
 * @param connections HTTP connections: the pool size (open model) or the number of closed loops (max)
 * @param eventLoops event loops (client lanes) the connections are spread over
 * @param maxInFlight open model: requests outstanding at most; more count as {@code client-overload}
 * @param timeout per request: for getting a connection and for waiting on the answer
 * @param scenario the traffic mix
 * @param directory the organisation the traffic is generated from
 * @param seed seeds the traffic; the same seed gives the same bodies
 * @param token the bearer token every request carries ({@code Authorization: Bearer <token>}), or
 *     {@code null} for none
 */
public record RunSettings(
    Target target,
    Mode mode,
    double rate,
    Duration duration,
    Duration warmup,
    int connections,
    int eventLoops,
    int maxInFlight,
    Duration timeout,
    Scenario scenario,
    Directory directory,
    long seed,
    String token) {
  /** The token the generator sends unless told otherwise: the engine's public demo admin token. */
  public static final String DEFAULT_TOKEN = "demo-admin";


  /** How requests are issued. */
  public enum Mode {
    /** Fixed arrival rate; latency from the intended send time (no coordinated omission). */
    OPEN,
    /** Closed loop: each connection sends the next request when the previous one is answered. */
    MAX
  }

  public RunSettings {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(scenario, "scenario");
    Objects.requireNonNull(directory, "directory");
    if (mode == Mode.OPEN && !(rate > 0)) {
      throw new IllegalArgumentException("--rate must be positive, got " + rate);
    }
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException("--duration must be positive");
    }
    if (warmup.isNegative()) {
      throw new IllegalArgumentException("--warmup must not be negative");
    }
    if (connections < 1) {
      throw new IllegalArgumentException("--connections must be at least 1, got " + connections);
    }
    if (eventLoops < 1) {
      throw new IllegalArgumentException("--event-loops must be at least 1, got " + eventLoops);
    }
    if (maxInFlight < 1) {
      throw new IllegalArgumentException("--max-in-flight must be at least 1, got " + maxInFlight);
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("--timeout must be positive");
    }
    if (token != null && (token.isBlank() || !token.strip().equals(token) || token.contains(" "))) {
      throw new IllegalArgumentException("--token must be a token without spaces, got '" + token + "'");
    }
  }

  /** The same settings with another bearer token ({@code null} for none). */
  public RunSettings withToken(String newToken) {
    return new RunSettings(target, mode, rate, duration, warmup, connections, eventLoops, maxInFlight, timeout, scenario,
        directory, seed, newToken);
  }

  /** The lanes actually used: no more event loops than connections. */
  public int lanes() {
    return Math.min(eventLoops, connections);
  }
}
