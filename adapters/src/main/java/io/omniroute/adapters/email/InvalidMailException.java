package io.omniroute.adapters.email;

import io.omniroute.adapters.InvalidPayloadException;
import java.util.List;

/**
 * A raw message that cannot become a contact: broken MIME, a charset that cannot be read, a
 * missing or malformed sender. Each problem names the header or part. Immutable.
 */
public final class InvalidMailException extends InvalidPayloadException {
  public InvalidMailException(List<String> problems) {
    super(problems);
  }

  public InvalidMailException(String problem) {
    super(problem);
  }
}
