package io.omniroute.engine.customer;

import java.util.ArrayList;
import java.util.List;

/**
 * What an import did: rows that created a profile, rows that replaced one, and the rows it
 * rejected with their line number and what is wrong (the first {@value #MAX_LISTED_REJECTS} listed,
 * all counted). Not thread-safe: one import fills it on one event loop.
 */
public final class ImportReport {
  /** At most this many rejected rows are listed; the count covers all of them. */
  public static final int MAX_LISTED_REJECTS = 1_000;

  /** One rejected row: its line number in the file (the first line is 1), its id if it had one, and why. */
  public record Reject(long line, String id, String problem) {}

  private long imported;
  private long updated;
  private long rejected;
  private final List<Reject> rejects = new ArrayList<>();

  void saved(CustomerStore.Saved saved) {
    if (saved.created()) {
      imported++;
    } else {
      updated++;
    }
  }

  void rejected(long line, String id, String problem) {
    rejected++;
    if (rejects.size() < MAX_LISTED_REJECTS) {
      rejects.add(new Reject(line, id, problem));
    }
  }

  /** Rows that created a profile. */
  public long imported() {
    return imported;
  }

  /** Rows that replaced a profile. */
  public long updated() {
    return updated;
  }

  /** Rows refused, all of them. */
  public long rejected() {
    return rejected;
  }

  /** The first {@value #MAX_LISTED_REJECTS} rows refused, in line order. */
  public List<Reject> rejects() {
    return rejects.stream().sorted(java.util.Comparator.comparingLong(Reject::line)).toList();
  }
}
