package io.omniroute.engine.rules;

import io.omniroute.rules.Decision;
import io.omniroute.rules.model.Contact;
import io.omniroute.rules.model.Level;
import io.omniroute.rules.model.QueueNames;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The same contacts decided under the active rules and under a draft, side by side, with a
 * summary of what moves where. Immutable.
 *
 * @param activeVersions the active version of each scope
 * @param draftVersion the label the draft decided as, for example {@code DE:draft}
 */
public record Simulation(String scope, Map<String, String> activeVersions, String draftVersion, List<Outcome> outcomes) {
  public Simulation {
    activeVersions = Collections.unmodifiableMap(new LinkedHashMap<>(activeVersions));
    outcomes = List.copyOf(outcomes);
  }

  /**
   * One contact under both rule books.
   *
   * @param id the contact's id when it was a contact the engine saw, else {@code null}
   */
  public record Outcome(String id, Contact contact, Decision active, Decision draft) {
    /** Whether the draft sends the contact to another queue. */
    public boolean moved() {
      return !active.route().queue().equals(draft.route().queue());
    }

    /** Whether the draft classifies the contact differently. */
    public boolean reclassified() {
      return !active.classification().equals(draft.classification());
    }
  }

  /** How many contacts move from one queue to another. */
  public record Move(String from, String to, int count) {}

  /** Every move, most contacts first. */
  public List<Move> moves() {
    Map<String, Map<String, Integer>> counts = new TreeMap<>();
    for (Outcome outcome : outcomes) {
      if (outcome.moved()) {
        counts.computeIfAbsent(outcome.active().route().queue(), q -> new TreeMap<>())
            .merge(outcome.draft().route().queue(), 1, Integer::sum);
      }
    }
    List<Move> moves = new ArrayList<>();
    counts.forEach((from, tos) -> tos.forEach((to, count) -> moves.add(new Move(from, to, count))));
    moves.sort(Comparator.comparingInt(Move::count).reversed());
    return moves;
  }

  public int movedCount() {
    return (int) outcomes.stream().filter(Outcome::moved).count();
  }

  /**
   * The summary a supervisor reads first, for example {@code 37 contacts move from country:DE to
   * dealer queues (dealer:DE-BER-001 20, dealer:DE-MUC-001 17)}.
   */
  public List<String> summary() {
    int moved = movedCount();
    List<String> lines = new ArrayList<>();
    lines.add(contacts(outcomes.size()) + " simulated: " + moved + " " + (moved == 1 ? "moves" : "move") + ", "
        + (outcomes.size() - moved) + " " + (outcomes.size() - moved == 1 ? "keeps its" : "keep their") + " queue.");
    Map<String, List<Move>> byTarget = new LinkedHashMap<>();
    for (Move move : moves()) {
      byTarget.computeIfAbsent(move.from() + " -> " + levelOf(move.to()), k -> new ArrayList<>()).add(move);
    }
    byTarget.values().stream()
        .sorted(Comparator.comparingInt((List<Move> group) -> group.stream().mapToInt(Move::count).sum()).reversed())
        .forEach(group -> lines.add(line(group)));
    long reclassified = outcomes.stream().filter(o -> !o.moved() && o.reclassified()).count();
    if (reclassified > 0) {
      lines.add(contacts((int) reclassified) + " keep their queue but change classification (knowledge, urgency or topic).");
    }
    return lines;
  }

  private static String line(List<Move> group) {
    int total = group.stream().mapToInt(Move::count).sum();
    String from = group.get(0).from();
    String verb = total == 1 ? " moves from " : " move from ";
    if (group.size() == 1) {
      return contacts(total) + verb + from + " to " + group.get(0).to() + ".";
    }
    List<String> parts = new ArrayList<>();
    group.forEach(move -> parts.add(move.to() + " " + move.count()));
    return contacts(total) + verb + from + " to " + levelName(levelOf(group.get(0).to())) + " ("
        + String.join(", ", parts) + ").";
  }

  private static String contacts(int n) {
    return n == 1 ? "1 contact" : n + " contacts";
  }

  private static Level levelOf(String queue) {
    return QueueNames.levelOf(queue);
  }

  private static String levelName(Level level) {
    return switch (level) {
      case CENTRAL -> "the central desk";
      case COUNTRY -> "country queues";
      case EXPERT -> "expert queues";
      case DEALER -> "dealer queues";
    };
  }
}
