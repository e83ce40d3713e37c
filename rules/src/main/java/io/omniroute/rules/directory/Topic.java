package io.omniroute.rules.directory;

import java.util.List;

/** A subject area recognised by keywords in a contact's subject or text. Immutable. */
public record Topic(String id, List<String> keywords) {
  public Topic {
    keywords = keywords == null ? List.of() : List.copyOf(keywords);
  }
}
