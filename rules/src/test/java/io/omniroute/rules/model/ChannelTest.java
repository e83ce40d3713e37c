package io.omniroute.rules.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ChannelTest {
  @ParameterizedTest(name = "{0}")
  @EnumSource(Channel.class)
  void readsBackItsOwnWireName(Channel channel) {
    assertThat(Channel.fromWire(channel.wireName())).isEqualTo(channel);
  }

  @Test
  void usesLowerCaseWireNames() {
    assertThat(Channel.VOICE.wireName()).isEqualTo("voice");
    assertThat(Channel.SOCIAL.wireName()).isEqualTo("social");
  }

  @ParameterizedTest(name = "[{0}]")
  @NullAndEmptySource
  @ValueSource(strings = {"fax", "VOICE", "Email", " chat", "whatsapp"})
  void rejectsUnknownNamesListingTheAcceptedOnes(String wire) {
    assertThatThrownBy(() -> Channel.fromWire(wire))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown channel")
        .hasMessageContaining("voice, email, chat, social, sms");
  }
}
