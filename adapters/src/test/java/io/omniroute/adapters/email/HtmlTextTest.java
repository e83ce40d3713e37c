package io.omniroute.adapters.email;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTextTest {
  @Test
  void keepsParagraphsAndLineBreaksAsLines() {
    assertThat(HtmlText.of("<p>Hello,</p><p>is it ready?<br>Anna</p>").text()).isEqualTo("Hello,\nis it ready?\nAnna");
  }

  @Test
  void keepsTheOutlookReplyHeaderAndEverythingAfterItApart() {
    ReplyText reply = HtmlText.of("<div>Yes, Friday.</div><div id=\"appendonsend\"></div><hr>"
        + "<div id=\"divRplyFwdMsg\"><b>From:</b> Sepp</div><div>Ready on Friday?</div>");

    assertThat(reply.text()).isEqualTo("Yes, Friday.");
    assertThat(reply.quoted()).contains("From: Sepp").contains("Ready on Friday?");
  }

  @Test
  void keepsAThunderbirdSignatureApart() {
    ReplyText reply = HtmlText.of("<p>See you</p><div class=\"moz-signature\">-- <br>Tom Baker</div>");

    assertThat(reply.text()).isEqualTo("See you");
    assertThat(reply.signature()).contains("Tom Baker");
  }

  @Test
  void dropsScriptsStylesAndTagsAndDecodesEntities() {
    ReplyText reply = HtmlText.of("<style>p{color:red}</style><p onclick=\"x()\">A &amp; B &lt;b&gt;</p><script>evil()</script>");

    assertThat(reply.text()).isEqualTo("A & B <b>");
  }
}
