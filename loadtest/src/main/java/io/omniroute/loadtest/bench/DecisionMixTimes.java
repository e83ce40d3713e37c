package io.omniroute.loadtest.bench;

import io.omniroute.rules.RuleSet;
import io.omniroute.rules.ServiceLevels;
import io.omniroute.rules.directory.Directory;
import io.omniroute.rules.directory.DirectoryLoader;
import io.omniroute.rules.model.Contact;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Times each contact of {@link DecisionBenchmark#MIX} on its own with the default rules, to show
 * which contacts make the mix's tail: {@code System.nanoTime()} around each {@link RuleSet#decide},
 * after every contact has been decided {@code 3 * samples} times to warm the JIT up. A diagnostic
 * beside the JMH benchmarks, not a replacement: the figures include the timer's own cost (tens of
 * nanoseconds). Single-threaded; run it on an otherwise idle machine.
 *
 * <p>Run: {@code java -cp loadtest/target/omniroute-benchmarks.jar
 * io.omniroute.loadtest.bench.DecisionMixTimes [samples per contact, default 50000]}.
 */
public final class DecisionMixTimes {

  /** One contact's decision times in microseconds. */
  public record Row(String label, double p50, double p90, double p99) {}

  private DecisionMixTimes() {}

  public static void main(String[] args) {
    int samples = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
    for (Row row : measure(samples)) {
      System.out.printf(Locale.ROOT, "p50 %6.2f  p90 %6.2f  p99 %6.2f µs  %s%n", row.p50(), row.p90(), row.p99(), row.label());
    }
  }

  /** Decides every contact of the mix {@code samples} times after the warm-up; one row per contact. */
  public static List<Row> measure(int samples) {
    if (samples < 1) {
      throw new IllegalArgumentException("samples must be at least 1, got " + samples);
    }
    RuleSet rules = RuleSet.defaultPolicy();
    Directory directory = DirectoryLoader.bundledSample();
    ServiceLevels serviceLevels = ServiceLevels.defaults();
    List<DecisionBenchmark.Case> mix = DecisionBenchmark.MIX;
    Contact[] contacts = RuleScaleBenchmark.resolve(mix, directory);
    for (int round = 0; round < 3; round++) {
      for (Contact contact : contacts) {
        for (int i = 0; i < samples; i++) {
          rules.decide(contact, directory, serviceLevels);
        }
      }
    }
    List<Row> rows = new ArrayList<>(contacts.length);
    long[] nanos = new long[samples];
    for (int c = 0; c < contacts.length; c++) {
      for (int i = 0; i < samples; i++) {
        long start = System.nanoTime();
        rules.decide(contacts[c], directory, serviceLevels);
        nanos[i] = System.nanoTime() - start;
      }
      Arrays.sort(nanos);
      rows.add(new Row(mix.get(c).label(), micros(nanos, 0.5), micros(nanos, 0.9), micros(nanos, 0.99)));
    }
    return rows;
  }

  private static double micros(long[] sorted, double quantile) {
    return sorted[(int) Math.min(sorted.length - 1, (long) (sorted.length * quantile))] / 1e3;
  }
}
