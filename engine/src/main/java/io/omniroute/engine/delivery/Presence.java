package io.omniroute.engine.delivery;

import java.util.Locale;
import java.util.Optional;

/** Whether an agent can take work now. Wire names are the lower-case constant names. */
public enum Presence {
  /** Ready for work. */
  AVAILABLE,
  /** Working, on something the engine may not know of. */
  BUSY,
  /** Logged in but away from the desk. */
  AWAY,
  /** Not working; a new agent starts offline. */
  OFFLINE;

  /** The name on the wire: {@code available}, {@code busy}, {@code away}, {@code offline}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The presence of a wire name, or empty when {@code value} is none. */
  public static Optional<Presence> fromWire(String value) {
    for (Presence presence : values()) {
      if (presence.wireName().equals(value)) {
        return Optional.of(presence);
      }
    }
    return Optional.empty();
  }
}
