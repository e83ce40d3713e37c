package io.omniroute.adapters.social;

import io.omniroute.adapters.InvalidPayloadException;
import java.util.List;

/** A social post that cannot become a contact; each problem names the field and what is wrong. Immutable. */
public final class InvalidSocialPostException extends InvalidPayloadException {
  public InvalidSocialPostException(List<String> problems) {
    super(problems);
  }
}
