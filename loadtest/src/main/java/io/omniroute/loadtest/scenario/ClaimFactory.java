package io.omniroute.loadtest.scenario;

import io.omniroute.rules.directory.Directory;
import io.omniroute.rules.model.Level;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Picks the queue a claim goes to: first a level by the scenario's {@code claimQueues} weights,
 * then one of the directory's queues of that level, equally likely. Levels the directory has no
 * queue for are left out. Immutable after construction and thread-safe; the random source passed
 * to {@link #nextQueue} belongs to the caller.
 */
public final class ClaimFactory {
  private final Weighted<Level> levels;
  private final Map<Level, List<String>> queues = new EnumMap<>(Level.class);

  public ClaimFactory(Scenario scenario, Directory directory) {
    directory.queues().forEach((queue, level) -> queues.computeIfAbsent(level, l -> new ArrayList<>()).add(queue));
    Map<Level, Double> weights = new LinkedHashMap<>();
    scenario.claimQueues().forEach((name, weight) -> {
      Level level = Level.valueOf(name.toUpperCase(Locale.ROOT));
      if (queues.containsKey(level)) {
        weights.put(level, weight);
      }
    });
    if (weights.values().stream().noneMatch(w -> w > 0)) {
      weights.put(Level.CENTRAL, 1.0);
    }
    this.levels = Weighted.of(weights);
  }

  /** The name of the next queue to claim from, e.g. {@code country:DE} or {@code dealer:DE-MUC-001}. */
  public String nextQueue(SplittableRandom random) {
    List<String> names = queues.get(levels.pick(random));
    return names.get(random.nextInt(names.size()));
  }

  /** The claim body: one of 500 agents. */
  public String nextAgent(SplittableRandom random) {
    return "agent-" + (1 + random.nextInt(500));
  }
}
