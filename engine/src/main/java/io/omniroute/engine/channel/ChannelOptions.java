package io.omniroute.engine.channel;

import io.omniroute.engine.channel.chat.ChatSettings;
import io.omniroute.engine.channel.twilio.TwilioOptions;
import java.util.Objects;

/**
 * The channel adapters' settings, one per adapter. Immutable.
 *
 * @param twilio the Twilio voice and SMS endpoints: off until an auth token is configured
 * @param chat who may open the web chat socket and how much one socket may send
 */
public record ChannelOptions(TwilioOptions twilio, ChatSettings chat) {
  public ChannelOptions {
    Objects.requireNonNull(twilio, "twilio");
    Objects.requireNonNull(chat, "chat");
  }

  /** Twilio off, web chat on with its defaults. */
  public static ChannelOptions defaults() {
    return new ChannelOptions(TwilioOptions.off(), ChatSettings.defaults());
  }

  public ChannelOptions withTwilio(TwilioOptions newTwilio) {
    return new ChannelOptions(newTwilio, chat);
  }

  public ChannelOptions withChat(ChatSettings newChat) {
    return new ChannelOptions(twilio, newChat);
  }
}
