package io.omniroute.adapters.chat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.regex.Pattern;

/**
 * Reads the frames a chat widget sends ({@link ChatFrame}) and checks them against the protocol
 * and the {@link ChatLimits}: a JSON object with a {@code type} of {@code message} (an {@code id} of
 * 16 to 64 letters, digits, {@code -} or {@code _}, and a non-blank {@code text} up to the limit) or
 * {@code resume} (a {@code token} and an optional {@code lastSeq} of at least 0). Anything else fails
 * with {@link InvalidChatFrameException} saying what to fix. The frame's size is the caller's check
 * ({@link #tooBig}), before it is read. Stateless and thread-safe.
 */
public final class ChatFrames {
  /** A client message id: random enough that nobody else guesses it (a UUID will do). */
  public static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9_-]{16,64}");
  /** A resume token as the engine issues them: 128 random bits, base64url without padding. */
  public static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{22}");

  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();

  private ChatFrames() {}

  /** Whether a text frame of {@code utf8Bytes} bytes is over the limit. */
  public static boolean tooBig(int utf8Bytes, ChatLimits limits) {
    return utf8Bytes > limits.maxFrameBytes();
  }

  /** The frame in {@code text}. */
  public static ChatFrame parse(String text, ChatLimits limits) {
    JsonNode frame;
    try {
      frame = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new InvalidChatFrameException(InvalidChatFrameException.MALFORMED,
          "the frame is not JSON: send one JSON object per text frame");
    }
    if (frame == null || !frame.isObject()) {
      throw new InvalidChatFrameException(InvalidChatFrameException.MALFORMED,
          "the frame is not a JSON object: send {\"type\":\"message\",\"id\":...,\"text\":...}");
    }
    JsonNode type = frame.get("type");
    if (type == null || !type.isTextual()) {
      throw invalid("the frame has no type: use \"message\" or \"resume\"");
    }
    return switch (type.asText()) {
      case "message" -> message(frame, limits);
      case "resume" -> resume(frame);
      default -> throw invalid("unknown frame type '" + printable(type.asText()) + "': use \"message\" or \"resume\"");
    };
  }

  private static ChatFrame.Message message(JsonNode frame, ChatLimits limits) {
    JsonNode id = frame.get("id");
    if (id == null || !id.isTextual() || !CLIENT_ID.matcher(id.asText()).matches()) {
      throw invalid("a message needs an id of 16 to 64 letters, digits, - or _ (a random UUID will do)");
    }
    JsonNode text = frame.get("text");
    if (text == null || !text.isTextual() || text.asText().isBlank()) {
      throw invalid("a message needs a non-blank text");
    }
    if (text.asText().length() > limits.maxTextChars()) {
      throw new InvalidChatFrameException(InvalidChatFrameException.TEXT_TOO_LONG,
          "the text has " + text.asText().length() + " characters; at most " + limits.maxTextChars() + " are allowed");
    }
    return new ChatFrame.Message(id.asText(), text.asText());
  }

  private static ChatFrame.Resume resume(JsonNode frame) {
    JsonNode token = frame.get("token");
    if (token == null || !token.isTextual() || !TOKEN.matcher(token.asText()).matches()) {
      throw invalid("a resume needs the token of the \"opened\" frame");
    }
    JsonNode lastSeq = frame.get("lastSeq");
    if (lastSeq != null && !lastSeq.isNull() && (!lastSeq.canConvertToExactIntegral() || !lastSeq.canConvertToLong()
        || lastSeq.asLong() < 0)) {
      throw invalid("lastSeq must be the seq of the last agent message received, an integer of at least 0");
    }
    return new ChatFrame.Resume(token.asText(), lastSeq == null ? 0 : lastSeq.asLong());
  }

  private static InvalidChatFrameException invalid(String problem) {
    return new InvalidChatFrameException(InvalidChatFrameException.INVALID, problem);
  }

  private static String printable(String text) {
    String cut = text.length() > 40 ? text.substring(0, 40) + "..." : text;
    return cut.replaceAll("[^\\x20-\\x7E]", "?");
  }
}
