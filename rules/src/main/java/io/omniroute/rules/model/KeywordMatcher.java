package io.omniroute.rules.model;

import java.util.Arrays;
import java.util.List;

/**
 * Many {@link Keyword}s matched against a {@link ContactText} in one pass: the keywords' stems
 * form a character trie, and the text is walked from each of its word starts only as far as some
 * stem still agrees. A decision asks for a few lists of twenty to thirty phrases each; one walk per
 * list costs a few steps per word of the text instead of one search of the whole text per phrase.
 *
 * <p>Matches exactly as {@link ContactText#mentions(Keyword)} does: a stem must begin at a word
 * boundary, and end at one unless the keyword is a prefix. Each keyword belongs to a group (its
 * index in {@link #ofGroups}; {@link #of} makes one group), so one matcher can answer "which is the first topic with a keyword
 * in this text" as well as "is any keyword in this text".
 *
 * <p>Immutable and thread-safe: the trie is complete before the matcher's final field refers to it.
 */
public final class KeywordMatcher {
  /** Returned by {@link #firstGroupIn} when no keyword is in the text. */
  public static final int NONE = -1;

  private final Node root;

  private KeywordMatcher(Node root) {
    this.root = root;
  }

  /** A matcher for one group of keywords. */
  public static KeywordMatcher of(Keyword... keywords) {
    return of(List.of(keywords));
  }

  /** A matcher for one group of keywords. */
  public static KeywordMatcher of(Iterable<Keyword> keywords) {
    Node root = new Node();
    keywords.forEach(keyword -> add(root, keyword, 0));
    return new KeywordMatcher(root);
  }

  /** A matcher whose group {@code i} holds the keywords of {@code groups.get(i)}. */
  public static KeywordMatcher ofGroups(List<? extends Iterable<Keyword>> groups) {
    Node root = new Node();
    for (int group = 0; group < groups.size(); group++) {
      for (Keyword keyword : groups.get(group)) {
        add(root, keyword, group);
      }
    }
    return new KeywordMatcher(root);
  }

  private static void add(Node root, Keyword keyword, int group) {
    String stem = keyword.stem();
    if (stem.isEmpty()) {
      return;
    }
    Node node = root;
    for (int i = 0; i < stem.length(); i++) {
      node = node.childOrNew(stem.charAt(i));
    }
    if (keyword.prefix()) {
      node.prefixGroup = lower(node.prefixGroup, group);
    } else {
      node.wordGroup = lower(node.wordGroup, group);
    }
  }

  /** Whether any keyword is in the text. */
  public boolean anyIn(ContactText text) {
    return scan(text, true) != NONE;
  }

  /** The lowest group with a keyword in the text, or {@link #NONE}. */
  public int firstGroupIn(ContactText text) {
    return scan(text, false);
  }

  private int scan(ContactText text, boolean anyGroup) {
    String normalised = text.normalised();
    int length = normalised.length();
    int best = NONE;
    for (int start : text.wordStarts()) {
      Node node = root;
      for (int at = start; at < length; at++) {
        node = node.child(normalised.charAt(at));
        if (node == null) {
          break;
        }
        int group = lower(node.prefixGroup, node.wordGroup != NONE && text.isWordBoundary(at + 1) ? node.wordGroup : NONE);
        if (group != NONE) {
          best = lower(best, group);
          if (anyGroup || best == 0) {
            return best;
          }
        }
      }
    }
    return best;
  }

  private static int lower(int a, int b) {
    if (a == NONE) {
      return b;
    }
    return b == NONE ? a : Math.min(a, b);
  }

  /**
   * A trie node: the children in a table indexed by character, from the lowest character that has
   * one (stems are mostly lower-case letters, so a table is short), and the groups of stems ending here.
   */
  private static final class Node {
    private static final Node[] NO_CHILDREN = {};

    char first;
    Node[] children = NO_CHILDREN;
    int wordGroup = NONE;
    int prefixGroup = NONE;

    Node child(char c) {
      int at = c - first;
      return at >= 0 && at < children.length ? children[at] : null;
    }

    Node childOrNew(char c) {
      Node child = child(c);
      if (child != null) {
        return child;
      }
      if (children.length == 0) {
        first = c;
        children = new Node[1];
      } else if (c < first) {
        Node[] grown = new Node[children.length + (first - c)];
        System.arraycopy(children, 0, grown, first - c, children.length);
        children = grown;
        first = c;
      } else if (c - first >= children.length) {
        children = Arrays.copyOf(children, c - first + 1);
      }
      child = new Node();
      children[c - first] = child;
      return child;
    }
  }
}
