package io.omniroute.adapters.social;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * The plain text of a post's HTML as a person reads it, with jsoup: paragraphs become blank lines,
 * {@code <br>} a line break, a mention link its visible {@code @user}; scripts, styles and every
 * other markup are dropped and entities decoded. Nothing of the HTML passes through, so a text
 * shown to an agent can carry no markup. Stateless and thread-safe.
 */
public final class HtmlText {
  private HtmlText() {}

  /** The text of {@code html}, trimmed; an empty string for {@code null} or markup only. */
  public static String of(String html) {
    if (html == null || html.isEmpty()) {
      return "";
    }
    Document document = Jsoup.parseBodyFragment(html);
    document.select("script, style, template, noscript, iframe, object, embed").remove();
    StringBuilder text = new StringBuilder(html.length());
    NodeTraversor.traverse(new NodeVisitor() {
      @Override
      public void head(Node node, int depth) {
        if (node instanceof TextNode textNode) {
          text.append(textNode.getWholeText().replaceAll("\\s+", " "));
        } else if (node instanceof Element element && element.normalName().equals("br")) {
          trimTrailingSpace(text);
          text.append('\n');
        }
      }

      @Override
      public void tail(Node node, int depth) {
        if (node instanceof Element element && element.isBlock() && !element.normalName().equals("body")
            && !element.normalName().equals("br")) {
          trimTrailingSpace(text);
          if (text.length() > 0 && !text.toString().endsWith("\n\n")) {
            text.append(text.charAt(text.length() - 1) == '\n' ? "\n" : "\n\n");
          }
        }
      }
    }, document.body());
    return text.toString().replaceAll("(?m)^ +", "").strip();
  }

  private static void trimTrailingSpace(StringBuilder text) {
    while (text.length() > 0 && text.charAt(text.length() - 1) == ' ') {
      text.setLength(text.length() - 1);
    }
  }
}
