package io.omniroute.loadtest.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Picks items in proportion to their weights. Immutable and thread-safe; the random source passed
 * to {@link #pick} belongs to the caller.
 *
 * @param <T> the item type
 */
public final class Weighted<T> {
  private final List<T> items;
  private final double[] cumulative;

  private Weighted(List<T> items, double[] cumulative) {
    this.items = items;
    this.cumulative = cumulative;
  }

  /** Weights in map iteration order; zero weights are never picked. At least one must be positive. */
  public static <T> Weighted<T> of(Map<T, Double> weights) {
    List<T> items = new ArrayList<>();
    List<Double> values = new ArrayList<>();
    weights.forEach((item, weight) -> {
      if (weight > 0) {
        items.add(item);
        values.add(weight);
      }
    });
    if (items.isEmpty()) {
      throw new IllegalArgumentException("no positive weight in " + weights);
    }
    double[] cumulative = new double[items.size()];
    double sum = 0;
    for (int i = 0; i < cumulative.length; i++) {
      sum += values.get(i);
      cumulative[i] = sum;
    }
    for (int i = 0; i < cumulative.length; i++) {
      cumulative[i] /= sum;
    }
    cumulative[cumulative.length - 1] = 1.0;
    return new Weighted<>(List.copyOf(items), cumulative);
  }

  /** Every item equally likely. */
  public static <T> Weighted<T> uniform(List<T> items) {
    Map<T, Double> weights = new LinkedHashMap<>();
    items.forEach(item -> weights.put(item, 1.0));
    return of(weights);
  }

  public T pick(SplittableRandom random) {
    double r = random.nextDouble();
    for (int i = 0; i < cumulative.length; i++) {
      if (r < cumulative[i]) {
        return items.get(i);
      }
    }
    return items.get(items.size() - 1);
  }

  /** The items that can be picked, in order. */
  public List<T> items() {
    return items;
  }
}
