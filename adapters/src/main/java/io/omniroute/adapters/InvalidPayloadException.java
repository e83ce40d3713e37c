package io.omniroute.adapters;

import java.util.List;

/**
 * A foreign payload (a Twilio webhook, a mail, a social post, a chat frame) that cannot become a
 * contact. Each problem names the field, header or part and says what is wrong, so the HTTP
 * answer can tell the sender what to fix. Nothing of such a payload is stored. Immutable.
 */
public class InvalidPayloadException extends RuntimeException {
  private final List<String> problems;

  public InvalidPayloadException(List<String> problems) {
    super(String.join("; ", problems), null, false, false);
    this.problems = List.copyOf(problems);
  }

  public InvalidPayloadException(String problem) {
    this(List.of(problem));
  }

  /** What is wrong, one sentence each. */
  public List<String> problems() {
    return problems;
  }
}
