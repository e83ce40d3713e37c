package io.omniroute.rules.model;

import java.util.Locale;

/** The channel a contact arrived on. Wire names are the lower-case constant names. */
public enum Channel {
  VOICE, EMAIL, CHAT, SOCIAL, SMS;

  /** The name used on the wire and in metrics, for example {@code voice}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a wire name.
   *
   * @throws IllegalArgumentException naming the accepted values when {@code value} is not one
   */
  public static Channel fromWire(String value) {
    for (Channel channel : values()) {
      if (channel.wireName().equals(value)) {
        return channel;
      }
    }
    throw new IllegalArgumentException(
        "unknown channel '" + value + "': use one of voice, email, chat, social, sms");
  }
}
