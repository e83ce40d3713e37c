package io.omniroute.engine.queue;

import java.util.Objects;

/**
 * A channel's own thread identity (an email's root Message-ID, a chat session id, a social post's
 * root id) within the scope where it joins a conversation: one customer's contacts on any channel
 * ({@link #ofCustomer}), or an unidentified sender's contacts on one channel ({@link #ofChannel}).
 * Immutable.
 */
public record ThreadKey(String key, String scope) {
  public ThreadKey {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(scope, "scope");
  }

  /** The thread {@code key} of the identified customer {@code customerId}, on any channel. */
  public static ThreadKey ofCustomer(String key, String customerId) {
    return new ThreadKey(key, "customer:" + customerId);
  }

  /** The thread {@code key} of an unidentified sender on {@code channel}. */
  public static ThreadKey ofChannel(String key, String channel) {
    return new ThreadKey(key, "channel:" + channel);
  }
}
