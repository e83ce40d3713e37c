package io.omniroute.engine.channel.chat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The resume tokens of chats: 128 random bits from {@link SecureRandom}, base64url without padding
 * (22 characters), and their SHA-256, under which a {@link ChatStore} keeps the session. Thread-safe.
 */
public final class ChatTokens {
  private static final SecureRandom RANDOM = new SecureRandom();

  private ChatTokens() {}

  /** A new token. */
  public static String newToken() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** The hex SHA-256 of {@code token}. */
  public static String hash(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
