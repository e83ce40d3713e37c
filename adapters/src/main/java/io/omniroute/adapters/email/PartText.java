package io.omniroute.adapters.email;

import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;

/**
 * The text of one {@code text/*} part, its transfer encoding (quoted-printable, base64) undone and
 * its bytes read in the charset it declares. A part that declares no charset is read as ASCII, or
 * as UTF-8 when its bytes are valid UTF-8; other 8-bit bytes without a charset, and a charset Java
 * does not know, make the mail invalid ({@link InvalidMailException}) rather than guessed. Stateless.
 */
final class PartText {
  private PartText() {}

  /** The decoded text of {@code part}; {@code where} names it in problems ({@code "the text/plain part 1.2"}). */
  static String of(Part part, String where, int maxBytes) throws MessagingException, IOException {
    byte[] bytes;
    try (InputStream in = MailBody.Walk.decoded(part)) {
      bytes = in.readNBytes(maxBytes);
    }
    String declared = new ContentType(part.getContentType()).getParameter("charset");
    if (declared == null || declared.isBlank()) {
      return undeclared(bytes, where);
    }
    Charset charset;
    try {
      charset = Charset.forName(MimeUtility.javaCharset(declared.trim()));
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      throw new InvalidMailException(where + " declares the charset '" + declared
          + "', which cannot be read: send it as UTF-8 or ISO-8859-1");
    }
    return charset.newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE)
        .onUnmappableCharacter(CodingErrorAction.REPLACE)
        .decode(ByteBuffer.wrap(bytes))
        .toString();
  }

  private static String undeclared(byte[] bytes, String where) {
    boolean ascii = true;
    for (byte b : bytes) {
      if (b < 0) {
        ascii = false;
        break;
      }
    }
    if (ascii) {
      return new String(bytes, StandardCharsets.US_ASCII);
    }
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new InvalidMailException(where + " has 8-bit characters but declares no charset, and they are not UTF-8:"
          + " declare the charset in its Content-Type, e.g. text/plain; charset=ISO-8859-1");
    }
  }
}
