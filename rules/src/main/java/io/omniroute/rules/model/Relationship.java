package io.omniroute.rules.model;

import java.util.Locale;

/**
 * Who owns the relationship with a customer: the brand itself ({@link #DIRECT}: it sells to and
 * bills the customer) or a dealer, agency or broker ({@link #INDIRECT}).
 */
public enum Relationship {
  DIRECT,
  INDIRECT;

  /** The name on the wire: {@code direct}, {@code indirect}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The relationship of a wire name, or {@code null} when it is none. */
  public static Relationship fromWire(String name) {
    for (Relationship relationship : values()) {
      if (relationship.wireName().equals(name)) {
        return relationship;
      }
    }
    return null;
  }
}
