package io.omniroute.engine.channel;

import io.omniroute.engine.channel.chat.ChatSettings;
import io.omniroute.engine.channel.social.SocialOptions;
import io.omniroute.engine.channel.twilio.TwilioOptions;
import java.util.Objects;

/**
 * The channel adapters' settings, one per adapter. Immutable.
 *
 * @param twilio the Twilio voice and SMS endpoints: off until an auth token is configured
 * @param chat who may open the web chat socket and how much one socket may send
 * @param social whether the social media channel takes posts
 */
public record ChannelOptions(TwilioOptions twilio, ChatSettings chat, SocialOptions social) {
  public ChannelOptions {
    Objects.requireNonNull(twilio, "twilio");
    Objects.requireNonNull(chat, "chat");
    Objects.requireNonNull(social, "social");
  }

  /** Twilio off; web chat and social media on with their defaults. */
  public static ChannelOptions defaults() {
    return new ChannelOptions(TwilioOptions.off(), ChatSettings.defaults(), SocialOptions.DEFAULTS);
  }

  public ChannelOptions withTwilio(TwilioOptions newTwilio) {
    return new ChannelOptions(newTwilio, chat, social);
  }

  public ChannelOptions withChat(ChatSettings newChat) {
    return new ChannelOptions(twilio, newChat, social);
  }

  public ChannelOptions withSocial(SocialOptions newSocial) {
    return new ChannelOptions(twilio, chat, newSocial);
  }
}
