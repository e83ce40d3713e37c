package io.omniroute.adapters.email;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The recorded mails under {@code src/test/resources/email/}. */
final class MailFixtures {
  private MailFixtures() {}

  static byte[] read(String name) {
    try (InputStream in = MailFixtures.class.getResourceAsStream("/email/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture email/" + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
