package io.omniroute.rules.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link KeywordMatcher}: many keywords in one walk over the text, with the same answer as asking
 * {@link ContactText#mentions(Keyword)} for each keyword.
 */
class KeywordMatcherTest {
  private static ContactText text(String text) {
    return ContactText.of(null, text);
  }

  private static List<Keyword> keywords(String... phrases) {
    return List.of(phrases).stream().map(Keyword::of).toList();
  }

  @Test
  void findsAWholeWordAmongLongerStemsThatShareItsStart() {
    KeywordMatcher matcher = KeywordMatcher.of(keywords("fire", "fireplace", "fire brigade"));

    assertThat(matcher.anyIn(text("The fire is out"))).isTrue();
    assertThat(matcher.anyIn(text("Call the fire brigade"))).isTrue();
    assertThat(matcher.anyIn(text("A fireplace for sale"))).isTrue();
    assertThat(matcher.anyIn(text("Fireworks tonight"))).isFalse();
  }

  @Test
  void matchesAPrefixAtAWordStartOnly() {
    KeywordMatcher matcher = KeywordMatcher.of(keywords("unfall*"));

    assertThat(matcher.anyIn(text("Unfallschaden melden"))).isTrue();
    assertThat(matcher.anyIn(text("Verkehrsunfall auf der A8"))).isFalse();
  }

  @Test
  void answersTheLowestGroupWithAKeywordWhereverItStandsInTheText() {
    KeywordMatcher matcher = KeywordMatcher.ofGroups(List.of(keywords("warranty"), keywords("invoice", "bill*")));

    assertThat(matcher.firstGroupIn(text("My invoice mentions the warranty"))).isZero();
    assertThat(matcher.firstGroupIn(text("The billing address is wrong"))).isEqualTo(1);
    assertThat(matcher.firstGroupIn(text("Nothing to see"))).isEqualTo(KeywordMatcher.NONE);
  }

  @Test
  void aKeywordInTwoGroupsCountsForTheLowest() {
    KeywordMatcher matcher = KeywordMatcher.ofGroups(List.of(keywords("lease"), keywords("car"), keywords("car")));

    assertThat(matcher.firstGroupIn(text("car"))).isEqualTo(1);
  }

  @Test
  void findsNothingWithoutKeywordsOrWithOnlyEmptyOnes() {
    assertThat(KeywordMatcher.of().anyIn(text("anything"))).isFalse();
    assertThat(KeywordMatcher.of(keywords("*", "")).anyIn(text("anything"))).isFalse();
    assertThat(KeywordMatcher.of(keywords("fire")).anyIn(ContactText.of(null, null))).isFalse();
  }

  @Test
  void agreesWithMatchingEachKeywordOnItsOwn() {
    Random random = new Random(20261124);
    String[] words = {"car", "cars", "my car", "fire", "on fire", "unfall", "auto", "autounfall", "ab", "a", "b1", "x-ray"};
    String[] glue = {" ", "  ", "-", ", ", "!", "(", ")", "\n", ""};
    for (int round = 0; round < 2_000; round++) {
      List<List<Keyword>> groups = new ArrayList<>();
      for (int g = random.nextInt(4); g >= 0; g--) {
        List<Keyword> group = new ArrayList<>();
        for (int k = random.nextInt(4); k >= 0; k--) {
          String word = words[random.nextInt(words.length)];
          group.add(Keyword.of(random.nextBoolean() ? word + "*" : word));
        }
        groups.add(group);
      }
      StringBuilder written = new StringBuilder();
      for (int w = random.nextInt(8); w >= 0; w--) {
        written.append(glue[random.nextInt(glue.length)]).append(words[random.nextInt(words.length)]);
      }
      ContactText text = text(written.toString());

      assertThat(KeywordMatcher.ofGroups(groups).firstGroupIn(text))
          .as("groups %s in '%s'", groups, written)
          .isEqualTo(firstGroupOneByOne(groups, text));
    }
  }

  private static int firstGroupOneByOne(List<List<Keyword>> groups, ContactText text) {
    for (int group = 0; group < groups.size(); group++) {
      for (Keyword keyword : groups.get(group)) {
        if (text.mentions(keyword)) {
          return group;
        }
      }
    }
    return KeywordMatcher.NONE;
  }
}
