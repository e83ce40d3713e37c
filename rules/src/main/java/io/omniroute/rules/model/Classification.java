package io.omniroute.rules.model;

import java.util.Objects;

/** What a contact is about: the knowledge it needs, its urgency and its topic. Immutable. */
public record Classification(Knowledge knowledge, Urgency urgency, String topic) {
  public static final String GENERAL_TOPIC = "general";

  public Classification {
    Objects.requireNonNull(knowledge, "knowledge");
    Objects.requireNonNull(urgency, "urgency");
    Objects.requireNonNull(topic, "topic");
  }
}
