package io.omniroute.rules.model;

/** Builds and reads queue names: {@code central}, {@code country:DE}, {@code expert:x}, {@code dealer:x}. */
public final class QueueNames {
  public static final String CENTRAL = "central";

  private QueueNames() {}

  public static String country(String countryCode) {
    return "country:" + countryCode;
  }

  public static String expert(String teamId) {
    return "expert:" + teamId;
  }

  public static String dealer(String dealerId) {
    return "dealer:" + dealerId;
  }

  /** The part of a queue name after its level prefix: {@code DE-MUC-001} for {@code dealer:DE-MUC-001}. */
  public static String idOf(String queue) {
    int colon = queue.indexOf(':');
    return colon < 0 ? queue : queue.substring(colon + 1);
  }

  /** The level a queue name belongs to, or {@code null} when the name has no known prefix. */
  public static Level levelOf(String queue) {
    if (CENTRAL.equals(queue)) {
      return Level.CENTRAL;
    }
    int colon = queue.indexOf(':');
    if (colon <= 0 || colon == queue.length() - 1) {
      return null;
    }
    return switch (queue.substring(0, colon)) {
      case "country" -> Level.COUNTRY;
      case "expert" -> Level.EXPERT;
      case "dealer" -> Level.DEALER;
      default -> null;
    };
  }
}
