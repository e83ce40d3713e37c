package io.omniroute.adapters.twilio;

import io.omniroute.adapters.InvalidPayloadException;
import java.util.List;

/** A Twilio webhook that cannot become a contact; each problem names the parameter and what is wrong. */
public final class InvalidTwilioRequestException extends InvalidPayloadException {
  public InvalidTwilioRequestException(List<String> problems) {
    super(problems);
  }
}
