package io.omniroute.engine.channel;

import io.omniroute.engine.channel.chat.ChatSettings;
import io.omniroute.engine.channel.email.EmailOptions;
import io.omniroute.engine.channel.social.SocialOptions;
import io.omniroute.engine.channel.twilio.TwilioOptions;
import java.util.Objects;

/**
 * The channel adapters' settings, one per adapter. Immutable.
 *
 * @param twilio the Twilio voice and SMS endpoints: off until an auth token is configured
 * @param chat who may open the web chat socket and how much one socket may send
 * @param social whether the social media channel takes posts
 * @param email how the email channel takes mail (endpoint, mailbox) and sends answers
 */
public record ChannelOptions(TwilioOptions twilio, ChatSettings chat, SocialOptions social, EmailOptions email) {
  public ChannelOptions {
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(twilio, "twilio");
    Objects.requireNonNull(chat, "chat");
    Objects.requireNonNull(social, "social");
  }

  /** Twilio off; email, web chat and social media on with their defaults. */
  public static ChannelOptions defaults() {
    return new ChannelOptions(TwilioOptions.off(), ChatSettings.defaults(), SocialOptions.DEFAULTS, EmailOptions.defaults());
  }

  public ChannelOptions withTwilio(TwilioOptions newTwilio) {
    return new ChannelOptions(newTwilio, chat, social, email);
  }

  public ChannelOptions withChat(ChatSettings newChat) {
    return new ChannelOptions(twilio, newChat, social, email);
  }

  public ChannelOptions withSocial(SocialOptions newSocial) {
    return new ChannelOptions(twilio, chat, newSocial, email);
  }

  public ChannelOptions withEmail(EmailOptions newEmail) {
    return new ChannelOptions(twilio, chat, social, newEmail);
  }
}
