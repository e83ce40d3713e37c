package io.omniroute.adapters.email;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReplyTextTest {
  @Test
  void keepsAMailWithoutMarksAsNewText() {
    assertThat(ReplyText.ofPlain("Is my car ready?\n\nAnna")).isEqualTo(new ReplyText("Is my car ready?\n\nAnna", "", ""));
  }

  @Test
  void splitsOffAnEnglishAttributionAndItsQuote() {
    ReplyText reply = ReplyText.ofPlain("Friday works.\n\nOn Tue, 12 Mar 2024 at 15:30, Sepp <sepp@dealer.example>\nwrote:\n> Ready on Friday.\n");

    assertThat(reply.text()).isEqualTo("Friday works.");
    assertThat(reply.quoted()).startsWith("On Tue, 12 Mar 2024").endsWith("> Ready on Friday.");
  }

  @Test
  void splitsOffAnOutlookOriginalMessage() {
    ReplyText reply = ReplyText.ofPlain("Yes, please.\n\n-----Original Message-----\nFrom: Sepp\nShall we?\n");

    assertThat(reply.text()).isEqualTo("Yes, please.");
    assertThat(reply.quoted()).startsWith("-----Original Message-----").endsWith("Shall we?");
  }

  @Test
  void splitsOffAnOutlookReplyHeader() {
    ReplyText reply = ReplyText.ofPlain("Yes.\n\nFrom: Sepp Huber <sepp@dealer.example>\nSent: Tuesday, March 12, 2024 3:30 PM\nSubject: car\n\nReady?");

    assertThat(reply.text()).isEqualTo("Yes.");
    assertThat(reply.quoted()).startsWith("From: Sepp Huber").endsWith("Ready?");
  }

  @Test
  void keepsInterleavedAnswersAndQuotesTheQuotedLines() {
    ReplyText reply = ReplyText.ofPlain("> When can you come?\nFriday.\n> Which car?\nThe estate.");

    assertThat(reply.text()).isEqualTo("Friday.\nThe estate.");
    assertThat(reply.quoted()).isEqualTo("> When can you come?\n> Which car?");
  }

  @Test
  void splitsOffTheSignatureAtItsDelimiter() {
    ReplyText reply = ReplyText.ofPlain("See you.\n-- \nTom Baker\nFleet manager");

    assertThat(reply.text()).isEqualTo("See you.");
    assertThat(reply.signature()).isEqualTo("Tom Baker\nFleet manager");
  }

  @Test
  void treatsAClosingSentFromLineAsSignature() {
    ReplyText reply = ReplyText.ofPlain("On my way.\n\nVon meinem iPhone gesendet");

    assertThat(reply.text()).isEqualTo("On my way.");
    assertThat(reply.signature()).isEqualTo("Von meinem iPhone gesendet");
  }

  @Test
  void keepsAnOnLineThatIsNoAttribution() {
    assertThat(ReplyText.ofPlain("On Friday I wrote: nothing.\nPlease call.").text())
        .isEqualTo("On Friday I wrote: nothing.\nPlease call.");
  }
}
