package io.omniroute.adapters.email;

import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * An HTML mail body read into plain text with jsoup: scripts, styles and the head are dropped,
 * block elements and line breaks become line breaks, and what mail programs mark as quoted (a
 * {@code blockquote type=cite}, Gmail's {@code gmail_quote}, Thunderbird's {@code moz-cite-prefix},
 * Outlook's reply header) or as signature ({@code gmail_signature}, {@code moz-signature}, an
 * element with id {@code Signature}) is kept apart. The result is text only: no tag or attribute
 * of the sender's HTML survives. Stateless.
 */
public final class HtmlText {
  private static final String QUOTE_SELECTOR =
      "blockquote[type=cite], .gmail_quote, .gmail_quote_container, .moz-cite-prefix, #appendonsend, #divRplyFwdMsg, "
          + "div[id^=divRplyFwdMsg], .yahoo_quoted, blockquote";
  private static final String SIGNATURE_SELECTOR = ".gmail_signature, .moz-signature, #Signature, [data-signature]";
  private static final Set<String> BLOCKS = Set.of(
      "p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table", "ul", "ol", "hr",
      "address", "article", "section", "header", "footer", "dd", "dt");

  private HtmlText() {}

  /** The text of {@code html}, split into new text, quoted messages and signature. */
  public static ReplyText of(String html) {
    Document document = Jsoup.parse(html);
    document.select("script, style, head, template, noscript, object, embed, iframe").remove();
    Element body = document.body();
    StringBuilder quoted = new StringBuilder();
    Elements quotes = body.select(QUOTE_SELECTOR);
    for (Element quote : quotes) {
      if (quote.ownerDocument() != null) {
        appendSiblingsAfterOutlookHeader(quote, quoted);
        quoted.append(text(quote)).append('\n');
        quote.remove();
      }
    }
    StringBuilder signature = new StringBuilder();
    for (Element element : body.select(SIGNATURE_SELECTOR)) {
      if (element.ownerDocument() != null) {
        signature.append(text(element)).append('\n');
        element.remove();
      }
    }
    ReplyText plain = ReplyText.ofPlain(text(body));
    return new ReplyText(
        plain.text(),
        joined(quoted.toString(), plain.quoted()),
        joined(signature.toString(), plain.signature()));
  }

  /** Outlook puts the quoted message after its reply header as siblings: they are quoted too. */
  private static void appendSiblingsAfterOutlookHeader(Element quote, StringBuilder quoted) {
    if (!quote.id().startsWith("divRplyFwdMsg") && !quote.id().equals("appendonsend")) {
      return;
    }
    Element next = quote.nextElementSibling();
    quoted.append(text(quote)).append('\n');
    while (next != null) {
      Element following = next.nextElementSibling();
      quoted.append(text(next)).append('\n');
      next.remove();
      next = following;
    }
    quote.empty();
  }

  /** The readable text of {@code root}: its words with line breaks where the HTML has blocks. */
  static String text(Element root) {
    StringBuilder out = new StringBuilder();
    NodeTraversor.traverse(new NodeVisitor() {
      @Override
      public void head(Node node, int depth) {
        if (node instanceof TextNode text) {
          String words = isPreformatted(text) ? text.getWholeText() : text.text();
          if (!words.isBlank() || (!out.isEmpty() && out.charAt(out.length() - 1) != '\n' && out.charAt(out.length() - 1) != ' ')) {
            out.append(words);
          }
        } else if (node instanceof Element element && BLOCKS.contains(element.normalName())) {
          newLine(out);
        }
      }

      @Override
      public void tail(Node node, int depth) {
        if (node instanceof Element element && BLOCKS.contains(element.normalName()) && !element.normalName().equals("br")) {
          newLine(out);
        }
      }
    }, root);
    return collapse(out.toString());
  }

  private static boolean isPreformatted(TextNode text) {
    Element parent = text.parent();
    return parent != null && parent.closest("pre") != null;
  }

  private static void newLine(StringBuilder out) {
    out.append('\n');
  }

  /** Trims each line and keeps at most one empty line between paragraphs. */
  private static String collapse(String text) {
    StringBuilder out = new StringBuilder();
    int blank = 0;
    for (String line : text.split("\n", -1)) {
      String trimmed = line.strip();
      if (trimmed.isEmpty()) {
        blank++;
        continue;
      }
      if (!out.isEmpty()) {
        out.append(blank > 1 ? "\n\n" : "\n");
      }
      blank = 0;
      out.append(trimmed);
    }
    return out.toString();
  }

  private static String joined(String first, String second) {
    String a = first.strip();
    String b = second.strip();
    return a.isEmpty() ? b : b.isEmpty() ? a : a + "\n" + b;
  }
}
