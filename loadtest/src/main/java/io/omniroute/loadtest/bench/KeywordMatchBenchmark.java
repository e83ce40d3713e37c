package io.omniroute.loadtest.bench;

import io.omniroute.rules.RuleSet;
import io.omniroute.rules.model.ContactText;
import io.omniroute.rules.model.Keyword;
import io.omniroute.rules.model.KeywordMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The keyword tests of one decision: every {@code mentionsAny("...")} list of the default policy
 * against the text of each contact of {@link DecisionBenchmark#MIX}, asked two ways in one run:
 *
 * <ul>
 *   <li>{@link #oneWalkPerList}: one {@link KeywordMatcher} per list, as the engine matches;
 *   <li>{@link #oneSearchPerKeyword}: each keyword on its own ({@link ContactText#mentions(Keyword)},
 *       a search of the text per keyword), as the engine matched before {@link KeywordMatcher}.
 * </ul>
 *
 * Both answer how many lists each contact mentions; the operation is one contact, all lists.
 *
 * <p>Run: {@code java -jar loadtest/target/omniroute-benchmarks.jar KeywordMatchBenchmark}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 2, timeUnit = TimeUnit.SECONDS)
@State(Scope.Thread)
public class KeywordMatchBenchmark {
  private static final Pattern MENTIONS_ANY = Pattern.compile("mentionsAny\\(\"([^\"]*)\"\\)");

  List<List<Keyword>> lists;
  KeywordMatcher[] matchers;
  ContactText[] texts;
  int next;

  @Setup(Level.Trial)
  public void setUp() {
    lists = policyKeywordLists(RuleSet.defaultPolicyText());
    matchers = lists.stream().map(KeywordMatcher::of).toArray(KeywordMatcher[]::new);
    texts = DecisionBenchmark.MIX.stream().map(c -> c.contact().getSearchableText()).toArray(ContactText[]::new);
  }

  /** The keyword lists of every {@code mentionsAny} in the rules of the policy text (not its comments), in order. */
  static List<List<Keyword>> policyKeywordLists(String drl) {
    List<List<Keyword>> lists = new ArrayList<>();
    drl.lines().filter(line -> !line.strip().startsWith("//")).forEach(line -> {
      for (Matcher m = MENTIONS_ANY.matcher(line); m.find(); ) {
        lists.add(Pattern.compile("\\|").splitAsStream(m.group(1)).map(Keyword::of).toList());
      }
    });
    return lists;
  }

  /** The number of lists the next contact mentions, one walk per list. */
  @Benchmark
  public int oneWalkPerList() {
    ContactText text = nextText();
    int mentioned = 0;
    for (KeywordMatcher matcher : matchers) {
      if (matcher.anyIn(text)) {
        mentioned++;
      }
    }
    return mentioned;
  }

  /** The number of lists the next contact mentions, one search per keyword. */
  @Benchmark
  public int oneSearchPerKeyword() {
    ContactText text = nextText();
    int mentioned = 0;
    for (List<Keyword> list : lists) {
      for (Keyword keyword : list) {
        if (text.mentions(keyword)) {
          mentioned++;
          break;
        }
      }
    }
    return mentioned;
  }

  private ContactText nextText() {
    ContactText text = texts[next];
    next = (next + 1) % texts.length;
    return text;
  }
}
