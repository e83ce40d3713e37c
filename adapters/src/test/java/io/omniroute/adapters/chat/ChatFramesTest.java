package io.omniroute.adapters.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChatFramesTest {
  private static final ChatLimits LIMITS = ChatLimits.DEFAULTS;

  @Test
  void readsACustomerMessage() {
    ChatFrame frame = ChatFrames.parse(fixture("chat/message.json"), LIMITS);

    assertThat(frame).isEqualTo(new ChatFrame.Message("6f1c2a9e-4b7d-4e0a-9c3b-2d5e8f7a1b3c", "Is my car ready for pick-up?"));
  }

  @Test
  void readsAResumeWithTheLastSeqSeen() {
    ChatFrame frame = ChatFrames.parse(fixture("chat/resume.json"), LIMITS);

    assertThat(frame).isEqualTo(new ChatFrame.Resume("q9QXh2Zr3mJ0c1VtY8pL4w", 3));
  }

  @Test
  void aResumeWithoutLastSeqStartsAtTheBeginning() {
    ChatFrame frame = ChatFrames.parse("{\"type\":\"resume\",\"token\":\"q9QXh2Zr3mJ0c1VtY8pL4w\"}", LIMITS);

    assertThat(frame).isEqualTo(new ChatFrame.Resume("q9QXh2Zr3mJ0c1VtY8pL4w", 0));
  }

  @Test
  void keepsHtmlInATextAsPlainCharacters() {
    ChatFrame.Message frame = (ChatFrame.Message) ChatFrames.parse(fixture("chat/html-text.json"), LIMITS);

    assertThat(frame.text()).isEqualTo("<img src=x onerror=alert(1)> <script>alert(2)</script>");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "truncated.json, malformed-frame, not JSON",
      "not-json.txt, malformed-frame, not JSON",
      "null.json, malformed-frame, not a JSON object",
      "array.json, malformed-frame, not a JSON object",
      "unknown-type.json, invalid-frame, unknown frame type 'subscribe'",
      "no-type.json, invalid-frame, has no type",
      "short-id.json, invalid-frame, 16 to 64 letters",
      "blank-text.json, invalid-frame, non-blank text",
      "text-not-string.json, invalid-frame, non-blank text",
      "duplicate-keys.json, malformed-frame, not JSON",
      "bad-token.json, invalid-frame, token of the \"opened\" frame",
      "negative-last-seq.json, invalid-frame, lastSeq must be",
      "fractional-last-seq.json, invalid-frame, lastSeq must be"})
  void refusesAHostileFrameSayingWhatToFix(String file, String code, String says) {
    assertThatThrownBy(() -> ChatFrames.parse(fixture("chat/hostile/" + file), LIMITS))
        .isInstanceOfSatisfying(InvalidChatFrameException.class, e -> {
          assertThat(e.code()).isEqualTo(code);
          assertThat(e.getMessage()).contains(says);
        });
  }

  @Test
  void refusesATextOverTheLimit() {
    String text = "x".repeat(LIMITS.maxTextChars() + 1);

    assertThatThrownBy(() -> ChatFrames.parse(
        "{\"type\":\"message\",\"id\":\"6f1c2a9e-4b7d-4e0a-9c3b-2d5e8f7a1b3c\",\"text\":\"" + text + "\"}", LIMITS))
        .isInstanceOfSatisfying(InvalidChatFrameException.class,
            e -> assertThat(e.code()).isEqualTo(InvalidChatFrameException.TEXT_TOO_LONG));
  }

  @Test
  void refusesDeeplyNestedJsonWithoutFailingOtherwise() {
    String deep = "{\"type\":\"message\",\"x\":" + "[".repeat(5000) + "]".repeat(5000) + "}";

    assertThatThrownBy(() -> ChatFrames.parse(deep, LIMITS)).isInstanceOf(InvalidChatFrameException.class);
  }

  @Test
  void aFrameIsTooBigByItsBytesNotItsCharacters() {
    assertThat(ChatFrames.tooBig(LIMITS.maxFrameBytes(), LIMITS)).isFalse();
    assertThat(ChatFrames.tooBig(LIMITS.maxFrameBytes() + 1, LIMITS)).isTrue();
  }

  @Test
  void serverFramesEscapeWhatTheyCarry() {
    String frame = ServerFrames.agentMessage(4, "\"},{\"type\":\"opened\"", java.time.Instant.parse("2026-01-05T09:00:00Z"));

    assertThat(frame).isEqualTo("{\"type\":\"message\",\"seq\":4,\"from\":\"agent\","
        + "\"text\":\"\\\"},{\\\"type\\\":\\\"opened\\\"\",\"at\":\"2026-01-05T09:00:00Z\"}");
  }

  @Test
  void aChatMessageBecomesAnAnonymousContactOfTheDealerInItsThread() {
    assertThat(ChatContact.of("DE-MUC-001", "DE", ChatContact.threadKey("6f1c2a9e-4b7d"), "Hello").toString())
        .isEqualTo("{\"channel\":\"chat\",\"dealerId\":\"DE-MUC-001\",\"country\":\"DE\","
            + "\"thread\":{\"key\":\"chat-6f1c2a9e-4b7d\"},\"text\":\"Hello\"}");
    assertThat(ChatContact.idempotencyKey("chat-a", "b")).isEqualTo("chat-a/b");
  }

  static String fixture(String name) {
    try (InputStream in = ChatFramesTest.class.getClassLoader().getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
