package io.omniroute.loadtest.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.omniroute.rules.RuleSet;
import org.junit.jupiter.api.Test;

class KeywordMatchBenchmarkTest {
  private final KeywordMatchBenchmark benchmark = new KeywordMatchBenchmark();

  @Test
  void readsEveryKeywordListOfTheDefaultPolicy() {
    String policy = RuleSet.defaultPolicyText();

    assertThat(KeywordMatchBenchmark.policyKeywordLists(policy))
        .hasSize((int) policy.lines().filter(line -> line.contains("Assessment(") && line.contains("mentionsAny(")).count())
        .allSatisfy(list -> assertThat(list).hasSizeGreaterThan(5));
  }

  @Test
  void bothWaysFindTheSameListsInEveryContactOfTheMix() {
    benchmark.setUp();
    int mentionedAtAll = 0;
    for (int i = 0; i < DecisionBenchmark.MIX.size(); i++) {
      int walked = benchmark.oneWalkPerList();
      benchmark.next = i;
      int searched = benchmark.oneSearchPerKeyword();

      assertThat(walked).as(DecisionBenchmark.MIX.get(i).label()).isEqualTo(searched);
      mentionedAtAll += walked;
    }
    assertThat(mentionedAtAll).isPositive();
  }
}
