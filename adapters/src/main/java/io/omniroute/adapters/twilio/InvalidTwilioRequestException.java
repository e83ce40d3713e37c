package io.omniroute.adapters.twilio;

import java.util.List;

/** A Twilio webhook that cannot become a contact; each problem names the parameter and what is wrong. */
public final class InvalidTwilioRequestException extends RuntimeException {
  private final List<String> problems;

  public InvalidTwilioRequestException(List<String> problems) {
    super(String.join("; ", problems), null, false, false);
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
