package io.omniroute.adapters.social;

import java.util.Locale;

/** What happened to a post: it was made, edited, or deleted. */
public enum SocialEvent {
  CREATED, EDITED, DELETED;

  /** The wire name: {@code created}, {@code edited}, {@code deleted}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
